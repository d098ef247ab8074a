import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

/**
 * Docs that compile: every TypeScript block of the README type-checks against the public API
 * (src/index.ts, as `@datamesh/platform`). A block may leave out what a reader's program already
 * has: the `App` it builds on (`app`) and the imports of App, SqsQueue, buildMesh and synthMesh.
 */
const GIVEN: Record<string, string> = {
  App: "import { App } from 'cdktf';",
  SqsQueue: "import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';",
  buildMesh: "import { buildMesh } from '@datamesh/platform';",
  synthMesh: "import { synthMesh } from '@datamesh/platform';",
};

function readmeSnippets(): string[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** The snippet as a module, with what it leaves out given; the package name points at src/. */
function asModule(snippet: string): string {
  const imported = (name: string) => new RegExp(`^import [^;]*\\b${name}\\b[^;]*;`, 'm').test(snippet);
  const given = Object.entries(GIVEN)
    .filter(([name]) => new RegExp(`\\b${name}\\b`).test(snippet) && !imported(name))
    .map(([, line]) => line);
  if (/\bapp\b/.test(snippet) && !/\b(const|let) app\b/.test(snippet)) given.push(...(imported('App') || given.includes(GIVEN.App) ? [] : [GIVEN.App]), 'declare const app: App;');
  const text = `${given.join('\n')}\n${snippet}\nexport {};\n`;
  return text.replace(/from '@datamesh\/platform'/g, `from '${path.join(PROJECT_ROOT, 'src', 'index').split(path.sep).join('/')}'`);
}

/** Type errors of the modules, compiled together with the project's own compiler options. */
function typeErrors(modules: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(PROJECT_ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  // Snippets show one idea each: a value shown but not used again is fine there.
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false, types: ['node'] };
  const files = new Map(modules.map((text, i) => [path.join(PROJECT_ROOT, 'test', 'docs', `readme-snippet-${i + 1}.ts`), text]));
  const base = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (file) => files.has(file) || base.fileExists(file),
    readFile: (file) => files.get(file) ?? base.readFile(file),
    getSourceFile: (file, language, ...rest) => {
      const text = files.get(file);
      return text === undefined ? base.getSourceFile(file, language, ...rest) : ts.createSourceFile(file, text, language);
    },
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => `${path.basename(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n${files.get(d.file!.fileName)}`);
}

describe("the README's TypeScript", () => {
  // One program for all blocks and a block known to be wrong: the project is type-checked once.
  const BROKEN = "import { buildMesh } from '@datamesh/platform';\nbuildMesh(app, { contractDir: 'contracts' });\n";
  const snippets = readmeSnippets();
  let errors: string[];
  beforeAll(() => {
    errors = typeErrors([...snippets, BROKEN].map(asModule));
  });

  it('has the blocks this test compiles', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(3);
  });

  it('type-checks against the public API', () => {
    expect(errors.filter((e) => !e.startsWith(`readme-snippet-${snippets.length + 1}.ts`))).toEqual([]);
  });

  it('finds a block that does not (the check works)', () => {
    const broken = errors.filter((e) => e.startsWith(`readme-snippet-${snippets.length + 1}.ts`));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toContain("'contractDir' does not exist");
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

/** Every TypeScript file of the repository that people or CI run, with its text. */
function sources(...folders: string[]): { file: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  folders.forEach((folder) => walk(path.join(PROJECT_ROOT, folder)));
  return files.map((file) => ({ file: path.relative(PROJECT_ROOT, file), text: fs.readFileSync(file, 'utf8') }));
}

const importsOf = (text: string) => [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('import boundaries', () => {
  it('imports @cdktf/provider-aws by deep path only: the package root costs seconds and hundreds of MB', () => {
    const offenders = sources('src', 'test', 'stacks', 'bench', 'scripts', 'examples')
      .filter(({ text }) => importsOf(text).some((spec) => spec === '@cdktf/provider-aws' || spec === '@cdktf/provider-aws/lib'))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('keeps cdktf and the provider out of src/contract and the governance rule logic', () => {
    const offenders = sources('src/contract', 'src/governance', 'src/evolution')
      // The aspect is the one bridge from cdktf to the resource rules.
      .filter(({ file }) => file !== path.join('src', 'governance', 'aspect.ts'))
      .filter(({ text }) => importsOf(text).some((spec) => /^(cdktf|constructs|@cdktf\/)/.test(spec)))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('finds the imports it checks (the scan itself works)', () => {
    const imports = sources('src/constructs').flatMap(({ text }) => importsOf(text));
    expect(imports).toContain('@cdktf/provider-aws/lib/s3-bucket');
  });
});

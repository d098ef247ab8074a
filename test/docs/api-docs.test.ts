import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

const CONSTRUCTS = path.join(PROJECT_ROOT, 'src', 'constructs');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, pattern) : pattern.test(entry.name) ? [full] : [];
  });
}

/** `readonly name?:` fields with the doc comment right above them. */
function optionalProps(text: string): { name: string; doc: string }[] {
  return [...text.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?readonly (\w+)\?:/g)].map((m) => ({ name: m[2], doc: m[1] ?? '' }));
}

describe('API documentation', () => {
  it('documents every optional construct prop with its @default', () => {
    const props = filesUnder(CONSTRUCTS, /-props\.ts$/);
    expect(props.length).toBeGreaterThan(8);
    const undocumented = props.flatMap((file) => optionalProps(fs.readFileSync(file, 'utf8')).filter((p) => !p.doc.includes('@default')).map((p) => `${path.basename(file)}: ${p.name}`));
    expect(undocumented).toEqual([]);
  });

  it('finds an optional prop without @default (the check above works)', () => {
    expect(optionalProps('/** The name. */\n  readonly name?: string;\n  /** @default 3 */\n  readonly count?: number;')).toEqual([
      { name: 'name', doc: '/** The name. */\n  ' },
      { name: 'count', doc: '/** @default 3 */\n  ' },
    ]);
  });

  it('gives every construct an @example', () => {
    const constructs = filesUnder(CONSTRUCTS, /\.ts$/).filter((file) => /export class \w+ extends (Construct|TerraformStack)\b/.test(fs.readFileSync(file, 'utf8')));
    expect(constructs.length).toBe(10);
    const without = constructs.filter((file) => !/@example[\s\S]*?\*\/\s*export class/.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(PROJECT_ROOT, file));
    expect(without).toEqual([]);
  });

  it('keeps docs/api in step with the sources (regenerate with `npm run docs:api`)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-api-docs-'));
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--out', out, '--logLevel', 'Error'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const committed = path.join(PROJECT_ROOT, 'docs', 'api');
    const list = (dir: string) => filesUnder(dir, /./).map((f) => path.relative(dir, f)).sort();
    expect(list(committed)).toEqual(list(out));
    for (const file of list(out)) expect({ file, text: fs.readFileSync(path.join(committed, file), 'utf8') }).toEqual({ file, text: fs.readFileSync(path.join(out, file), 'utf8') });
  });
});

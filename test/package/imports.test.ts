import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

/** The layer rules of .dependency-cruiser.cjs (what `npm run lint:layers` runs), as data. */
const DEPCRUISE = path.join(PROJECT_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = path.join(PROJECT_ROOT, '.dependency-cruiser.cjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function cruise(cwd: string, folders: readonly string[], config = CONFIG): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', config, '--output-type', 'json', ...folders], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

/** A scratch project beside the real one: its files, the real node_modules and tsconfig. */
function scratchProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-layers-'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.copyFileSync(path.join(PROJECT_ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  // The real rules; packages keep their node_modules/ path through the symlink.
  const rules = `const real = require(${JSON.stringify(CONFIG)});\nmodule.exports = { ...real, options: { ...real.options, preserveSymlinks: true } };\n`;
  fs.writeFileSync(path.join(dir, 'layers.cjs'), rules);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('import boundaries (dependency-cruiser)', () => {
  it('finds no import against the layers in the repository', () => {
    expect(cruise(PROJECT_ROOT, ['src', 'test', 'stacks', 'bench', 'scripts', 'examples'])).toEqual([]);
  });

  it('fails an import up the flow, cdktf in a pure layer, cdktf reached from the CLI and the provider root', () => {
    const dir = scratchProject({
      'src/constructs/bucket.ts': "import { TerraformStack } from 'cdktf';\nexport const Stack = TerraformStack;\n",
      'src/contract/scratch.ts': "import { Stack } from '../constructs/bucket';\nimport { App } from 'cdktf';\nexport const both = [Stack, App];\n",
      'src/cli/scratch.ts': "import { both } from '../contract/scratch';\nexport const loaded = both;\n",
      'src/governance/scratch.ts': "import { S3Bucket } from '@cdktf/provider-aws';\nexport const bucket = S3Bucket;\n",
    });
    const found = cruise(dir, ['src'], path.join(dir, 'layers.cjs')).map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'contract-is-the-base: src/contract/scratch.ts -> src/constructs/bucket.ts',
        'pure-layers-without-cdktf: src/contract/scratch.ts -> node_modules/cdktf/lib/index.js',
        'provider-by-deep-path: src/governance/scratch.ts -> node_modules/@cdktf/provider-aws/lib/index.js',
      ]),
    );
    expect(found.some((v) => v.startsWith('validate-path-without-cdktf: src/cli/scratch.ts -> node_modules/cdktf/'))).toBe(true);
  });
});

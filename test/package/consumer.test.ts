import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';
import { terraform, terraformEnv } from '../helpers/terraform';

/**
 * What a domain team does: install the packed library into its own repository (the template in
 * examples/domain-repo) and synthesize. Slow by nature (npm pack + npm install), so it runs once.
 */
describe('the packed library in a domain team repository', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-consumer-'));
  const repo = path.join(work, 'domain-repo');
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    tarball = path.join(work, packed[0].filename);
    files = packed[0].files.map((f: { path: string }) => f.path);
    fs.cpSync(path.join(PROJECT_ROOT, 'examples', 'domain-repo'), repo, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    manifest.dependencies['@datamesh/platform'] = `file:${tarball}`;
    fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify(manifest, null, 2));
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
  }, 600_000);

  function run(command: string, args: string[]) {
    const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', env: { ...terraformEnv(), CI: '1', FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('ships the compiled library, its declarations, schemas, docs and the CLI, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/contract/schemas/odcs-v3.0.schema.json', 'dist/contract/schemas/odcs-v3.1.schema.json', 'dist/contract/schemas/odcs-v3.2.schema.json', 'bin/datamesh.js', 'docs/governance.md', 'README.md', 'CHANGELOG.md', 'package.json']));
    expect(files.filter((f) => /^(src|test|contracts|examples|bench|stacks|scripts)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('type-checks the team\'s main.ts against the published declarations', () => {
    const check = run('npx', ['tsc', '--noEmit', '-p', '.']);
    expect({ status: check.status, output: check.status === 0 ? '' : check.output }).toEqual({ status: 0, output: '' });
  });

  it('validates the contracts with the installed datamesh command', () => {
    const validate = run('npx', ['datamesh', 'validate']);
    expect(validate.output).toContain('1 product checked: 0 errors');
    expect(validate.status).toBe(0);
  });

  it('synthesizes with cdktf, including the team\'s own resource, and terraform validates the stack', () => {
    const synth = run('npx', ['cdktf', 'synth']);
    expect({ status: synth.status, output: synth.status === 0 ? '' : synth.output }).toEqual({ status: 0, output: '' });
    const stackDir = path.join(repo, 'cdktf.out', 'stacks', 'sales');
    const stack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    expect(Object.values(stack.resource.aws_s3_bucket).map((b: any) => b.bucket)).toContain('acme-dev-sales-orders');
    expect(Object.values(stack.resource.aws_sqs_queue).map((q: any) => q.name)).toEqual(['acme-sales-order-events']);
    expect(fs.existsSync(path.join(repo, 'cdktf.out', 'governance', 'report.sarif'))).toBe(true);
    expect(fs.existsSync(path.join(repo, 'cdktf.out', 'catalog', 'index.html'))).toBe(true);
    expect(terraform(stackDir, ['init', '-input=false', '-backend=false']).status).toBe(0);
    expect(terraform(stackDir, ['validate']).output).toContain('Success! The configuration is valid.');
  });
});

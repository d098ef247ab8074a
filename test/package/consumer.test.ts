import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';
import { grantToMarketing, PLATFORM_REPO, POINTER } from '../helpers/registry';
import { resourceCount, terraform, terraformEnv, writeMockOverride } from '../helpers/terraform';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-consumer-'));
let packedLibrary: { tarball: string; files: string[] } | undefined;

/** The library packed once per run, as the platform team publishes it; both setups below install it. */
function libraryTarball(): { tarball: string; files: string[] } {
  if (!packedLibrary) {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    packedLibrary = { tarball: path.join(work, packed[0].filename), files: packed[0].files.map((f: { path: string }) => f.path) };
  }
  return packedLibrary;
}

/** Runs a command in a domain repository as its team would (CI, no colour, the test's terraform). */
function runner(repo: string): (command: string, args: string[]) => { status: number | null; output: string } {
  return (command, args) => {
    const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', env: { ...terraformEnv(), CI: '1', FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
}

/**
 * A command of the repository's installed packages, as `npx <name>` finds it (node_modules/.bin)
 * without npx's own start-up (about half a CPU-second per call).
 */
const installedBin = (name: string) => path.join('node_modules', '.bin', name);

/**
 * What `cdktf synth` runs: the app command of the repository's cdktf.json, in the repository,
 * writing to cdktf.out. The first setup below runs the real `cdktf synth`; the second asks only
 * the app (about 3.5 CPU-seconds of the CLI's own start-up less), since what it checks, the
 * registry, is read by the app alone.
 */
function runApp(repo: string): { status: number | null; output: string } {
  const { app } = JSON.parse(fs.readFileSync(path.join(repo, 'cdktf.json'), 'utf8'));
  const result = spawnSync(app, {
    shell: true,
    cwd: repo,
    encoding: 'utf8',
    env: { ...terraformEnv(), CI: '1', FORCE_COLOR: '0', CDKTF_OUTDIR: path.join(repo, 'cdktf.out') },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** examples/domain-repo copied to `repo`, its package.json depending on the packed library. */
function copyTemplate(repo: string): void {
  fs.cpSync(path.join(PROJECT_ROOT, 'examples', 'domain-repo'), repo, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  manifest.dependencies['@datamesh/platform'] = `file:${libraryTarball().tarball}`;
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify(manifest, null, 2));
}

let installedRepo: string | undefined;

/**
 * The template with the packed library installed by `npm install`, once per run: the install is
 * about 30 CPU-seconds, and both setups below start from the same package.json, so a second
 * install would produce the same node_modules.
 */
function installedTemplate(): string {
  if (!installedRepo) {
    const repo = path.join(work, 'domain-repo');
    copyTemplate(repo);
    const install = runner(repo)('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
    if (install.status !== 0) throw new Error(`npm install failed in ${repo}:\n${install.output}`);
    installedRepo = repo;
  }
  return installedRepo;
}

/**
 * `from` recreated at `to` with hard links, in well under a second where a copy of the 800 MB
 * tree takes many. npm replaces package files rather than rewriting them, so an install in one
 * tree leaves the other as it was; the hidden lockfile npm rewrites is copied, after the folders,
 * so that npm still finds it newer than every package folder and trusts it.
 */
function linkNodeModules(from: string, to: string): void {
  const link = (source: string, target: string) => {
    fs.mkdirSync(target);
    for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
      const [s, t] = [path.join(source, entry.name), path.join(target, entry.name)];
      if (entry.isDirectory()) link(s, t);
      else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), t);
      else if (s !== path.join(from, '.package-lock.json')) fs.linkSync(s, t);
    }
  };
  link(from, to);
  fs.copyFileSync(path.join(from, '.package-lock.json'), path.join(to, '.package-lock.json'));
}

/** A fresh copy of the template at `repo`, installed as `npm install` installs it (see installedTemplate). */
function installTemplate(repo: string): ReturnType<typeof runner> {
  const installed = installedTemplate();
  if (repo !== installed) {
    copyTemplate(repo);
    fs.copyFileSync(path.join(installed, 'package-lock.json'), path.join(repo, 'package-lock.json'));
    linkNodeModules(path.join(installed, 'node_modules'), path.join(repo, 'node_modules'));
  }
  return runner(repo);
}

/**
 * What a domain team does: install the packed library into its own repository (the template in
 * examples/domain-repo) and synthesize. Slow by nature (npm pack + npm install), so it runs once.
 */
describe('the packed library in a domain team repository', () => {
  const repo = path.join(work, 'domain-repo');
  let files: string[];
  let run: ReturnType<typeof installTemplate>;

  beforeAll(() => {
    files = libraryTarball().files;
    run = installTemplate(repo);
  }, 600_000);

  it('ships the compiled library, its declarations, schemas, docs and the CLI, and nothing else', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/index.js',
        'dist/index.d.ts',
        'dist/contract/schemas/odcs-v3.0.schema.json',
        'dist/contract/schemas/odcs-v3.1.schema.json',
        'dist/contract/schemas/odcs-v3.2.schema.json',
        'bin/datamesh.js',
        'docs/governance.md',
        'README.md',
        'CHANGELOG.md',
        'package.json',
      ]),
    );
    expect(files.filter((f) => /^(src|test|contracts|examples|bench|stacks|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it("type-checks the team's main.ts against the published declarations", () => {
    const check = run(installedBin('tsc'), ['--noEmit', '-p', '.']);
    expect({ status: check.status, output: check.status === 0 ? '' : check.output }).toEqual({ status: 0, output: '' });
  });

  it('validates the contracts with the installed datamesh command', () => {
    const validate = run(installedBin('datamesh'), ['validate']);
    expect(validate.output).toContain('1 product checked: 0 errors');
    expect(validate.status).toBe(0);
  });

  it("synthesizes with cdktf, including the team's own resource, and terraform validates the stack", () => {
    const synth = run(installedBin('cdktf'), ['synth']);
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

/**
 * The done-when of many repositories: the platform repository packs the mesh registry with the
 * published library; a domain repository (the template, holding only sales) installs that tarball
 * with npm, then validates, synthesizes and plans its stack, granting to a domain it knows only
 * from the registry.
 */
describe('two repositories: a platform repository publishes the mesh registry, a domain repository installs it', () => {
  const platformRepo = path.join(work, 'platform-repo');
  const repo = path.join(work, 'sales-repo');
  let run: ReturnType<typeof installTemplate>;
  let registryTarball: string;

  beforeAll(() => {
    run = installTemplate(repo);
    fs.cpSync(PLATFORM_REPO, path.join(platformRepo, 'contracts'), { recursive: true });
    // The platform team runs the published CLI in its own repository.
    const datamesh = path.join(repo, 'node_modules', '@datamesh', 'platform', 'bin', 'datamesh.js');
    const pack = spawnSync(process.execPath, [datamesh, 'registry', 'pack', '--package-version', '1.2.0', '--out', path.join(platformRepo, 'dist'), '--format', 'json'], {
      cwd: platformRepo,
      encoding: 'utf8',
    });
    if (pack.status !== 0) throw new Error(`registry pack failed:\n${pack.stdout}${pack.stderr}`);
    registryTarball = JSON.parse(pack.stdout).tarball;
    fs.copyFileSync(POINTER, path.join(repo, 'contracts', 'platform.yaml'));
    grantToMarketing(path.join(repo, 'contracts'));
  }, 600_000);

  it('installs the registry tarball with npm, offline', () => {
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', registryTarball]);
    expect({ status: install.status, output: install.status === 0 ? '' : install.output }).toEqual({ status: 0, output: '' });
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(manifest.dependencies['@acme/mesh-registry']).toMatch(/^file:.*acme-mesh-registry-1\.2\.0\.tgz$/);
    expect(fs.readdirSync(path.join(repo, 'node_modules', '@acme', 'mesh-registry', 'registry')).sort()).toEqual(['marketing', 'platform.yaml', 'sales']);
  });

  it('validates against the registry: the marketing consumer resolves', () => {
    const validate = run(installedBin('datamesh'), ['validate']);
    expect(validate.output).toContain('1 product checked: 0 errors');
    expect(validate.status).toBe(0);
  });

  it('synthesizes the sales stack only, and terraform plans it offline', () => {
    const synth = runApp(repo);
    expect({ status: synth.status, output: synth.status === 0 ? '' : synth.output }).toEqual({ status: 0, output: '' });
    expect(fs.readdirSync(path.join(repo, 'cdktf.out', 'stacks'))).toEqual(['sales']);
    const stackDir = path.join(repo, 'cdktf.out', 'stacks', 'sales');
    const stack = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    expect(Object.values(stack.resource.aws_lakeformation_permissions).map((p: any) => p.principal)).toContain('arn:aws:iam::222222222222:role/marketing-analytics');
    writeMockOverride(stackDir);
    expect(terraform(stackDir, ['init', '-input=false']).status).toBe(0);
    const plan = terraform(stackDir, ['plan', '-input=false', '-lock=false']);
    expect({ status: plan.status, output: plan.status === 0 ? '' : plan.output }).toEqual({ status: 0, output: '' });
    expect(plan.output).toContain(`Plan: ${resourceCount(stackDir)} to add, 0 to change, 0 to destroy.`);
  });
});

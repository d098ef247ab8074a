import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyMesh, editFile } from '../helpers/fixtures';
import { domainRepo, grantToMarketing, installRegistry, PLATFORM_REPO } from '../helpers/registry';
import { datamesh } from './run-cli';

const outDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-pack-')), 'out');

describe('datamesh registry pack', () => {
  it('packs platform.yaml and every domain.yaml, byte for byte, and no contract', async () => {
    const out = outDir();
    const { code, stdout, stderr } = await datamesh(['registry', 'pack', '--package-version', '1.2.0', '--contracts', PLATFORM_REPO, '--out', out, '--format', 'json'], { evaluateRules: 'wired' });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const packed = JSON.parse(stdout);
    expect(packed).toMatchObject({ name: '@acme/mesh-registry', version: '1.2.0', tarball: path.join(out, 'acme-mesh-registry-1.2.0.tgz'), domains: ['marketing', 'sales'] });
    const listed = execFileSync('tar', ['-tzf', packed.tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listed).toEqual(['package/package.json', 'package/registry/marketing/domain.yaml', 'package/registry/platform.yaml', 'package/registry/sales/domain.yaml']);
    expect(execFileSync('tar', ['-xzOf', packed.tarball, 'package/registry/marketing/domain.yaml'], { encoding: 'utf8' })).toBe(
      fs.readFileSync(path.join(PLATFORM_REPO, 'marketing', 'domain.yaml'), 'utf8'),
    );
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', packed.tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest).toMatchObject({ name: '@acme/mesh-registry', version: '1.2.0', datamesh: { registry: 1, domains: ['marketing', 'sales'] } });
    expect(manifest.scripts).toBeUndefined();
  });

  it('takes the package name from --name', async () => {
    const out = outDir();
    const { code, stdout } = await datamesh(['registry', 'pack', '--package-version', '2.0.0-rc.1', '--name', 'acme-registry', '--contracts', PLATFORM_REPO, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('packed acme-registry@2.0.0-rc.1');
    expect(fs.readdirSync(out)).toEqual(['acme-registry-2.0.0-rc.1.tgz']);
  });

  it('refuses an invalid mesh and writes nothing', async () => {
    const contracts = copyMesh(PLATFORM_REPO);
    editFile(contracts, 'marketing/domain.yaml', (text) => text.replace('account: "222222222222"', 'account: "2222"'));
    const out = outDir();
    const { code, stderr } = await datamesh(['registry', 'pack', '--package-version', '1.2.0', '--contracts', contracts, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path.join('marketing', 'domain.yaml')}:`);
    expect(stderr).toContain('nothing was packed.');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses to pack a domain repository, whose platform.yaml only points at a registry', async () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    const out = outDir();
    const { code, stderr } = await datamesh(['registry', 'pack', '--package-version', '1.2.0', '--contracts', contracts, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('points at the registry @acme/mesh-registry: this is a domain repository');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('says so when it cannot write the tarball, and leaves nothing behind', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-pack-')), 'a-file');
    fs.writeFileSync(out, 'not a folder');
    const { code, stderr } = await datamesh(['registry', 'pack', '--package-version', '1.2.0', '--contracts', PLATFORM_REPO, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain('could not pack the registry');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['a-file']);
  });

  it.each([
    [['--package-version', 'v1'], '--package-version "v1" is not a semver version'],
    [['--package-version', '1.0.0', '--name', '../evil'], '--name "../evil" is not an npm package name'],
    [[], "required option '--package-version <semver>' not specified"],
  ])('is a usage error with %j', async (args, message) => {
    const { code, stderr } = await datamesh(['registry', 'pack', '--contracts', PLATFORM_REPO, '--out', outDir(), ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('datamesh validate in a domain repository', () => {
  it('validates against the registry: consumers in other domains resolve', async () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    grantToMarketing(contracts);
    const { code, stdout } = await datamesh(['validate', contracts], { evaluateRules: 'wired' });
    expect(stdout).toContain('1 product checked: 0 errors');
    expect(code).toBe(0);
  });

  it('reports an error in the installed registry at its own file, not as an error elsewhere', async () => {
    const { repo, contracts } = domainRepo();
    const registry = installRegistry(repo);
    editFile(registry, 'marketing/domain.yaml', (text) => text.replace('account: "222222222222"', 'account: "2222"'));
    const { code, stdout } = await datamesh(['validate', path.join(contracts, 'sales')], { evaluateRules: 'wired' });
    expect(code).toBe(1);
    expect(stdout).toContain(`${path.join('mesh-registry', 'registry', 'marketing', 'domain.yaml')}:`);
    expect(stdout).not.toContain('in other files of');
  });

  it('lists the rules in force for a domain known only from the registry', async () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    const { code, stdout } = await datamesh(['rules', 'marketing', '--contracts', contracts, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).rules.map((r: { id: string }) => r.id)).toContain('DM116');
  });

  it("exports a contract as ODCS with the bucket and database the registry's platform settings name", async () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    const { code, stdout } = await datamesh(['export', 'odcs', path.join(contracts, 'sales', 'orders.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('s3://acme-dev-sales-orders/');
  });

  it('diffs against a base revision without calling the pointer platform.yaml a broken base file', async () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    grantToMarketing(contracts);
    editFile(contracts, 'sales/orders.yaml', (text) => text.replace('version: "1.0.0"', 'version: "1.1.0"'));
    const { code, stdout, stderr } = await datamesh(['diff', contracts, '--base', 'main']);
    expect(stderr).toBe('');
    expect({ code, stdout }).toEqual({ code: 0, stdout: expect.stringContaining('marketing') });
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { loadMesh } from '../../src/contract/mesh';
import { ownDomains } from '../../src/contract/registry';
import { editFile, lineOf, writeFile } from '../helpers/fixtures';
import { domainRepo, grantToMarketing, installRegistry, POINTER } from '../helpers/registry';

describe('a domain repository that points at the mesh registry', () => {
  it('knows every domain of the registry, builds only its own, and takes platform.yaml from the registry', () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    grantToMarketing(contracts);
    const { value: mesh, errors, warnings } = loadMesh(contracts);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(mesh!.domains.map((d) => d.name)).toEqual(['marketing', 'sales']);
    expect(ownDomains(mesh!).map((d) => d.name)).toEqual(['sales']);
    expect(mesh!.registry).toEqual({ package: '@acme/mesh-registry', range: '^1.2.0', version: '1.2.0', domains: ['marketing'] });
    expect(mesh!.platform.organization).toBe('acme');
    expect(mesh!.platform.source.file).toContain(path.join('node_modules', '@acme', 'mesh-registry', 'registry', 'platform.yaml'));
    // The marketing consumer resolves to the registry's account.
    expect(mesh!.products.map((p) => p.id)).toEqual(['sales.orders']);
    expect(mesh!.domains.find((d) => d.name === 'marketing')!.account).toBe('222222222222');
  });

  it('without the registry installed, says which package to install at the pointer line, and nothing else', () => {
    const { contracts } = domainRepo();
    grantToMarketing(contracts);
    const { value, errors } = loadMesh(contracts);
    expect(value).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: lineOf(fs.readFileSync(POINTER, 'utf8'), 'package:'), path: 'registry.package' });
    expect(errors[0].message).toContain('the mesh registry @acme/mesh-registry is not installed');
    expect(errors[0].hint).toContain('npm install @acme/mesh-registry@"^1.2.0"');
  });

  it('refuses an installed registry whose version is outside the range, at the version line', () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo, { version: '1.1.9' });
    const { errors } = loadMesh(contracts);
    expect(errors).toEqual([
      expect.objectContaining({
        line: lineOf(fs.readFileSync(POINTER, 'utf8'), 'version:'),
        path: 'registry.version',
        message: expect.stringContaining('version 1.1.9, which does not satisfy "^1.2.0"'),
      }),
    ]);
  });

  it('refuses a package that is not a registry, and a range that is not semver', () => {
    const notRegistry = domainRepo();
    installRegistry(notRegistry.repo, { datamesh: undefined as unknown as object, name: '@acme/mesh-registry' });
    fs.writeFileSync(path.join(notRegistry.repo, 'node_modules', '@acme', 'mesh-registry', 'package.json'), JSON.stringify({ name: '@acme/mesh-registry', version: '1.2.0' }));
    expect(loadMesh(notRegistry.contracts).errors.map((e) => e.message)).toEqual([
      expect.stringContaining('@acme/mesh-registry is not a mesh registry package: it has no `"datamesh": { "registry": 1 }` entry'),
    ]);

    const badRange = domainRepo();
    installRegistry(badRange.repo);
    editFile(badRange.contracts, 'platform.yaml', (text) => text.replace('"^1.2.0"', '"one point two"'));
    expect(loadMesh(badRange.contracts).errors.map((e) => e.message)).toEqual(['"one point two" is not a semver range']);
  });

  it('holds nothing but the pointer: platform settings in a pointer file are refused, so a domain cannot loosen them', () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    fs.appendFileSync(path.join(contracts, 'platform.yaml'), 'governance:\n  rules:\n    DM105: { severity: warning }\n');
    expect(loadMesh(contracts).errors).toEqual([expect.objectContaining({ path: 'governance', message: 'unknown key "governance"' })]);
  });

  it('refuses a package name that is a path', () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    editFile(contracts, 'platform.yaml', (text) => text.replace('"@acme/mesh-registry"', '"../../../etc"'));
    expect(loadMesh(contracts).errors).toEqual([expect.objectContaining({ path: 'registry.package' })]);
  });

  it('never reads a contract smuggled into the registry: it is an error, and the product is not in the mesh', () => {
    const { repo, contracts } = domainRepo();
    const registry = installRegistry(repo);
    fs.copyFileSync(path.join(contracts, 'sales', 'orders.yaml'), path.join(registry, 'marketing', 'orders.yaml'));
    const { value, errors } = loadMesh(contracts);
    expect(value).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({
        file: expect.stringContaining(path.join('registry', 'marketing', 'orders.yaml')),
        message: expect.stringContaining('holds a data product contract; a registry carries domain entries only'),
      }),
    ]);
  });

  it('refuses a link in the registry that leads out of it', () => {
    const { repo, contracts } = domainRepo();
    const registry = installRegistry(repo);
    const outside = fs.mkdtempSync(path.join(path.dirname(repo), 'datamesh-outside-'));
    fs.copyFileSync(path.join(registry, 'marketing', 'domain.yaml'), path.join(outside, 'domain.yaml'));
    fs.rmSync(path.join(registry, 'marketing'), { recursive: true });
    fs.symlinkSync(outside, path.join(registry, 'marketing'));
    const { value, errors } = loadMesh(contracts);
    expect(value).toBeUndefined();
    expect(errors).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining(path.join('registry', 'marketing')), message: expect.stringContaining('symbolic link leads outside the contracts folder') }),
    );
  });

  it('checks registry entries like any domain.yaml, pointing into the installed package', () => {
    const { repo, contracts } = domainRepo();
    const registry = installRegistry(repo);
    editFile(registry, 'marketing/domain.yaml', (text) => text.replace('account: "222222222222"', 'account: "${jndi}"'));
    const { errors } = loadMesh(contracts);
    expect(errors).toEqual([expect.objectContaining({ file: expect.stringContaining(path.join('mesh-registry', 'registry', 'marketing', 'domain.yaml')), path: 'account' })]);
  });

  it('refuses a registry platform.yaml that itself points at another registry', () => {
    const { repo, contracts } = domainRepo();
    const registry = installRegistry(repo);
    fs.copyFileSync(POINTER, path.join(registry, 'platform.yaml'));
    // The registry's platform.yaml is read as platform settings, which have no `registry` key.
    expect(loadMesh(contracts).errors).toContainEqual(expect.objectContaining({ file: expect.stringContaining(path.join('registry', 'platform.yaml')), message: 'unknown key "registry"' }));
  });

  describe('a domain folder that is both local and in the registry', () => {
    it('uses the local domain.yaml, warning about the fields that differ', () => {
      const { repo, contracts } = domainRepo();
      installRegistry(repo);
      editFile(contracts, 'sales/domain.yaml', (text) => `${text}    - arn:aws:iam::111111111111:role/sales-finance\n`);
      const { value: mesh, errors, warnings } = loadMesh(contracts);
      expect(errors).toEqual([]);
      expect(warnings).toEqual([
        expect.objectContaining({
          file: expect.stringContaining(path.join('contracts', 'sales', 'domain.yaml')),
          message: expect.stringContaining('differs from its registry entry in @acme/mesh-registry@1.2.0 (roles)'),
        }),
      ]);
      expect(mesh!.domains.find((d) => d.name === 'sales')!.roles.consumers).toContain('arn:aws:iam::111111111111:role/sales-finance');
    });

    it("must match it on the account, since every other repository grants to the registry's", () => {
      const { repo, contracts } = domainRepo();
      installRegistry(repo);
      const file = editFile(contracts, 'sales/domain.yaml', (text) => text.replace('account: "111111111111"', 'account: "999999999999"'));
      const { errors } = loadMesh(contracts);
      expect(errors).toContainEqual(
        expect.objectContaining({
          path: 'account',
          line: lineOf(fs.readFileSync(file, 'utf8'), 'account:'),
          message: expect.stringContaining('account differs from the registry entry in @acme/mesh-registry@1.2.0 ("111111111111"'),
        }),
      );
    });

    it('is quiet when the two are the same, whatever the key order and comments', () => {
      const { repo, contracts } = domainRepo();
      installRegistry(repo);
      const text = fs.readFileSync(path.join(contracts, 'sales', 'domain.yaml'), 'utf8').split('\n');
      writeFile(contracts, 'sales/domain.yaml', `# reordered\n${[...text.slice(2), ...text.slice(0, 2)].join('\n')}\n`);
      expect(loadMesh(contracts)).toMatchObject({ errors: [], warnings: [] });
    });
  });

  it('builds a local domain the registry does not know yet, with a warning that others cannot grant to it', () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    fs.cpSync(path.join(contracts, 'sales'), path.join(contracts, 'returns'), { recursive: true });
    fs.rmSync(path.join(contracts, 'returns', 'orders.yaml'));
    editFile(contracts, 'returns/domain.yaml', (text) => text.replace('name: sales', 'name: returns'));
    const { value: mesh, warnings } = loadMesh(contracts);
    expect(ownDomains(mesh!).map((d) => d.name)).toEqual(['returns', 'sales']);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: expect.stringContaining(path.join('returns', 'domain.yaml')),
        message: 'domain "returns" is not in the registry @acme/mesh-registry@1.2.0: other repositories cannot name it as a consumer yet',
      }),
    ]);
  });

  it("checks inputs naming a registry domain's product no further: its products are not known here", () => {
    const { repo, contracts } = domainRepo();
    installRegistry(repo);
    fs.appendFileSync(path.join(contracts, 'sales', 'orders.yaml'), 'inputs: [marketing.campaigns]\n');
    expect(loadMesh(contracts).errors).toEqual([]);
    editFile(contracts, 'sales/orders.yaml', (text) => text.replace('inputs: [marketing.campaigns]', 'inputs: [salez.campaigns]'));
    expect(loadMesh(contracts).errors).toEqual([expect.objectContaining({ message: expect.stringContaining('salez.campaigns') })]);
  });
});

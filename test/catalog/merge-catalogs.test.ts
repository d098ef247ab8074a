import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCatalog } from '../../src/catalog/build-catalog';
import { mergeCatalogs, type CatalogFile } from '../../src/catalog/merge-catalogs';
import { loadMesh } from '../../src/contract/mesh';
import { lineOf, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { domainRepo, grantToMarketing, installRegistry, PLATFORM_REPO } from '../helpers/registry';
import { datamesh } from '../cli/run-cli';

/** The catalog.json a domain repository writes, as text. */
function repositoryCatalog(contracts: string, environment = 'dev'): string {
  const { value: mesh, errors } = loadMesh(contracts);
  if (!mesh) throw new Error(JSON.stringify(errors));
  return `${JSON.stringify(buildCatalog(mesh, { environment }), null, 2)}\n`;
}

/** sales (derived from marketing.campaigns, read by marketing) and marketing, each in its own repository. */
function organizationCatalogs(): { sales: CatalogFile; marketing: CatalogFile } {
  const sales = domainRepo();
  installRegistry(sales.repo);
  grantToMarketing(sales.contracts);
  fs.appendFileSync(path.join(sales.contracts, 'sales', 'orders.yaml'), 'inputs: [marketing.campaigns]\n');
  const marketing = domainRepo();
  installRegistry(marketing.repo);
  fs.rmSync(path.join(marketing.contracts, 'sales'), { recursive: true });
  fs.cpSync(path.join(PLATFORM_REPO, 'marketing'), path.join(marketing.contracts, 'marketing'), { recursive: true });
  return { sales: { file: 'sales/catalog.json', text: repositoryCatalog(sales.contracts) }, marketing: { file: 'marketing/catalog.json', text: repositoryCatalog(marketing.contracts) } };
}

describe('merging the catalogs of several repositories', () => {
  const { sales, marketing } = organizationCatalogs();

  it('holds every product and the graph across repositories, which neither catalog has alone', () => {
    const { catalog, errors } = mergeCatalogs([sales, marketing]);
    expect(errors).toEqual([]);
    expect(catalog!.products.map((p) => p.id)).toEqual(['marketing.campaigns', 'sales.orders']);
    expect(catalog!.domains.map((d) => [d.name, d.products])).toEqual([
      ['marketing', ['marketing.campaigns']],
      ['sales', ['sales.orders']],
    ]);
    expect(catalog!.dependencies).toEqual([{ producer: 'sales', consumer: 'marketing', products: ['sales.orders'] }]);
    expect(catalog!.lineage).toEqual([{ upstream: 'marketing.campaigns', downstream: 'sales.orders' }]);
    // The marketing repository could not know who derives from campaigns; the merge does.
    expect(JSON.parse(marketing.text).products[0].lineage.downstream).toEqual([]);
    expect(catalog!.products[0].lineage).toEqual({ upstream: [], downstream: ['sales.orders'], allUpstream: [], allDownstream: ['sales.orders'] });
    // Each repository's catalog lists the registry's domains without products; the owner's entry describes them.
    expect(catalog!.domains.find((d) => d.name === 'marketing')!.description).toBe('Campaigns, audiences and attribution.');
  });

  it('gives back the catalog of a whole mesh unchanged, governance findings and all', () => {
    const { value: mesh } = loadMesh(REFERENCE_CONTRACTS);
    const [first] = mesh!.products;
    const findings = [
      { ruleId: 'DM105', severity: 'error' as const, message: 'no unique rule', fix: 'add one', productId: first.id, location: first.location },
      { ruleId: 'DM104', severity: 'warning' as const, message: 'retention', fix: 'set it', productId: first.id, waiver: { reason: 'migration', expires: '2099-01-01' } },
    ];
    const catalog = buildCatalog(mesh!, { environment: 'dev', findings });
    expect(catalog.products[0].governance).toMatchObject({ status: 'fail', errors: 1, waived: 1 });
    const merged = mergeCatalogs([{ file: 'catalog.json', text: JSON.stringify(catalog) }]);
    expect(merged.errors).toEqual([]);
    expect(merged.catalog).toEqual(catalog);
  });

  it('is the same, byte for byte, whatever the order of the files', () => {
    const forward = JSON.stringify(mergeCatalogs([sales, marketing]).catalog);
    expect(JSON.stringify(mergeCatalogs([marketing, sales]).catalog)).toBe(forward);
    const renamed = [
      { ...sales, file: 'z.json' },
      { ...marketing, file: 'a.json' },
    ];
    expect(JSON.stringify(mergeCatalogs(renamed).catalog)).toBe(forward);
  });

  it('refuses a product id that two files hold, naming both', () => {
    const { errors } = mergeCatalogs([sales, { ...sales, file: 'copy/catalog.json' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^product id "sales\.orders" is also in (copy\/|sales\/)catalog\.json$/);
  });

  it('checks each file against the catalog schema, at the line of the problem', () => {
    const broken = sales.text.replace('"description": "One row per confirmed order', '"description": 42, "x": "One row per confirmed order');
    const { catalog, errors } = mergeCatalogs([marketing, { file: 'sales/catalog.json', text: broken }]);
    expect(catalog).toBeUndefined();
    const line = lineOf(broken, '"description": 42');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'sales/catalog.json', line, path: 'products[0].description' }),
        expect.objectContaining({ file: 'sales/catalog.json', line, message: 'unknown key "x"' }),
      ]),
    );
  });

  it("refuses a product whose id is not its domain and name, so no file can claim another domain's product", () => {
    const forged = { file: 'forged.json', text: marketing.text.replace('"id": "marketing.campaigns"', '"id": "sales.campaigns"') };
    expect(mergeCatalogs([sales, forged]).errors).toEqual([
      expect.objectContaining({
        file: 'forged.json',
        line: lineOf(forged.text, '"id": "sales.campaigns"'),
        message: 'product id "sales.campaigns" is not its domain and name ("marketing.campaigns")',
      }),
    ]);
  });

  it('refuses a file that is not JSON, at the position JSON stops', () => {
    const { errors } = mergeCatalogs([{ file: 'bad.json', text: '{\n  "catalogVersion": 1,\n  oops\n}' }]);
    expect(errors).toEqual([expect.objectContaining({ file: 'bad.json', line: 3, message: expect.stringMatching(/^not JSON: /) })]);
  });

  it('refuses catalogs of different environments', () => {
    const prod = { file: 'prod.json', text: sales.text.replace('"environment": "dev"', '"environment": "prod"') };
    expect(mergeCatalogs([marketing, prod]).errors).toEqual([expect.objectContaining({ message: expect.stringContaining('environment prod') })]);
  });
});

describe('datamesh catalog --merge', () => {
  const { sales, marketing } = organizationCatalogs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-merge-'));
  const write = (file: CatalogFile) => {
    const full = path.join(dir, file.file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.text);
    return full;
  };
  const salesFile = write(sales);
  const marketingFile = write(marketing);

  it('writes one catalog.json and index.html for the organization', async () => {
    const out = path.join(dir, 'site');
    const { code, stdout } = await datamesh(['catalog', '--merge', salesFile, marketingFile, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('(2 products in 2 domains, dev, merged from 2 catalogs)');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8')).lineage).toEqual([{ upstream: 'marketing.campaigns', downstream: 'sales.orders' }]);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('marketing.campaigns');
    const again = path.join(dir, 'site-reversed');
    await datamesh(['catalog', '--merge', marketingFile, salesFile, '--out', again]);
    expect(fs.readFileSync(path.join(again, 'catalog.json'))).toEqual(fs.readFileSync(path.join(out, 'catalog.json')));
    expect(fs.readFileSync(path.join(again, 'index.html'))).toEqual(fs.readFileSync(path.join(out, 'index.html')));
  });

  it('shows hostile catalog text as text on the page', async () => {
    const hostile = write({ file: 'hostile/catalog.json', text: marketing.text.replace('"description": "One row per campaign', '"description": "<script>alert(1)</script> One row per campaign') });
    const out = path.join(dir, 'site-hostile');
    expect((await datamesh(['catalog', '--merge', salesFile, hostile, '--out', out])).code).toBe(0);
    const page = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; One row per campaign');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('writes nothing when a file is wrong, and says which', async () => {
    const bad = write({ file: 'bad/catalog.json', text: '[]' });
    const out = path.join(dir, 'not-written');
    const { code, stderr } = await datamesh(['catalog', '--merge', salesFile, bad, '--out', out]);
    expect(code).toBe(1);
    expect(stderr).toContain(path.join('bad', 'catalog.json'));
    expect(stderr).toContain('no catalog was written.');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('is a usage error with --env, or a file that does not exist', async () => {
    expect((await datamesh(['catalog', '--merge', salesFile, '--env', 'prod'])).code).toBe(2);
    expect((await datamesh(['catalog', '--merge', path.join(dir, 'missing.json')])).code).toBe(2);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyMesh, editFile, FIXTURES, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh, reporting } from './run-cli';
import { REFERENCE } from './reference';

const outDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-catalog-cli-'));

describe('datamesh catalog', () => {
  it('writes catalog.json and index.html of the whole mesh and exits 0', async () => {
    const out = outDir();
    const { code, stdout } = await datamesh(['catalog', '--out', out, '--contracts', REFERENCE_CONTRACTS]);
    expect(code).toBe(0);
    expect(stdout).toContain(`wrote ${path.join(out, 'catalog.json')} and ${path.join(out, 'index.html')} (${REFERENCE.products.length} products in ${REFERENCE.domains.length} domains, dev)`);
    expect(fs.readdirSync(out).sort()).toEqual(['catalog.json', 'index.html']);
    const catalog = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'));
    expect(catalog.products).toHaveLength(REFERENCE.products.length);
    expect(catalog.environment).toBe('dev');
  });

  it('names resources for the environment of --env, else $DATAMESH_ENV', async () => {
    const out = outDir();
    await datamesh(['catalog', '--out', out, '--contracts', REFERENCE_CONTRACTS], { env: { DATAMESH_ENV: 'staging' } });
    const staging = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'));
    expect(staging.products[0].outputPort.s3Uri).toMatch(/^s3:\/\/acme-staging-/);
    await datamesh(['catalog', '--out', out, '--contracts', REFERENCE_CONTRACTS, '--env', 'prod'], { env: { DATAMESH_ENV: 'staging' } });
    const prod = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'));
    expect(prod.products[0].outputPort.glueDatabase).toMatch(/^acme_prod_/);
  });

  it('prints what it wrote as JSON with --format json', async () => {
    const out = outDir();
    const { code, stdout } = await datamesh(['catalog', '--out', out, '--contracts', REFERENCE_CONTRACTS, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      json: path.join(out, 'catalog.json'),
      html: path.join(out, 'index.html'),
      environment: 'dev',
      products: REFERENCE.products.length,
      domains: REFERENCE.domains.length,
      // The CLI always runs the contract rules (here the test helper's empty rule set).
      governanceEvaluated: true,
      failing: [],
    });
  });

  it('writes nothing and exits 1 when a contract does not load', async () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parket'));
    const out = path.join(outDir(), 'site');
    const { code, stderr } = await datamesh(['catalog', '--out', out, '--contracts', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/shop\/orders\.yaml:\d+:11 {2}error {2}contract {2}output\.format/);
    expect(stderr).toContain('no catalog was written.');
    expect(fs.existsSync(out)).toBe(false);
  });

  describe('run from inside the contracts folder', () => {
    const cwd = process.cwd();
    afterEach(() => process.chdir(cwd));

    it('refuses (exit 2) an --out inside the contracts folder, which the next validate would read as a domain', async () => {
      const dir = fs.realpathSync(copyMesh());
      process.chdir(path.join(dir, 'shop'));
      // The default --out, cdktf.out/catalog, is relative to the working folder: here, inside the mesh.
      for (const out of [[], ['--out', path.join(dir, 'site')]]) {
        const run = await datamesh(['catalog', ...out]);
        expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
        expect(run.stderr).toMatch(/^error: --out .* is inside the contracts folder .*: datamesh validate would read it\n {4}hint: pass --out a folder outside /);
      }
      expect(fs.readdirSync(path.join(dir, 'shop')).sort()).toEqual(fs.readdirSync(path.join(FIXTURES, 'minimal', 'shop')).sort());
      expect(fs.existsSync(path.join(dir, 'site'))).toBe(false);
      expect((await datamesh(['validate'])).code).toBe(0);
      expect((await datamesh(['catalog', '--out', path.join(dir, '..', 'site')])).code).toBe(0);
    });
  });

  it('exits 2 for an environment the platform does not declare', async () => {
    const out = path.join(outDir(), 'site');
    const { code, stderr } = await datamesh(['catalog', '--out', out, '--contracts', REFERENCE_CONTRACTS, '--env', 'qa']);
    expect(code).toBe(2);
    expect(stderr).toContain('environment "qa" is not declared');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('catalogues products with governance errors, marked as failing, and names them', async () => {
    const out = outDir();
    const rules = reporting({ ruleId: 'DM101', severity: 'error', message: 'no owner', fix: 'add one', productId: 'shop.orders' });
    const { code, stdout } = await datamesh(['catalog', '--out', out, '--contracts', path.join(FIXTURES, 'minimal')], { evaluateRules: rules });
    expect(code).toBe(0);
    expect(stdout).toContain('governance errors in shop.orders');
    const catalog = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'));
    expect(catalog.products[0].governance).toMatchObject({ status: 'fail', errors: 1 });
  });
});

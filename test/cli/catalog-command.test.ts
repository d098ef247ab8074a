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

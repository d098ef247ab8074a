import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { loadMesh } from '../../src/contract/mesh';
import { copyMesh, editFile, FIXTURES } from '../helpers/fixtures';
import { resourceCount, terraform, writeMockOverride } from '../helpers/terraform';
import { datamesh } from './run-cli';

describe('datamesh new', () => {
  it('writes a skeleton that loads with no errors, owned by the domain team', async () => {
    const dir = copyMesh();
    const { code, stdout } = await datamesh(['new', 'shop/order_returns', '--contracts', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`created ${path.join(dir, 'shop', 'order_returns.yaml')} (shop.order_returns, owner shop-data)`);
    const { value: mesh, errors } = loadMesh(dir);
    expect(errors).toEqual([]);
    const product = mesh!.products.find((p) => p.id === 'shop.order_returns')!;
    expect(product).toMatchObject({ domain: 'shop', name: 'order_returns', status: 'draft', version: '1.0.0', owner: { team: 'shop-data', email: 'shop-data@example.com' } });
  });

  it('writes a skeleton the contract rules have nothing to say about', async () => {
    const dir = copyMesh();
    await datamesh(['new', 'shop/order_returns', '--contracts', dir]);
    const product = loadMesh(dir).value!.products.find((p) => p.id === 'shop.order_returns')!;
    expect(product.description.length).toBeGreaterThan(40);
    expect(product.sla.freshnessMinutes).toBe(24 * 60);
    expect(product.sla.availabilityPercent).toBeGreaterThan(99);
    expect(product.output.retentionDays).toBeDefined();
    const columns = [...product.columns, ...product.partitionKeys];
    const key = columns.filter((c) => c.primaryKey).map((c) => c.name);
    expect(key).toEqual(['order_returns_id']);
    expect(product.quality).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'not_null', column: 'order_returns_id' }), expect.objectContaining({ kind: 'unique', columns: ['order_returns_id'] })]),
    );
    for (const column of columns) {
      expect({ column: column.name, described: Boolean(column.description), classified: column.classificationDeclared, pii: column.pii }).toEqual({
        column: column.name,
        described: true,
        classified: true,
        pii: false,
      });
    }
  });

  it('scaffolds drafts, so the next synth builds nothing from a placeholder', async () => {
    const dir = copyMesh();
    const { stdout } = await datamesh(['new', 'shop/order_returns', '--contracts', dir]);
    await datamesh(['new', 'shop/odcs_returns', '--format', 'odcs', '--contracts', dir]);
    expect(stdout).toContain('it is a draft: nothing is built until you set `status: active`');
    expect(
      loadMesh(dir)
        .value!.products.filter((p) => p.id !== 'shop.orders')
        .map((p) => [p.id, p.status]),
    ).toEqual([
      ['shop.odcs_returns', 'draft'],
      ['shop.order_returns', 'draft'],
    ]);
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-new-draft-'));
    const app = new App({ outdir });
    buildMesh(app, { contractsDir: dir, environment: 'dev' });
    app.synth();
    const config = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'shop', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(config.resource.aws_glue_catalog_table).map((t: any) => t.name)).toEqual(['orders']);
  });

  it('writes skeletons (native and ODCS) that `validate` passes, that synthesize without findings and that terraform plans once set active', async () => {
    const dir = copyMesh();
    await datamesh(['new', 'shop/order_returns', '--contracts', dir]);
    await datamesh(['new', 'shop/odcs_returns', '--format', 'odcs', '--contracts', dir]);
    expect((await datamesh(['validate', path.join(dir, 'shop', 'order_returns.yaml')])).code).toBe(0);
    for (const file of ['shop/order_returns.yaml', 'shop/odcs_returns.odcs.yaml']) editFile(dir, file, (t) => t.replace(/^status: draft .*$/m, 'status: active'));

    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-new-synth-'));
    const app = new App({ outdir });
    const built = buildMesh(app, { contractsDir: dir, environment: 'dev' });
    app.synth();
    expect(built.governance.findings()).toEqual([]);
    const stackDir = path.join(outdir, 'stacks', 'shop');
    const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
    const tables = Object.values(config.resource.aws_glue_catalog_table).map((t: any) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['order_returns', 'odcs_returns']));
    expect(Object.values(config.resource.aws_s3_bucket).map((b: any) => b.bucket)).toEqual(expect.arrayContaining(['testco-dev-shop-order-returns', 'testco-dev-shop-odcs-returns']));

    writeMockOverride(stackDir);
    const init = terraform(stackDir, ['init', '-input=false']);
    expect({ status: init.status, output: init.status === 0 ? '' : init.output }).toEqual({ status: 0, output: '' });
    expect(terraform(stackDir, ['validate']).output).toContain('Success! The configuration is valid.');
    const plan = terraform(stackDir, ['plan', '-input=false', '-lock=false']);
    expect({ status: plan.status, output: plan.status === 0 ? '' : plan.output }).toEqual({ status: 0, output: '' });
    expect(plan.output).toContain(`Plan: ${resourceCount(stackDir)} to add, 0 to change, 0 to destroy.`);
  });

  it('reads the contracts folder from $DATAMESH_CONTRACTS', async () => {
    const dir = copyMesh();
    const { code } = await datamesh(['new', 'shop/refunds'], { env: { DATAMESH_CONTRACTS: dir } });
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'shop', 'refunds.yaml'))).toBe(true);
  });

  it('refuses to overwrite an existing contract and exits 1, leaving it untouched', async () => {
    const dir = copyMesh();
    const file = path.join(dir, 'shop', 'orders.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const { code, stderr } = await datamesh(['new', 'shop/orders', '--contracts', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('already defines shop.orders; datamesh new never overwrites a contract');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a product whose id another file of the domain already uses', async () => {
    const dir = copyMesh();
    fs.renameSync(path.join(dir, 'shop', 'orders.yaml'), path.join(dir, 'shop', 'web_orders.yaml'));
    const { code, stderr } = await datamesh(['new', 'shop/orders', '--contracts', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('web_orders.yaml already defines shop.orders');
    expect(fs.existsSync(path.join(dir, 'shop', 'orders.yaml'))).toBe(false);
  });

  it('leaves no temporary file behind', async () => {
    const dir = copyMesh();
    await datamesh(['new', 'shop/refunds', '--contracts', dir]);
    await datamesh(['new', 'shop/refunds', '--contracts', dir]);
    expect(fs.readdirSync(path.join(dir, 'shop')).sort()).toEqual(['domain.yaml', 'orders.yaml', 'refunds.yaml']);
  });

  it('exits 2 for a domain that does not exist, suggesting the closest one', async () => {
    const dir = copyMesh();
    const { code, stderr } = await datamesh(['new', 'shoop/refunds', '--contracts', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('domain "shoop" does not exist');
    expect(stderr).toContain('did you mean "shop"?');
  });

  it('exits 1 when the domain.yaml it reads the owner from is invalid', async () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => t.replace('account: "123456789012"', 'account: 123456789012'));
    const { code, stderr } = await datamesh(['new', 'shop/refunds', '--contracts', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/shop\/domain\.yaml:\d+:\d+: account: must be a string/);
    expect(fs.existsSync(path.join(dir, 'shop', 'refunds.yaml'))).toBe(false);
  });

  it.each([
    ['no product', 'shop'],
    ['a path', 'shop/sub/refunds'],
    ['upper case', 'shop/Refunds'],
    ['a leading digit', 'shop/2refunds'],
    ['hyphens', 'shop/order-returns'],
    ['a relative path', '../shop/refunds'],
    ['an empty product', 'shop/'],
  ])('exits 2 for a malformed <domain>/<product> (%s)', async (_, target) => {
    const dir = copyMesh();
    const { code, stderr } = await datamesh(['new', target, '--contracts', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`"${target}" is not <domain>/<product>`);
  });

  it('exits 2 for a name over 64 characters, saying that length is what is wrong', async () => {
    const name = `returns_${'x'.repeat(5000)}`;
    const { code, stderr } = await datamesh(['new', `shop/${name}`, '--contracts', copyMesh()]);
    expect(code).toBe(2);
    expect(stderr).toBe(`error: the name "${name.slice(0, 64)}..." is 5008 characters long; a domain or product name has at most 64\n    hint: shorten it\n`);
  });

  it('exits 2 for a product named "domain", the name of the domain file', async () => {
    const { code, stderr } = await datamesh(['new', 'shop/domain', '--contracts', copyMesh()]);
    expect(code).toBe(2);
    expect(stderr).toContain('"domain" cannot be a product name');
  });

  it('writes an ODCS v3.1.0 skeleton with --format odcs that becomes the same product as the native one', async () => {
    const dir = copyMesh();
    await datamesh(['new', 'shop/native_returns', '--contracts', dir]);
    const { code, stdout } = await datamesh(['new', 'shop/odcs_returns', '--format', 'odcs', '--contracts', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`created ${path.join(dir, 'shop', 'odcs_returns.odcs.yaml')}`);
    expect(fs.readFileSync(path.join(dir, 'shop', 'odcs_returns.odcs.yaml'), 'utf8')).toMatch(/^apiVersion: v3\.1\.0\nkind: DataContract$/m);
    const { value: mesh, errors } = loadMesh(dir);
    expect(errors).toEqual([]);
    // Everything but the names and where it was written is the same.
    const comparable = (name: string) => {
      const p = mesh!.products.find((product) => product.name === name)!;
      const text = JSON.stringify({ ...p, source: undefined, location: undefined }, (key, value) => (key === 'location' || key === 'fieldLocations' ? undefined : value));
      return JSON.parse(text.split(name).join('NAME'));
    };
    expect(comparable('odcs_returns')).toEqual(comparable('native_returns'));
    expect((await datamesh(['validate', path.join(dir, 'shop', 'odcs_returns.odcs.yaml')])).code).toBe(0);
  });

  it('refuses to scaffold a product in one format that exists in the other', async () => {
    const dir = copyMesh();
    await datamesh(['new', 'shop/refunds', '--format', 'odcs', '--contracts', dir]);
    const { code, stderr } = await datamesh(['new', 'shop/refunds', '--contracts', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('refunds.odcs.yaml already defines shop.refunds');
  });

  it('exits 2 for a contracts folder that does not exist', async () => {
    const { code, stderr } = await datamesh(['new', 'shop/refunds', '--contracts', path.join(FIXTURES, 'nowhere')]);
    expect(code).toBe(2);
    expect(stderr).toContain('contracts folder not found');
  });

  it('names the key column `id` when the product name leaves no room for `<name>_id`', async () => {
    const dir = copyMesh();
    const name = `p${'x'.repeat(62)}`;
    expect((await datamesh(['new', `shop/${name}`, '--contracts', dir])).code).toBe(0);
    const product = loadMesh(dir).value!.products.find((p) => p.name === name)!;
    expect(product.columns.find((c) => c.primaryKey)!.name).toBe('id');
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { loadMesh } from '../../src/contract/mesh';
import { domainNames, productNames } from '../../src/contract/naming';
import { copyMesh, editFile, lineOf, writeFile } from '../helpers/fixtures';

/** A copy of shop/orders.yaml as another product (and optionally another domain). */
function addProduct(dir: string, name: string, domain = 'shop'): string {
  const text = fs
    .readFileSync(path.join(dir, 'shop/orders.yaml'), 'utf8')
    .replace('id: shop.orders', `id: ${domain}.${name}`)
    .replace('domain: shop', `domain: ${domain}`)
    .replace('name: orders', `name: ${name}`);
  return writeFile(dir, `${domain}/${name}.yaml`, text);
}

function addDomain(dir: string, name: string, account = '123456789012'): void {
  const text = fs.readFileSync(path.join(dir, 'shop/domain.yaml'), 'utf8').replace('name: shop', `name: ${name}`).replace('"123456789012"', `"${account}"`);
  writeFile(dir, `${name}/domain.yaml`, text.replace(/123456789012/g, account));
}

const messages = (dir: string) => loadMesh(dir).errors.map((e) => e.message);

describe('physical names are unique on the names the resources really get', () => {
  it('rejects a trailing underscore that collapses onto another product', () => {
    const dir = copyMesh();
    const file = addProduct(dir, 'orders_');
    const errors = loadMesh(dir).errors;
    // Policy and ruleset names keep the trailing hyphen (`orders--read`): only the bucket collapses.
    expect(errors.map((e) => e.message)).toEqual(['product shop.orders_ would get the same names as product shop.orders: bucket "testco-dev-shop-orders"']);
    expect(errors[0]).toMatchObject({ file: expect.stringContaining('orders_.yaml'), line: lineOf(fs.readFileSync(file, 'utf8'), 'name: orders_'), path: 'name' });
  });

  it('rejects double underscores that collapse onto a single one', () => {
    const dir = copyMesh();
    addProduct(dir, 'a_b');
    addProduct(dir, 'a__b');
    // a__b.yaml is read first (`_` sorts before `b`), so a_b is the one that clashes.
    expect(messages(dir)).toEqual(['product shop.a_b would get the same names as product shop.a__b: bucket "testco-dev-shop-a-b"']);
  });

  it('rejects a product that would write into the domain access-log bucket', () => {
    const dir = copyMesh();
    addProduct(dir, 'access_logs_');
    expect(messages(dir)).toEqual(['product shop.access_logs_ would get the same names as the access-log bucket of domain shop: bucket "testco-dev-shop-access-logs"']);
  });

  it('rejects a domain of another account whose name collapses onto a product of another domain', () => {
    const dir = copyMesh();
    addDomain(dir, 'shop_orders', '210987654321');
    // shop + orders and shop_orders + (its log bucket) differ, but shop_orders + x and shop + orders_x do not.
    addProduct(dir, 'orders_x');
    addProduct(dir, 'x', 'shop_orders');
    expect(messages(dir)).toEqual([
      'product shop_orders.x would get the same names as product shop.orders_x: bucket "testco-dev-shop-orders-x", IAM policy "testco-dev-shop-orders-x-read", quality ruleset "testco-dev-shop-orders-x-quality", schedule "testco-dev-shop-orders-x-quality", CloudWatch alarm "testco-dev-shop-orders-x-quality-evaluation-missing"',
    ]);
  });

  it('names what the constructs build with the same functions', () => {
    const parts = { organization: 'testco', environment: 'dev', domain: 'shop' };
    expect(productNames(parts, 'order_lines')).toEqual({
      bucket: 'testco-dev-shop-order-lines',
      readPolicy: 'testco-dev-shop-order-lines-read',
      writePolicy: 'testco-dev-shop-order-lines-write',
      qualityRuleset: 'testco-dev-shop-order-lines-quality',
      lakeFormationKeyGrant: 'testco-dev-shop-order-lines-lakeformation',
      qualitySchedule: 'testco-dev-shop-order-lines-quality',
      evaluationMissingAlarm: 'testco-dev-shop-order-lines-quality-evaluation-missing',
    });
    expect(domainNames(parts)).toEqual({
      accessLogBucket: 'testco-dev-shop-access-logs',
      database: 'testco_dev_shop',
      keyAlias: 'alias/testco-dev-shop-data',
      lfTagKeys: { domain: 'testco-dev-shop:domain', classification: 'testco-dev-shop:classification' },
      evaluationRole: 'testco-dev-shop-quality-evaluation',
      alertTopic: 'testco-dev-shop-alerts',
      qualityAlertRule: 'testco-dev-shop-quality-failed',
      budget: 'testco-dev-shop-monthly',
    });
  });
});

describe('names S3 reserves', () => {
  it('rejects an organization that makes every bucket start with a reserved prefix, at the organization line', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'platform.yaml', (t) => t.replace('organization: testco', 'organization: sthree'));
    const errors = loadMesh(dir).errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatchObject({ file: expect.stringContaining('platform.yaml'), line: lineOf(fs.readFileSync(file, 'utf8'), 'organization:'), path: 'organization' });
      expect(error.message).toMatch(/^bucket name "sthree-(dev|prod)-shop-.*" uses "sthree-", which S3 reserves for its own features$/);
    }
  });

  it('rejects a product whose bucket would end with a reserved suffix, at its name', () => {
    const dir = copyMesh();
    const file = addProduct(dir, 'orders_s3alias');
    const errors = loadMesh(dir).errors;
    expect(errors.map((e) => e.message)).toEqual(['bucket name "testco-dev-shop-orders-s3alias" uses "-s3alias", which S3 reserves for its own features']);
    expect(errors[0]).toMatchObject({ line: lineOf(fs.readFileSync(file, 'utf8'), 'name: orders_s3alias'), path: 'name' });
  });
});

describe('names AWS would refuse for their length', () => {
  it('refuses a product whose IAM policy name would pass 128 characters, at its name', () => {
    const dir = copyMesh();
    // Every part at its schema maximum: organization 16, environment 8, domain 32, product 64.
    const organization = `o${'r'.repeat(15)}`;
    const domain = `d_${'y'.repeat(30)}`;
    const product = `p_${'x'.repeat(62)}`;
    editFile(dir, 'platform.yaml', (t) => t.replace('organization: testco', `organization: ${organization}`).replace('environments: [dev, prod]', 'environments: [dev, prod, staging1]'));
    addDomain(dir, domain);
    const file = addProduct(dir, product, domain);
    const errors = loadMesh(dir).errors;
    const write = `${organization}-staging1-${domain}-${product}-write`.replace(/_/g, '-');
    expect(write.length).toBe(129);
    expect(errors.map((e) => e.message)).toEqual([`product ${domain}.${product} would get the IAM policy name "${write.slice(0, 60)}…" of 129 characters; AWS accepts at most 128`]);
    expect(errors[0]).toMatchObject({ line: lineOf(fs.readFileSync(file, 'utf8'), `name: ${product}`), path: 'name' });
  });
});

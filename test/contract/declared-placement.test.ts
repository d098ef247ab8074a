import * as fs from 'fs';
import * as path from 'path';
import { formatContractError } from '../../src/contract/errors';
import { loadMesh } from '../../src/contract/mesh';
import { copyMesh, editFile, lineOf, writeFile } from '../helpers/fixtures';
import { messages, ODCS_FIXTURES } from '../helpers/odcs';

/** The minimal mesh (organization testco, environments dev and prod, domain shop in 123456789012, eu-west-1) with one more contract. */
function meshWith(fixture: string, edit: (text: string) => string = (t) => t): { dir: string; text: string } {
  const dir = copyMesh();
  const text = edit(fs.readFileSync(path.join(ODCS_FIXTURES, fixture), 'utf8'));
  writeFile(dir, `shop/${fixture}`, text);
  return { dir, text };
}

describe('a declared location, database, account or region is built as declared or refused at its line', () => {
  it('refuses an s3 location, an Athena schema, a region and an account the platform does not build, each at its field', () => {
    const { dir, text } = meshWith('declared-elsewhere.odcs.yaml');
    const { value, errors } = loadMesh(dir);
    expect(value).toBeUndefined();
    expect(messages(errors)).toEqual([
      'servers[0].location: cannot build: shop.order_lines declares location "s3://acme-orders/orders/", but the platform stores it at s3://testco-prod-shop-order-lines/data/ (prod)',
      'servers[1].schema: cannot build: shop.order_lines declares database "orders", but the platform puts its table in the Glue database testco_dev_shop (dev) or testco_prod_shop (prod)',
      'servers[1].regionName: cannot build: shop.order_lines declares region "us-east-1", but domain shop deploys into eu-west-1',
      'servers[2].account: cannot build: shop.order_lines declares account "999999999999", but domain shop deploys into account 123456789012',
    ]);
    expect(errors[0]).toMatchObject({ line: lineOf(text, 'location: s3://acme-orders/orders/'), file: expect.stringMatching(/declared-elsewhere\.odcs\.yaml$/) });
    expect(errors[0].hint).toMatch(/<organization>-<environment>-<domain>-<product>/);
  });

  it("accepts the platform's own names, for the server's environment or, without one, for any environment", () => {
    const { dir } = meshWith('declared-own.odcs.yaml');
    const { value, errors, warnings } = loadMesh(dir);
    expect(errors.map(formatContractError)).toEqual([]);
    expect(value!.products.find((p) => p.id === 'shop.order_lines')!.output).toMatchObject({ location: 's3://testco-prod-shop-order-lines/data/', database: 'testco_prod_shop' });
    expect(messages(warnings)).toEqual([expect.stringMatching(/^servers\[2\]\.stagingDir: stagingDir "s3:\/\/testco-athena-results\/" of server "query" is not built/)]);
  });

  it("refuses the platform's name of another environment than the server's", () => {
    const { dir } = meshWith('declared-own.odcs.yaml', (t) => t.replace('database: testco_prod_shop', 'database: testco_dev_shop'));
    expect(messages(loadMesh(dir).errors)).toEqual([
      'servers[0].database: cannot build: shop.order_lines declares database "testco_dev_shop", but the platform puts its table in the Glue database testco_prod_shop (prod)',
    ]);
  });

  it('refuses an Athena catalog other than the Glue Data Catalog', () => {
    const { dir } = meshWith('declared-own.odcs.yaml', (t) => t.replace('catalog: AwsDataCatalog', 'catalog: hive_metastore'));
    expect(messages(loadMesh(dir).errors)).toEqual([expect.stringMatching(/^servers\[2\]\.catalog: cannot build: shop\.order_lines declares catalog "hive_metastore"/)]);
  });

  it('refuses an S3 endpoint outside AWS', () => {
    const { dir } = meshWith('declared-own.odcs.yaml', (t) =>
      t.replace('    location: s3://testco-dev-shop-order-lines\n', '    location: s3://testco-dev-shop-order-lines\n    endpointUrl: https://minio.example.com\n'),
    );
    expect(messages(loadMesh(dir).errors)).toEqual(['servers[1].endpointUrl: cannot build: server "development" is reached at https://minio.example.com; the platform builds buckets in AWS S3']);
  });
});

describe('the native format declares locations the same way', () => {
  it("accepts output.location and output.database that are the platform's own", () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('  format: parquet\n', '  format: parquet\n  location: s3://testco-prod-shop-orders/data/\n  database: testco_prod_shop\n'));
    const { value, errors } = loadMesh(dir);
    expect(errors.map(formatContractError)).toEqual([]);
    expect(value!.products[0].output).toMatchObject({ location: 's3://testco-prod-shop-orders/data/', database: 'testco_prod_shop' });
  });

  it('refuses any other at its line', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/orders.yaml', (t) => t.replace('  format: parquet\n', '  format: parquet\n  location: s3://acme-orders/orders/\n'));
    const { errors } = loadMesh(dir);
    expect(messages(errors)).toEqual([
      'output.location: cannot build: shop.orders declares location "s3://acme-orders/orders/", but the platform stores it at s3://testco-dev-shop-orders/data/ (dev) or s3://testco-prod-shop-orders/data/ (prod)',
    ]);
    expect(errors[0].line).toBe(lineOf(fs.readFileSync(file, 'utf8'), 'location:'));
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { formatContractError, MeshValidationError } from '../../src/contract/errors';
import { loadMesh } from '../../src/contract/mesh';
import { copyMesh, editFile, FIXTURES, REFERENCE_CONTRACTS, writeFile } from '../helpers/fixtures';

describe('loadMesh', () => {
  it('loads the minimal fixture: platform defaults, one domain, one product', () => {
    const { value: mesh, errors } = loadMesh(path.join(FIXTURES, 'minimal'));
    expect(errors).toEqual([]);
    expect(mesh!.platform).toMatchObject({
      organization: 'testco',
      environments: ['dev', 'prod'],
      backend: { type: 'local' },
      storage: { preventDestroy: { dev: true, prod: true }, noncurrentVersionExpirationDays: 90, abortIncompleteMultipartUploadDays: 7 },
    });
    expect(mesh!.domains.map((d) => d.name)).toEqual(['shop']);
    expect(mesh!.products.map((p) => p.id)).toEqual(['shop.orders']);
  });

  it('fills S3 backend defaults: native locking on, key prefix and region', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => t.replace('  type: local', '  type: s3\n  bucket: testco-terraform-state'));
    expect(loadMesh(dir).value!.platform.backend).toEqual({ type: 's3', bucket: 'testco-terraform-state', region: 'eu-west-1', keyPrefix: 'datamesh', useLockfile: true });
  });

  it('reports every error of every file in one run, sorted by file and line', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => t.replace('region: eu-west-1', 'region: europe'));
    editFile(dir, 'shop/domain.yaml', (t) => t.replace('account: "123456789012"', 'account: 123456789012'));
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('type: decimal(12,2)', 'type: decimal(12;2)').replace('format: parquet', 'format: parquett'));
    const { value, errors } = loadMesh(dir);
    expect(value).toBeUndefined();
    // Sorted by path: <dir>/platform.yaml, then <dir>/shop/domain.yaml, then <dir>/shop/orders.yaml.
    expect(errors.map((e) => `${path.basename(e.file)} ${e.path}`)).toEqual(['platform.yaml region', 'domain.yaml account', 'orders.yaml output.format', 'orders.yaml schema[2].type']);
    const files = errors.map((e) => e.file);
    expect(files).toEqual([...files].sort());
  });

  it('rejects platform and domain tags AWS would refuse, with the key', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t}tags:\n  Team: "a&b<c>"\n`);
    editFile(dir, 'shop/domain.yaml', (t) => `${t}tags:\n  "aws:owner": shop\n`);
    expect(loadMesh(dir).errors.map((e) => `${path.basename(e.file)} ${e.path}`)).toEqual(['platform.yaml tags.Team', 'domain.yaml tags.aws:owner']);
  });

  it('requires platform.yaml', () => {
    const dir = copyMesh();
    fs.rmSync(path.join(dir, 'platform.yaml'));
    const errors = loadMesh(dir).errors;
    expect(errors.map((e) => e.message)).toEqual(['missing file: the contracts folder has no platform.yaml']);
    // A missing file has no line: the error names the file, not 1:1 of a file that is not there.
    expect(formatContractError(errors[0])).toMatch(/^\S*platform\.yaml: missing file/);
  });

  it('requires a domain.yaml in every domain folder', () => {
    const dir = copyMesh();
    fs.mkdirSync(path.join(dir, 'marketing'));
    const errors = loadMesh(dir).errors;
    expect(errors.map((e) => e.message)).toEqual(['missing file: domain folder "marketing" has no domain.yaml']);
    expect(formatContractError(errors[0])).toMatch(/^\S*marketing\/domain\.yaml: missing file: /);
  });

  it('requires a domain name to match its folder', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => t.replace('name: shop', 'name: shops'));
    const messages = loadMesh(dir).errors.map((e) => e.message);
    expect(messages).toContain('domain name "shops" does not match its folder "shop"');
  });

  it('requires a contract to live in its domain folder', () => {
    const dir = copyMesh();
    writeFile(dir, 'other/domain.yaml', fs.readFileSync(path.join(dir, 'shop/domain.yaml'), 'utf8').replace('name: shop', 'name: other'));
    fs.renameSync(path.join(dir, 'shop/orders.yaml'), path.join(dir, 'other/orders.yaml'));
    const [error] = loadMesh(dir).errors;
    expect(error).toMatchObject({ path: 'domain', message: 'contract declares domain "shop" but lives in folder "other"' });
  });

  it('rejects two contracts with the same id', () => {
    const dir = copyMesh();
    fs.copyFileSync(path.join(dir, 'shop/orders.yaml'), path.join(dir, 'shop/orders-copy.yaml'));
    const [error] = loadMesh(dir).errors;
    expect(error.message).toMatch(/^product id "shop.orders" is already used by /);
  });

  it('rejects a consumer domain that does not exist, suggesting the closest', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('  - principal: arn:aws:iam::210987654321:role/central-bi', '  - domain: shopp'));
    expect(loadMesh(dir).errors).toEqual([expect.objectContaining({ path: 'consumers[0].domain', message: 'unknown consumer domain "shopp"', hint: 'did you mean "shop"?' })]);
  });

  it('rejects a consumer domain that declares no consumer roles to grant', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => t.replace(/  consumers:\n.*\n/, ''));
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('  - principal: arn:aws:iam::210987654321:role/central-bi', '  - domain: shop'));
    expect(loadMesh(dir).errors.map((e) => e.message)).toEqual(['domain "shop" declares no consumer roles to grant']);
  });

  it('rejects a file that is not a contract', () => {
    const dir = copyMesh();
    writeFile(dir, 'shop/notes.yaml', 'title: meeting notes\n');
    expect(loadMesh(dir).errors.map((e) => e.message)).toEqual(['not a data product contract (apiVersion undefined, kind undefined)']);
  });

  it('reports a missing contracts folder', () => {
    expect(loadMesh('/nonexistent/contracts').errors.map((e) => e.message)).toEqual(['contracts folder not found']);
  });

  it('returns domains and products sorted by name whatever the file order', () => {
    const { value } = loadMesh(REFERENCE_CONTRACTS);
    const ids = value!.products.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('MeshValidationError', () => {
  it('lists every error with file:line:col, field, message and hint', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parket'));
    const error = new MeshValidationError(loadMesh(dir).errors);
    expect(error.message.split('\n')[0]).toBe('1 error in 1 file; nothing was synthesized.');
    expect(error.message).toMatch(/orders\.yaml:\d+:\d+: output\.format: "parket" is not allowed; expected one of: parquet, orc, avro, json, csv, iceberg\n {4}hint: did you mean "parquet"\?/);
    expect(formatContractError(error.errors[0])).toContain('hint:');
  });
});

describe('the reference mesh', () => {
  const { value: mesh, errors } = loadMesh(REFERENCE_CONTRACTS);
  const active = () => mesh!.products.filter((p) => p.status !== 'draft');

  it('is valid', () => {
    expect(errors.map(formatContractError)).toEqual([]);
  });

  it('has three domains and at least seven products', () => {
    expect(mesh!.domains.map((d) => d.name)).toEqual(['customer', 'payments', 'sales']);
    expect(mesh!.products.length).toBeGreaterThanOrEqual(7);
  });

  it('covers email, phone and iban columns classified as PII', () => {
    const piiColumns = mesh!.products
      .flatMap((p) => [...p.columns, ...p.partitionKeys])
      .filter((c) => c.pii)
      .map((c) => c.name);
    for (const needle of ['email', 'phone', 'iban']) expect(piiColumns.some((name) => name.includes(needle))).toBe(true);
  });

  it('has partitioned and unpartitioned tables, and at least three formats including parquet and iceberg', () => {
    expect(active().some((p) => p.partitionKeys.length > 0)).toBe(true);
    expect(active().some((p) => p.partitionKeys.length === 0)).toBe(true);
    const formats = new Set(active().map((p) => p.output.format));
    expect(formats.size).toBeGreaterThanOrEqual(3);
    expect([...formats]).toEqual(expect.arrayContaining(['parquet', 'iceberg']));
  });

  it('uses decimal and nested types', () => {
    const kinds = new Set(mesh!.products.flatMap((p) => p.columns).map((c) => c.type.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['decimal', 'array', 'struct', 'map']));
  });

  it('has consumers across domains', () => {
    const crossDomain = mesh!.products.flatMap((p) => p.consumers.filter((c) => c.kind === 'domain' && c.domain !== p.domain));
    expect(crossDomain.length).toBeGreaterThan(0);
  });
});

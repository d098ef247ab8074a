import * as fs from 'fs';
import * as path from 'path';
import { formatContractError, type ContractError } from '../../src/contract/errors';
import { loadProductFile } from '../../src/contract/mesh';
import { columnOf, copyMesh, editFile, lineOf } from '../helpers/fixtures';

const ORDERS = 'shop/orders.yaml';

/** Loads the fixture's orders contract after an edit; returns its errors and text. */
function loadEdited(edit: (text: string) => string): { errors: readonly ContractError[]; text: string } {
  const dir = copyMesh();
  const file = editFile(dir, ORDERS, edit);
  return { errors: loadProductFile(file).errors, text: fs.readFileSync(file, 'utf8') };
}

function onlyError(errors: readonly ContractError[]): ContractError {
  expect(errors.map(formatContractError)).toHaveLength(1);
  return errors[0];
}

describe('native contract normalization', () => {
  const dir = copyMesh();
  const { value: spec, errors } = loadProductFile(path.join(dir, ORDERS));

  it('accepts the minimal fixture without errors', () => {
    expect(errors).toEqual([]);
    expect(spec).toBeDefined();
  });

  it('moves partition columns out of the data columns, in partitionBy order', () => {
    expect(spec!.columns.map((c) => c.name)).toEqual(['order_id', 'customer_email', 'total', 'items']);
    expect(spec!.partitionKeys.map((c) => c.name)).toEqual(['order_date']);
  });

  it('parses column types into canonical Glue spelling', () => {
    const types = Object.fromEntries(spec!.columns.map((c) => [c.name, c.glueType]));
    expect(types).toEqual({ order_id: 'string', customer_email: 'string', total: 'decimal(12,2)', items: 'array<struct<sku:string,quantity:int>>' });
  });

  it('marks pii columns and rates the product by its most sensitive column', () => {
    expect(spec!.columns.filter((c) => c.pii).map((c) => c.name)).toEqual(['customer_email']);
    expect(spec!.classification).toBe('pii');
    const total = spec!.columns.find((c) => c.name === 'total')!;
    expect(total.classification).toBe('internal');
    expect(total.classificationDeclared).toBe(false);
  });

  it('raises a column tagged pii to at least the pii classification, whatever was declared', () => {
    const { value } = loadProductFile(
      editFile(copyMesh(), ORDERS, (t) => t.replace('    description: Order total in EUR.', '    description: Order total in EUR.\n    classification: confidential\n    tags: [pii]')),
    );
    expect(value!.columns.find((c) => c.name === 'total')).toMatchObject({ classification: 'pii', pii: true });
  });

  it('makes primary-key columns required', () => {
    expect(spec!.columns.find((c) => c.name === 'order_id')).toMatchObject({ primaryKey: true, required: true });
  });

  it('converts SLA and retention units', () => {
    expect(spec!.sla).toEqual({ freshnessMinutes: 60, availabilityPercent: 99.9 });
    expect(spec!.output.retentionDays).toBe(400);
  });

  it('keeps the source location of every column', () => {
    const text = fs.readFileSync(path.join(dir, ORDERS), 'utf8');
    expect(spec!.columns[2].location).toMatchObject({ line: lineOf(text, 'name: total') });
  });

  it('resolves quality rules and consumers', () => {
    expect(spec!.quality.map((q) => q.kind)).toEqual(['not_null', 'unique']);
    expect(spec!.consumers).toEqual([expect.objectContaining({ kind: 'principal', principal: 'arn:aws:iam::210987654321:role/central-bi', access: 'read', pii: false })]);
  });
});

describe('native contract errors name file:line:col, the field and a fix', () => {
  it('reports a YAML syntax error with its position', () => {
    const { errors, text } = loadEdited((t) => t.replace('  freshness: 1h', '  freshness: [1h'));
    const error = errors[0];
    expect(error.message).toMatch(/YAML syntax error/);
    expect(error.file).toMatch(/orders\.yaml$/);
    expect(error.line).toBeGreaterThanOrEqual(lineOf(text, 'freshness: [1h'));
    expect(error.hint).not.toBe('');
  });

  it('rejects an unknown key at the key, suggesting the closest known one', () => {
    const { errors, text } = loadEdited((t) => t.replace('    primaryKey: true', '    primarykey: true'));
    const error = onlyError(errors);
    expect(error).toMatchObject({ path: 'schema[0].primarykey', message: 'unknown key "primarykey"', hint: 'did you mean "primaryKey"?' });
    expect(error.line).toBe(lineOf(text, 'primarykey'));
    expect(error.column).toBe(columnOf(text, 'primarykey'));
  });

  it('rejects a wrong type and says to quote an unquoted version', () => {
    const { errors, text } = loadEdited((t) => t.replace('version: "1.0.0"', 'version: 1.0'));
    const error = onlyError(errors);
    expect(error).toMatchObject({ path: 'version', line: lineOf(text, 'version: 1.0'), column: columnOf(text, '1.0') });
    expect(error.message).toBe('must be a string, got number 1');
    expect(error.hint).toMatch(/quote the value/);
  });

  it('rejects a missing required key at the enclosing mapping', () => {
    const { errors } = loadEdited((t) => t.replace('  email: shop-data@example.com\n', ''));
    expect(onlyError(errors)).toMatchObject({ path: 'owner', message: 'missing required key "email"' });
  });

  it('rejects an unknown enum value with a suggestion', () => {
    const { errors } = loadEdited((t) => t.replace('format: parquet', 'format: parket'));
    const error = onlyError(errors);
    expect(error.path).toBe('output.format');
    expect(error.hint).toBe('did you mean "parquet"?');
  });

  it('rejects a duplicate column at its second declaration', () => {
    const { errors, text } = loadEdited((t) => t.replace('  - name: total', '  - name: order_id'));
    const error = onlyError(errors);
    expect(error.message).toBe(`duplicate column "order_id" (first declared at line ${lineOf(text, 'name: order_id')})`);
    expect(error.path).toBe('schema[2].name');
    expect(error.line).toBe(text.split('\n').findIndex((l, i) => i + 1 > lineOf(text, 'name: order_id') && l.includes('name: order_id')) + 1);
  });

  it('points an invalid Glue type at the offending token inside the type string', () => {
    const { errors, text } = loadEdited((t) => t.replace('array<struct<sku:string,quantity:int>>', 'array<struct<sku:strng,quantity:int>>'));
    const error = onlyError(errors);
    expect(error.path).toBe('schema[3].type');
    expect(error.line).toBe(lineOf(text, 'sku:strng'));
    expect(error.column).toBe(columnOf(text, 'strng'));
    expect(error.message).toMatch(/^invalid Glue type "array<struct<sku:strng,quantity:int>>": unknown type "strng"/);
    expect(error.hint).toBe('did you mean "string"?');
  });

  it('still counts a column with an invalid type as declared, so its references raise no follow-on errors', () => {
    const { errors } = loadEdited((t) => t.replace('    type: string\n    description: Order identifier.', '    type: strin\n    description: Order identifier.'));
    expect(errors.map((e) => e.path)).toEqual(['schema[0].type']);
  });

  it('counts the quote when the invalid type is written in quotes', () => {
    const { errors, text } = loadEdited((t) => t.replace('type: decimal(12,2)', 'type: "decimal(40,2)"'));
    expect(onlyError(errors).column).toBe(columnOf(text, '40,2'));
  });

  it('rejects a partition column that is not in the schema', () => {
    const { errors } = loadEdited((t) => t.replace('partitionBy: [order_date]', 'partitionBy: [order_day]'));
    expect(onlyError(errors)).toMatchObject({ path: 'output.partitionBy[0]', message: 'partition column "order_day" is not in schema' });
  });

  it('rejects partitioning by a nested column', () => {
    const { errors } = loadEdited((t) => t.replace('partitionBy: [order_date]', 'partitionBy: [items]'));
    expect(onlyError(errors).message).toMatch(/nested type/);
  });

  it('rejects nested types in csv output', () => {
    const { errors } = loadEdited((t) => t.replace('format: parquet', 'format: csv'));
    expect(onlyError(errors)).toMatchObject({ path: 'schema[3].type', message: 'format csv cannot store the nested type array<struct<sku:string,quantity:int>>' });
  });

  it('rejects a quality rule on an unknown column', () => {
    const { errors } = loadEdited((t) => t.replace('    column: order_id\n  - rule: unique', '    column: orderid\n  - rule: unique'));
    expect(onlyError(errors)).toMatchObject({ path: 'quality[0].column', message: 'quality rule refers to unknown column "orderid"' });
  });

  it('rejects a quality rule with fields of another rule kind', () => {
    const { errors } = loadEdited((t) => t.replace('  - rule: unique\n    column: order_id', '  - rule: unique\n    column: order_id\n    values: [a]'));
    expect(onlyError(errors)).toMatchObject({ path: 'quality[1].values', message: 'unknown key "values"' });
  });

  it('rejects a consumer with both a domain and a principal', () => {
    const { errors } = loadEdited((t) => t.replace('  - principal:', '  - domain: shop\n    principal:'));
    expect(onlyError(errors)).toMatchObject({ path: 'consumers[0]', message: 'needs exactly one of: domain, principal' });
  });

  it('rejects an id that does not match domain and name', () => {
    const { errors } = loadEdited((t) => t.replace('id: shop.orders', 'id: shop.order'));
    expect(onlyError(errors)).toMatchObject({ path: 'id', hint: 'set `id: shop.orders`, or fix `domain`/`name`' });
  });

  it('keeps an unquoted date a string (YAML 1.2), so dates validate as text', () => {
    const { errors } = loadEdited((t) => t.replace('status: active', 'status: deprecated\nsunset: 2027-06-30'));
    expect(errors).toEqual([]);
  });

  it('reports schema errors and Glue type errors of a file in one run', () => {
    const { errors } = loadEdited((t) => t.replace('format: parquet', 'format: parket').replace('type: decimal(12,2)', 'type: decimal(12,2').replace('    primaryKey: true', '    primarykey: true'));
    expect(errors.map((e) => e.path)).toEqual(['output.format', 'schema[0].primarykey', 'schema[2].type']);
  });
});

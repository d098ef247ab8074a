import { formatContractError, type ContractError } from '../../src/contract/errors';
import { columnOf, lineOf } from '../helpers/fixtures';
import { loadOdcs, messages } from '../helpers/odcs';

function onlyError(errors: readonly ContractError[]): ContractError {
  expect(errors.map(formatContractError)).toHaveLength(1);
  return errors[0];
}

describe('ODCS documents are recognised and validated strictly', () => {
  it('accepts the complete fixture without errors', () => {
    const { errors } = loadOdcs('complete.odcs.yaml');
    expect(errors.map(formatContractError)).toEqual([]);
  });

  it('names the supported versions when the apiVersion is not one of them', () => {
    const { errors, text } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('apiVersion: v3.1.0', 'apiVersion: v2.2.2'));
    const error = onlyError(errors);
    expect(error).toMatchObject({ path: 'apiVersion', line: lineOf(text, 'apiVersion'), column: columnOf(text, 'v2.2.2') });
    expect(error.message).toBe('ODCS apiVersion "v2.2.2" is not supported; supported versions: v3.2.0, v3.1.0, v3.0.2, v3.0.1, v3.0.0');
    expect(error.hint).toMatch(/set `apiVersion: v3.1.0`/);
  });

  it('routes an ODCS apiVersion with the wrong kind to the ODCS schema, which names the kind', () => {
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('kind: DataContract', 'kind: DataModel'));
    expect(onlyError(errors)).toMatchObject({ path: 'kind', message: '"DataModel" is not allowed; expected DataContract' });
  });

  it('rejects an unknown key at the key, suggesting the closest known one', () => {
    const { errors, text } = loadOdcs('complete.odcs.yaml', (t) => t.replace('        primaryKey: true', '        primarykey: true'));
    const error = onlyError(errors);
    expect(error).toMatchObject({ path: 'schema[0].properties[0].primarykey', message: 'unknown key "primarykey"', hint: 'did you mean "primaryKey"?' });
    expect(error.line).toBe(lineOf(text, 'primarykey'));
    expect(error.column).toBe(columnOf(text, 'primarykey'));
  });

  it('rejects keys of a server type on a server of another type', () => {
    const { errors } = loadOdcs('kafka-topic.odcs.yaml', (t) => t.replace('    format: avro', '    format: avro\n    database: orders'));
    expect(onlyError(errors)).toMatchObject({ path: 'servers[0].database', message: 'unknown key "database"' });
  });

  it('requires the fields of each server type', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('    account: "123456789012"\n', ''));
    expect(onlyError(errors)).toMatchObject({ path: 'servers[0]', message: 'missing required key "account"' });
  });

  it('requires an S3 server location to be a URL', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) =>
      t
        .replace('    type: glue', '    type: s3')
        .replace(/    (account|database): .*\n/g, '')
        .replace('location: s3://testco-prod-shop-order-events/data/', 'location: not a url'),
    );
    expect(onlyError(errors)).toMatchObject({ path: 'servers[0].location', message: '"not a url" is not a valid uri' });
  });

  it('requires exactly one operator on a library check, naming them', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) =>
      t.replace('            mustBe: 0\n            description: Every event has an id.', '            mustBe: 0\n            mustBeLessThan: 1\n            description: Every event has an id.'),
    );
    const error = onlyError(errors);
    expect(error.path).toBe('schema[0].properties[0].quality[0]');
    expect(error.message).toMatch(/^needs exactly one of: mustBe, mustNotBe, mustBeGreaterThan/);
    expect(error.hint).toMatch(/exactly one operator/);
  });

  it('says once, not once per operator, that a library check has no operator', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('            mustBe: 0\n            description: Every event has an id.', '            description: Every event has an id.'));
    expect(onlyError(errors).message).toMatch(/^needs exactly one of: mustBe, /);
  });

  it('rejects an operator on a text check at the operator', () => {
    const { errors } = loadOdcs('unenforced-checks.odcs.yaml', (t) =>
      t.replace('description: Ids come from the basket service.', 'description: Ids come from the basket service.\n            mustBe: 0'),
    );
    expect(onlyError(errors)).toMatchObject({ path: 'schema[0].properties[0].quality[1].mustBe', message: '"mustBe" is not allowed here', hint: 'a text check is a description only' });
  });

  it('rejects logicalTypeOptions that do not belong to the logical type', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('logicalTypeOptions: { format: i16 }', 'logicalTypeOptions: { maxLength: 16 }'));
    expect(onlyError(errors)).toMatchObject({ path: 'schema[0].properties[5].logicalTypeOptions.maxLength', message: 'unknown key "maxLength"' });
  });

  it('rejects `items` on a property that is not an array', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('        logicalType: array\n        items:', '        logicalType: object\n        items:'));
    expect(messages(errors)).toContain('schema[0].properties[6].items: "items" is not allowed here');
  });

  it('checks our own custom properties against the native definitions', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('value: { CostCenter: "SH-1" }', 'value: { CostCenter: 42 }'));
    expect(onlyError(errors)).toMatchObject({ path: 'customProperties[0].value.CostCenter', message: 'must be a string, got number 42' });
  });

  it('checks the implementation of a datamesh quality check as a native rule', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('{ rule: range, column: amount, min: 0 }', '{ rule: ranges, column: amount, min: 0 }'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.path.startsWith('schema[0].properties[4].quality[0].implementation'))).toBe(true);
  });

  it('keeps an unquoted date a string (YAML 1.2), so dates validate as text', () => {
    const { errors, value } = loadOdcs('complete.odcs.yaml');
    expect(errors).toEqual([]);
    expect(value!.exceptions[0].expires).toBe('2027-03-31');
  });

  it('accepts the v3.0.x list of team members', () => {
    expect(loadOdcs('v3.0.2-team-list.odcs.yaml').errors).toEqual([]);
  });

  it('points an ODCS description written as text at the fix', () => {
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('name: page_views\nschema:', 'name: page_views\ndescription: Page views.\nschema:'));
    expect(onlyError(errors)).toMatchObject({ path: 'description', message: 'must be an object, got string "Page views."' });
    expect(onlyError(errors).hint).toMatch(/description: \{purpose: \.\.\./);
  });

  it('still tells a file that is neither format how to start', () => {
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('apiVersion: v3.1.0\nkind: DataContract\n', ''));
    expect(onlyError(errors).hint).toMatch(/`apiVersion: v3.1.0` and `kind: DataContract` for ODCS/);
  });
});

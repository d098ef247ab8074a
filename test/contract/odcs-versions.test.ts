import { formatContractError } from '../../src/contract/errors';
import { lineOf } from '../helpers/fixtures';
import { loadOdcs, messages } from '../helpers/odcs';

const rulesOf = (quality: readonly object[]) => quality.map((q) => ({ ...q, location: undefined, description: undefined }));

describe('ODCS v3.0.x is read by its own schema and meaning', () => {
  const { value: spec, errors, warnings, text } = loadOdcs('v3.0.2-library-rules.odcs.yaml');

  it('accepts library checks written with `rule:`, boolean exclusive bounds and a team list', () => {
    expect(errors.map(formatContractError)).toEqual([]);
  });

  it('maps v3.0.x rule names to the v3.1.0 metrics they became, a rule without operator meaning no failing row', () => {
    expect(rulesOf(spec!.quality)).toEqual(
      [
        { kind: 'not_null', column: 'sku' },
        { kind: 'unique', columns: ['sku'] },
        { kind: 'accepted_values', column: 'warehouse', values: ['north', 'south'] },
        { kind: 'range', column: 'quantity', min: 0 },
        { kind: 'row_count', min: 11, max: 999 },
      ].map((q) => ({ ...q, location: undefined, description: undefined })),
    );
  });

  it('takes the owner from the team member whose role is owner: the team from its name, the mailbox from its username', () => {
    expect(spec!.owner).toEqual({ team: 'shop-data', email: 'ana@example.com' });
  });

  it('reads `exclusiveMaximum: true` as making the maximum exclusive, and says it is not enforced instead of enforcing an inclusive one', () => {
    expect(spec!.quality.find((q) => q.kind === 'range')).toMatchObject({ min: 0, max: undefined });
    expect(messages(warnings)).toContain('schema[0].properties[2].logicalTypeOptions.exclusiveMaximum: exclusiveMaximum: true (an exclusive maximum of 100000) is not enforced by the platform');
  });

  it('names a v3.0.x rule that has no v3.1.0 metric, at the rule', () => {
    const warning = (warnings ?? []).find((w) => w.path === 'schema[0].properties[3].quality[0].rule')!;
    expect(warning.message).toBe('ODCS v3.0.x library rule "between" has no ODCS v3.1.0 metric and is not enforced by the platform');
    expect(warning.line).toBe(lineOf(text, 'rule: between'));
  });

  it('rejects the v3.1.0 team mapping in a v3.0.x contract that is otherwise v3.0.x, at the team', () => {
    const { errors } = loadOdcs('v3.0.2-library-rules.odcs.yaml', (t) =>
      t.replace('team:\n  - username: ana@example.com\n    name: shop-data\n    role: owner\n  - username: bo@example.com\n    role: engineer\n', 'team:\n  name: shop-data\n'),
    );
    expect(messages(errors)).toEqual(['team: must be an array, got a mapping']);
  });

  it('rejects the v3.1.0 numeric exclusive bound in a v3.0.x contract that is not valid v3.1.0 either', () => {
    const { errors } = loadOdcs('v3.0.2-library-rules.odcs.yaml', (t) => t.replace('exclusiveMaximum: true', 'exclusiveMaximum: 100001'));
    expect(messages(errors)).toEqual(['schema[0].properties[2].logicalTypeOptions.exclusiveMaximum: must be a boolean, got number 100001']);
  });

  it('reads a v3.0.x-labelled contract that only v3.1.0 accepts as v3.1.0, and says so at the apiVersion', () => {
    const { value, errors, warnings, text } = loadOdcs('v3.0.2-labelled-v3.1.odcs.yaml');
    expect(errors).toEqual([]);
    expect(value!.owner.team).toBe('shop-data');
    expect(value!.quality.map((q) => q.kind)).toEqual(['not_null']);
    expect(warnings).toEqual([expect.objectContaining({ path: 'apiVersion', line: lineOf(text, 'apiVersion: v3.0.2'), hint: 'set `apiVersion: v3.1.0`, or write the v3.0.x form' })]);
    expect(warnings![0].message).toMatch(
      /^the contract declares v3\.0\.2 but is not valid ODCS v3\.0\.x \(schema\[0\]\.properties\[0\]\.quality\[0\]: missing required key "rule".*\); it is valid ODCS v3\.1\.0 and is read as v3\.1\.0$/,
    );
  });

  it('requires the url of a v3.0.x support channel, as v3.0.2 does', () => {
    const { errors } = loadOdcs('v3.0.2-library-rules.odcs.yaml', (t) =>
      t
        .replace('    url: https://chat.example.com/shop-data\n', '')
        .replace('team:\n  - username: ana@example.com\n    name: shop-data\n', 'team:\n  - username: ana@example.com\n    id: ana\n    name: shop-data\n'),
    );
    expect(messages(errors)).toEqual(['support[0]: missing required key "url"', 'team[0].id: unknown key "id"']);
  });
});

describe('ODCS v3.1.0 is held to v3.1.0', () => {
  it('rejects a v3.2.0 field in a v3.1.0 contract, and says which version has it', () => {
    const { errors, text } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('        logicalType: string\n', '        logicalType: string\n        enum: [{ value: a }]\n'));
    expect(messages(errors)).toEqual(['apiVersion: the contract is not valid ODCS v3.1.0, but it is valid ODCS v3.2.0', 'schema[0].properties[0].enum: unknown key "enum"']);
    expect(errors[0]).toMatchObject({ line: lineOf(text, 'apiVersion: v3.1.0'), hint: 'set `apiVersion: v3.2.0` to use its fields' });
  });

  it('still requires a status in v3.1.0', () => {
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('status: proposed\n', ''));
    expect(messages(errors).sort()).toEqual([': missing required key "status"', 'apiVersion: the contract is not valid ODCS v3.1.0, but it is valid ODCS v3.2.0']);
  });
});

describe('ODCS v3.2.0 is accepted and its additions reach the model', () => {
  const { value: spec, errors, warnings, text } = loadOdcs('v3.2.0-features.odcs.yaml');
  const column = (name: string) => spec!.columns.find((c) => c.name === name)!;

  it('accepts the contract without errors', () => {
    expect(errors.map(formatContractError)).toEqual([]);
  });

  it('builds a contract without status as active, and says so', () => {
    expect(spec!.status).toBe('active');
    expect(messages(warnings)).toContain(': the contract has no `status`; the platform builds it as active');
  });

  it('turns an enum into an accepted-values rule at the enum, nulls allowed as ever', () => {
    expect(spec!.quality).toEqual([
      expect.objectContaining({ kind: 'accepted_values', column: 'status', values: ['placed', 'shipped'], location: expect.objectContaining({ line: lineOf(text, 'enum:') }) }),
    ]);
  });

  it('turns logicalType map into a Glue map of its key and value types', () => {
    expect(column('attributes').glueType).toBe('map<string,bigint>');
  });

  it('refuses a map whose keys are not of a scalar type, at the key', () => {
    const { errors } = loadOdcs('v3.2.0-features.odcs.yaml', (t) => t.replace('key: { logicalType: string }', 'key: { logicalType: array, items: { logicalType: string } }'));
    expect(messages(errors)).toEqual(['schema[0].properties[2].map.key: cannot build: the keys of map "attributes" are array<string>; Glue map keys are of a scalar type']);
  });

  it('marks a deprecated column, keeps semantic types and synonyms on the columns and the table', () => {
    expect(column('customer_ref')).toMatchObject({ deprecated: true, description: 'Use customer_id.' });
    expect(column('amount')).toMatchObject({ semanticType: 'measure', synonyms: ['turnover', "chiffre d'affaires"] });
    expect(column('region').semanticType).toBe('dimension');
    expect(column('order_id')).not.toHaveProperty('deprecated');
    expect(spec!.synonyms).toEqual(['Sales']);
  });

  it('keeps the context of the contract and of its table', () => {
    expect(spec!.context).toEqual({
      instructions: 'Amounts are in euros, after refunds.\n\nUpdated every half hour.',
      statements: [{ question: 'What is the turnover of a day?', answer: "SELECT SUM(amount) FROM order_metrics WHERE order_date = DATE '2026-01-01'" }],
      constraints: ['Never join on customer_ref.'],
    });
  });

  it('accepts an Athena server without stagingDir, and names the workgroup it does not build', () => {
    expect(spec!.output.database).toBe('testco_prod_shop');
    expect(messages(warnings)).toContain('servers[0].workgroup: workgroup "analysts" of server "query" is not built: the platform builds no Athena workgroup or query result location');
  });

  it('reads ISO 8601 SLA durations', () => {
    expect(spec!.sla.freshnessMinutes).toBe(30);
    expect(spec!.output.retentionDays).toBe(365);
  });

  it('refuses a deprecated column whose marked comment would not fit Glue', () => {
    const { errors } = loadOdcs('v3.2.0-features.odcs.yaml', (t) => t.replace('description: Use customer_id.', `description: ${'x'.repeat(250)}`));
    expect(messages(errors)).toEqual([
      'schema[0].properties[5].description: cannot build: the description of "customer_ref" has 263 characters with its [deprecated] mark; Glue column comments hold at most 255',
    ]);
  });

  it('refuses a table physicalName other than the product name: the Glue table is named after the product', () => {
    const { errors } = loadOdcs('v3.2.0-features.odcs.yaml', (t) => t.replace('    physicalType: table\n    synonyms:', '    physicalType: table\n    physicalName: metrics\n    synonyms:'));
    expect(messages(errors)).toEqual(['schema[0].physicalName: cannot build: the table\'s physicalName is "metrics", but the platform names the Glue table after the product: "order_metrics"']);
  });

  it('rejects an empty enum and a map without its value at the field, as the v3.2.0 schema does', () => {
    const { errors } = loadOdcs('v3.2.0-features.odcs.yaml', (t) =>
      t.replace(/        enum:\n(.*\n){4}/, '        enum: []\n').replace('          value: { logicalType: integer, logicalTypeOptions: { format: i64 } }\n', ''),
    );
    expect(messages(errors)).toEqual(['schema[0].properties[1].enum: value must NOT have fewer than 1 items', 'schema[0].properties[2].map: missing required key "value"']);
  });
});

import * as path from 'path';
import { formatContractError } from '../../src/contract/errors';
import { loadProductFile } from '../../src/contract/mesh';
import { lineOf } from '../helpers/fixtures';
import { loadOdcs, ODCS_FIXTURES } from '../helpers/odcs';

describe('an ODCS contract becomes the same model as a native one', () => {
  const { value: spec, errors, warnings, text } = loadOdcs('complete.odcs.yaml');
  const column = (name: string) => [...spec!.columns, ...spec!.partitionKeys].find((c) => c.name === name)!;

  it('builds without errors or warnings', () => {
    expect(errors.map(formatContractError)).toEqual([]);
    expect((warnings ?? []).map(formatContractError)).toEqual([]);
  });

  it('takes id, domain and name from `domain` and `name`, and maps the status', () => {
    expect(spec).toMatchObject({ id: 'shop.order_events', domain: 'shop', name: 'order_events', version: '2.1.0', status: 'active' });
    expect(spec!.source).toEqual({ file: expect.stringMatching(/complete\.odcs\.yaml$/), format: 'odcs' });
  });

  it('reads the slaProperties frequency as how often the quality rules are evaluated', () => {
    const { value } = loadOdcs('complete.odcs.yaml', (t) => t.replace('slaProperties:\n', 'slaProperties:\n  - property: frequency\n    value: 6\n    unit: hours\n'));
    expect(value!.sla.checkEveryMinutes).toBe(360);
  });

  it('reads a schedule expression from the datameshCheckSchedule custom property, and refuses one that is not', () => {
    const schedule = (expression: string) => (t: string) => t.replace('\ncustomProperties:\n', `\ncustomProperties:\n  - property: datameshCheckSchedule\n    value: "${expression}"\n`);
    expect(loadOdcs('complete.odcs.yaml', schedule('cron(0 6 * * ? *)')).value!.sla).toMatchObject({ checkSchedule: 'cron(0 6 * * ? *)', checkEveryMinutes: undefined });
    const refused = loadOdcs('complete.odcs.yaml', schedule('daily'));
    expect(refused.errors.map((e) => e.path)).toEqual(['customProperties[0].value']);
  });

  it('takes the product description from description.purpose', () => {
    expect(spec!.description).toBe("One row per change of an order's state in the web shop.");
  });

  it('turns the first table into columns, physicalName and lower case naming them as Glue does', () => {
    expect(spec!.columns.map((c) => c.name)).toEqual(['event_id', 'orderid', 'customer_email', 'event_type', 'amount', 'quantity', 'items', 'occurred_ts']);
  });

  it('uses a physicalType that is a Glue type, and maps logical types otherwise', () => {
    expect(Object.fromEntries(spec!.columns.map((c) => [c.name, c.glueType]))).toEqual({
      event_id: 'varchar(36)',
      orderid: 'varchar(36)',
      customer_email: 'string',
      event_type: 'string',
      amount: 'decimal(12,2)',
      quantity: 'smallint',
      items: 'array<struct<sku:string,price:decimal(10,2)>>',
      occurred_ts: 'timestamp',
    });
  });

  it('orders partition keys by partitionKeyPosition, not by declaration', () => {
    expect(spec!.partitionKeys.map((c) => `${c.name}:${c.glueType}`)).toEqual(['event_date:date', 'event_hour:int']);
    expect(spec!.output.partitionBy).toEqual(['event_date', 'event_hour']);
  });

  it('makes primary keys required, and keeps required and descriptions', () => {
    expect(column('event_id')).toMatchObject({ primaryKey: true, required: true, description: 'Event identifier.' });
    expect(column('orderid')).toMatchObject({ primaryKey: false, required: true });
    expect(column('quantity')).toMatchObject({ required: false, description: undefined });
  });

  it('refuses a nested property classified more sensitive than its column: Lake Formation protects whole columns', () => {
    const nested = (extra: string) => (t: string) =>
      t.replace(
        '            - name: sku\n              logicalType: string\n',
        `            - name: sku\n              logicalType: string\n            - name: contact_point\n              logicalType: string\n${extra}`,
      );
    const classified = loadOdcs('complete.odcs.yaml', nested('              classification: pii\n'));
    expect(classified.errors.map((e) => `${e.line} ${e.path}: ${e.message}`)).toEqual([
      `${lineOf(classified.text, 'name: contact_point') + 2} schema[0].properties[6].items.properties[1].classification: property "contact_point" of column "items" is classified pii, but the column is internal: Lake Formation and S3 protect whole columns, so every reader of items would see it`,
    ]);
    const tagged = loadOdcs('complete.odcs.yaml', nested('              tags: [PII]\n'));
    expect(tagged.errors.map((e) => e.path)).toEqual(['schema[0].properties[6].items.properties[1].tags']);
    // The column classified as its most sensitive field is what the platform can protect.
    const protectedColumn = loadOdcs('complete.odcs.yaml', (t) =>
      nested('              classification: pii\n')(t).replace('      - name: items\n', '      - name: items\n        classification: pii\n'),
    );
    expect(protectedColumn.errors).toEqual([]);
  });

  it('reads classifications case-insensitively and a pii tag as personal data', () => {
    expect(column('event_type')).toMatchObject({ classification: 'public', classificationDeclared: true, pii: false });
    expect(column('customer_email')).toMatchObject({ classification: 'pii', classificationDeclared: true, pii: true, tags: ['PII', 'contact'] });
    expect(column('quantity')).toMatchObject({ classification: 'internal', classificationDeclared: false });
    expect(spec!.classification).toBe('pii');
  });

  it('turns library metrics with a zero tolerance and datamesh checks into quality rules', () => {
    expect(spec!.quality.map(({ location, ...rule }) => rule)).toEqual([
      { kind: 'not_null', column: 'event_id', description: 'Every event has an id.' },
      { kind: 'unique', columns: ['event_id'], description: undefined },
      { kind: 'pattern', column: 'customer_email', pattern: '^[^@]+@[^@]+$', description: undefined },
      { kind: 'accepted_values', column: 'event_type', values: ['placed', 'paid', 'shipped'], description: undefined },
      { kind: 'range', column: 'amount', min: 0, max: undefined, description: 'Totals are never negative.' },
      { kind: 'row_count', min: 10, max: 1000000, description: undefined },
      { kind: 'unique', columns: ['orderid', 'event_type', 'occurred_ts'], description: undefined },
    ]);
    expect(spec!.quality[0].location.line).toBe(lineOf(text, 'metric: nullValues'));
  });

  it('converts SLA units, accepting ODCS synonyms, and takes retention from the SLA', () => {
    expect(spec!.sla).toEqual({ freshnessMinutes: 30, availabilityPercent: 99.5, checkEveryMinutes: 1440 });
    expect(spec!.output.retentionDays).toBe(730);
  });

  it('takes the owner from the team name and the mailto support channel', () => {
    expect(spec!.owner).toEqual({ team: 'shop-data', email: 'shop-data@example.com' });
  });

  it('turns roles into consumers: a domain by name, an IAM role by ARN, PII approval from datameshPii', () => {
    expect(spec!.consumers.map(({ location, ...c }) => c)).toEqual([
      { kind: 'domain', domain: 'shop', access: 'read', pii: false, reason: 'Shop analysts build the order funnel.' },
      { kind: 'principal', principal: 'arn:aws:iam::210987654321:role/fraud-review', access: 'read', pii: true, reason: 'Fraud reviewers contact buyers by email.' },
    ]);
  });

  it('takes the output port from the glue server', () => {
    expect(spec!.output).toMatchObject({ format: 'parquet', location: 's3://testco-prod-shop-order-events/data/', database: 'testco_prod_shop' });
  });

  it('reads our extras from customProperties and ignores other tools’ ones', () => {
    expect(spec!.tags).toEqual({ CostCenter: 'SH-1' });
    expect(spec!.exceptions).toEqual([expect.objectContaining({ rule: 'DM112', expires: '2027-03-31', location: expect.objectContaining({ line: lineOf(text, '- rule: DM112') }) })]);
  });
});

describe('defaults for what ODCS leaves out', () => {
  const { value: spec, errors } = loadProductFile(path.join(ODCS_FIXTURES, 'minimal.odcs.yaml'));

  it('builds the minimal contract', () => {
    expect(errors).toEqual([]);
  });

  it('takes the domain from the folder the contract lives in', () => {
    expect(spec).toMatchObject({ domain: 'odcs', id: 'odcs.page_views' });
  });

  it('counts proposed as draft, writes parquet, and leaves owner and SLA empty for governance to report', () => {
    expect(spec).toMatchObject({ status: 'draft', output: { format: 'parquet', partitionBy: [] }, owner: { team: '', email: '' }, description: '' });
    expect(spec!.sla).toEqual({ freshnessMinutes: undefined, availabilityPercent: undefined });
  });

  it('reads the owner of a v3.0.x team list from the member whose role is owner, who names the team there is no name for', () => {
    expect(loadProductFile(path.join(ODCS_FIXTURES, 'v3.0.2-team-list.odcs.yaml')).value!.owner).toEqual({ team: 'ana@example.com', email: 'ana@example.com' });
  });
});

describe('logical types without a Glue physicalType', () => {
  const typeOf = (property: string) => {
    const { value, errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('      - name: url\n        logicalType: string\n', `      - name: c\n${property}`));
    expect(errors.map(formatContractError)).toEqual([]);
    return value!.columns[0].glueType;
  };

  it.each([
    ['string', '        logicalType: string\n', 'string'],
    ['string with maxLength', '        logicalType: string\n        logicalTypeOptions: { maxLength: 12 }\n', 'varchar(12)'],
    ['integer (i32 by default)', '        logicalType: integer\n', 'int'],
    ['integer i8', '        logicalType: integer\n        logicalTypeOptions: { format: i8 }\n', 'tinyint'],
    ['integer i64', '        logicalType: integer\n        logicalTypeOptions: { format: i64 }\n', 'bigint'],
    ['integer u64', '        logicalType: integer\n        logicalTypeOptions: { format: u64 }\n', 'decimal(20,0)'],
    ['number', '        logicalType: number\n', 'double'],
    ['number f32', '        logicalType: number\n        logicalTypeOptions: { format: f32 }\n', 'float'],
    ['boolean', '        logicalType: boolean\n', 'boolean'],
    ['date', '        logicalType: date\n', 'date'],
    ['timestamp', '        logicalType: timestamp\n', 'timestamp'],
    ['time (no Glue type: text)', '        logicalType: time\n', 'string'],
    ['a physicalType that is not Glue (int4)', '        logicalType: integer\n        physicalType: int4\n', 'int'],
    ['an upper-case Glue physicalType', '        logicalType: string\n        physicalType: VARCHAR(40)\n', 'varchar(40)'],
    ['array of strings', '        logicalType: array\n        items: { logicalType: string }\n', 'array<string>'],
    ['object', '        logicalType: object\n        properties:\n          - { name: Line1, logicalType: string }\n          - { name: zip, logicalType: integer }\n', 'struct<line1:string,zip:int>'],
    ['map (physical only)', '        logicalType: object\n        physicalType: map<string,string>\n', 'map<string,string>'],
  ])('maps %s', (_what, property, glueType) => {
    expect(typeOf(property)).toBe(glueType);
  });
});

describe('constraints ODCS states on a property', () => {
  const withProperty = (yaml: string) => loadOdcs('minimal.odcs.yaml', (t) => t.replace('      - name: url\n        logicalType: string\n', `      - name: url\n        logicalType: string\n${yaml}`));

  it('turns `unique: true` into a unique rule at that line', () => {
    const { value, errors, text } = withProperty('        unique: true\n');
    expect(errors).toEqual([]);
    expect(value!.quality).toEqual([expect.objectContaining({ kind: 'unique', columns: ['url'], location: expect.objectContaining({ line: lineOf(text, 'unique: true') }) })]);
  });

  it('does not add a second unique rule when a duplicateValues check says the same', () => {
    const { value } = withProperty('        unique: true\n        quality:\n          - metric: duplicateValues\n            mustBe: 0\n');
    expect(value!.quality.map((q) => q.kind)).toEqual(['unique']);
  });

  it('turns inclusive logicalTypeOptions minimum and maximum of a number into a range rule', () => {
    const { value, errors } = loadOdcs('minimal.odcs.yaml', (t) =>
      t.replace(
        '      - name: url\n        logicalType: string\n',
        '      - name: url\n        logicalType: string\n      - name: views\n        logicalType: integer\n        logicalTypeOptions:\n          minimum: 0\n          maximum: 100000\n',
      ),
    );
    expect(errors).toEqual([]);
    expect(value!.quality).toEqual([expect.objectContaining({ kind: 'range', column: 'views', min: 0, max: 100000 })]);
  });

  it('warns that exclusive bounds and date bounds are not enforced, rather than dropping them silently', () => {
    const { value, warnings } = loadOdcs('minimal.odcs.yaml', (t) =>
      t.replace(
        '      - name: url\n        logicalType: string\n',
        '      - name: url\n        logicalType: string\n      - name: views\n        logicalType: integer\n        logicalTypeOptions:\n          exclusiveMinimum: 0\n      - name: day\n        logicalType: date\n        logicalTypeOptions:\n          minimum: "2020-01-01"\n',
      ),
    );
    expect(value!.quality).toEqual([]);
    expect((warnings ?? []).map((w) => w.message)).toEqual(['exclusiveMinimum is not enforced by the platform', 'a minimum of date values is not enforced by the platform']);
  });
});

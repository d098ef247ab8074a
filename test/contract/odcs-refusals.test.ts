import { formatContractError } from '../../src/contract/errors';
import { columnOf, lineOf } from '../helpers/fixtures';
import { loadOdcs, messages } from '../helpers/odcs';

/** Valid ODCS that cannot become S3 + Glue resources is refused with "cannot build: <reason>" at the field that causes it. */
describe('valid ODCS the platform cannot build', () => {
  it('refuses a Kafka topic: at the topic and at the kafka server', () => {
    const { value, errors, text } = loadOdcs('kafka-topic.odcs.yaml');
    expect(value).toBeUndefined();
    expect(messages(errors)).toEqual([
      'schema[0].physicalType: cannot build: schema object "orders" is a topic, not a table; the platform builds tables (S3 + Glue)',
      'servers[0].type: cannot build: server "events" is of type kafka; the platform builds S3 + Glue and reads the output port from servers of type s3, glue or athena',
    ]);
    expect(errors[1]).toMatchObject({ line: lineOf(text, 'type: kafka'), column: columnOf(text, 'kafka') });
  });

  it('refuses an Azure server', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) =>
      t.replace(/servers:\n(.*\n)*?schema:/, 'servers:\n  - server: lake\n    type: azure\n    location: az://lake/orders\n    format: parquet\nschema:'),
    );
    expect(messages(errors)).toEqual([expect.stringMatching(/^servers\[0\]\.type: cannot build: server "lake" is of type azure/)]);
  });

  it('refuses a contract without a table', () => {
    const { errors } = loadOdcs('no-table.odcs.yaml');
    expect(messages(errors)).toEqual([expect.stringMatching(/^schema: cannot build: the contract describes no table/)]);
  });

  it('refuses a table without properties', () => {
    const { errors } = loadOdcs('two-tables.odcs.yaml', (t) =>
      t.replace(/  - name: carts\n    physicalType: table\n    properties:\n      - name: cart_id\n        logicalType: string\n/, '  - name: carts\n    physicalType: table\n'),
    );
    expect(messages(errors)).toEqual(['schema[0]: cannot build: table "carts" has no properties; a Glue table needs columns']);
  });

  it('refuses a format Glue tables are not built for', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('format: PARQUET', 'format: delta'));
    expect(messages(errors)).toEqual(['servers[0].format: cannot build: format "delta" is not one the platform builds tables for']);
  });

  it('refuses an object without properties and an array without items, unless the physicalType is a Glue type', () => {
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) =>
      t.replace(
        '      - name: url\n        logicalType: string\n',
        '      - name: attributes\n        logicalType: object\n        physicalType: json\n      - name: tags\n        logicalType: array\n',
      ),
    );
    expect(messages(errors)).toEqual([
      'schema[0].properties[0]: cannot build: "attributes" is an object without properties (physicalType "json" is not a Glue type); a Glue struct needs its fields',
      'schema[0].properties[1]: cannot build: "tags" is an array without `items`, so its element type is unknown',
    ]);
  });

  it('refuses a contract without a name, or with one that cannot name AWS resources', () => {
    expect(messages(loadOdcs('minimal.odcs.yaml', (t) => t.replace('name: page_views\nschema', 'schema')).errors)).toEqual([expect.stringMatching(/^name: cannot build: the contract has no `name`/)]);
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('name: page_views\nschema', 'name: Page Views\nschema'));
    expect(errors[0]).toMatchObject({ path: 'name', message: 'cannot build: name "Page Views" cannot name AWS resources' });
    expect(errors[0].hint).toMatch(/`name: page_views`/);
  });

  it('refuses a status that does not say whether to build', () => {
    const { errors } = loadOdcs('minimal.odcs.yaml', (t) => t.replace('status: proposed', 'status: experimental'));
    expect(messages(errors)).toEqual(['status: cannot build: status "experimental" does not say whether to build the product']);
  });

  it('refuses a role whose access the platform cannot grant', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('access: Read', 'access: admin'));
    expect(messages(errors)).toEqual([expect.stringMatching(/^roles\[1\]\.access: cannot build: role ".*fraud-review" gives access "admin"; the platform grants read or write$/)]);
  });

  it('refuses a column description longer than a Glue comment', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('description: Event identifier.', `description: ${'x'.repeat(256)}`));
    expect(messages(errors)).toEqual([expect.stringMatching(/^schema\[0\]\.properties\[0\]\.description: cannot build: .* 256 characters; Glue column comments hold at most 255$/)]);
  });

  it('refuses nested types in csv, as for native contracts', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('format: PARQUET', 'format: csv'));
    expect(messages(errors)).toEqual(['schema[0].properties[6]: cannot build: format csv cannot store the nested type array<struct<sku:string,price:decimal(10,2)>> of "items"']);
  });

  it('reports every reason of a file in one run, sorted by position', () => {
    const { errors } = loadOdcs('kafka-topic.odcs.yaml', (t) => t.replace('name: order_stream', 'name: Order Stream').replace('status: active', 'status: live'));
    expect(errors.map((e) => e.path)).toEqual(['status', 'name', 'schema[0].physicalType', 'servers[0].type']);
    expect(errors.every((e) => e.message.startsWith('cannot build: '))).toBe(true);
  });
});

describe('contradictions within an ODCS contract', () => {
  it('rejects two columns whose Glue names collide', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('      - name: quantity', '      - name: Amount'));
    expect(messages(errors)).toEqual([expect.stringMatching(/^schema\[0\]\.properties\[5\]\.name: duplicate column "amount" \(first declared at line \d+\)$/)]);
  });

  it('rejects partition columns that share a position, or several without one', () => {
    expect(messages(loadOdcs('complete.odcs.yaml', (t) => t.replace('partitionKeyPosition: 2', 'partitionKeyPosition: 1')).errors)).toEqual([
      'schema[0].properties[9].partitionKeyPosition: partitionKeyPosition 1 is also used by "event_hour"',
    ]);
    expect(messages(loadOdcs('complete.odcs.yaml', (t) => t.replace('        partitionKeyPosition: 2\n', '')).errors)).toEqual([
      'schema[0].properties[8].partitioned: partition column "event_hour" has no partitionKeyPosition, so the partition order is unknown',
    ]);
  });

  it('rejects a classification the platform does not know, suggesting the closest', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('classification: Public', 'classification: publik'));
    expect(errors).toEqual([expect.objectContaining({ path: 'schema[0].properties[3].classification', hint: 'did you mean "public"?' })]);
  });

  it('refuses an SLA unit it would have to guess', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('    unit: minutes', '    unit: m'));
    expect(errors).toEqual([expect.objectContaining({ path: 'slaProperties[0].unit', message: 'cannot build: unit "m" of Latency is not one the platform reads (minutes or months?)' })]);
  });

  it('rejects a quality check on a property the table does not have', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('[OrderId, event_type, occurred_at]', '[OrderId, event_kind]'));
    expect(messages(errors)).toEqual(['schema[0].quality[1].arguments.properties[1]: quality check refers to unknown property "event_kind"']);
  });

  it('rejects a role that looks like an ARN but is not an IAM role', () => {
    const { errors } = loadOdcs('complete.odcs.yaml', (t) => t.replace('arn:aws:iam::210987654321:role/fraud-review', 'arn:aws:iam::2109:user/fraud'));
    expect(messages(errors)).toEqual(['roles[1].role: "arn:aws:iam::2109:user/fraud" is not an IAM role ARN']);
  });
});

describe('what is valid but not built or enforced is named in a warning', () => {
  it('builds the first of several tables and names the others', () => {
    const { value, warnings } = loadOdcs('two-tables.odcs.yaml');
    expect(value!.columns.map((c) => c.name)).toEqual(['cart_id']);
    expect(messages(warnings)).toEqual(['schema[1]: schema object "cart_items" is not built: only the first table, "carts", becomes the Glue table']);
  });

  it('names every quality check it does not enforce, at the check', () => {
    const { value, errors, warnings } = loadOdcs('unenforced-checks.odcs.yaml');
    expect(errors).toEqual([]);
    expect(value!.quality).toEqual([]);
    expect(messages(warnings)).toEqual([
      'schema[0].properties[0].quality[0]: sql checks are not enforced by the platform',
      'schema[0].properties[0].quality[1]: text checks are not enforced by the platform',
      'schema[0].properties[0].quality[2]: custom checks for engine "soda" are not enforced by the platform',
      'schema[0].properties[0].quality[3].mustBeLessThan: nullValues with mustBeLessThan: 5 percent is not enforced: the platform enforces nullValues with `mustBe: 0`',
      'schema[0].quality[0].mustNotBe: rowCount with mustNotBe is not enforced by the platform',
      'schema[0].quality[1]: nullValues at table level names no column and is not enforced',
    ]);
    expect(warnings!.every((w) => formatContractError(w).includes('hint: '))).toBe(true);
  });

  it('names a non-AWS server next to an AWS one instead of refusing the contract', () => {
    const { value, warnings } = loadOdcs('complete.odcs.yaml', (t) =>
      t.replace('servers:\n', 'servers:\n  - server: source\n    type: postgres\n    host: db\n    port: 5432\n    database: shop\n    schema: public\n'),
    );
    expect(value).toBeDefined();
    expect(messages(warnings)).toEqual(['servers[0]: server "source" (postgres) is not built; the output port comes from the s3, glue and athena servers']);
  });
});

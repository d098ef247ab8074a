import { AnnotationMetadataEntryType } from 'cdktf';
import { resourcesOf } from '../helpers/synth';
import { CENTRAL_BI, FINANCE_ANALYST, grantees, grantsOf, SHOP_ANALYST, SHOP_PRODUCER, synthOrders, type GrantStatement } from './orders-fixture';

const READS_OBJECTS = ['ConsumersListProductPrefix', 'ConsumersReadProductObjects'];

/** One consumer entry of a native contract. */
const consumer = (who: string, access: 'read' | 'write', pii?: boolean) =>
  `  - ${who}\n    access: ${access}\n${pii === undefined ? '' : `    pii: ${pii}\n`}    reason: Monthly revenue reconciliation by store and day.\n`;

describe('grants per consumer kind (shop.orders holds one PII column, customer_email)', () => {
  it('an IAM role not approved for PII reads every other column through Lake Formation, and nothing directly', () => {
    expect(grantsOf(synthOrders({ consumers: consumer(`principal: ${CENTRAL_BI}`, 'read') }).config)).toEqual({
      bucketPolicy: {},
      keyPolicy: {},
      lakeFormation: [`${CENTRAL_BI} DESCRIBE,SELECT on columns except customer_email`],
    });
  });

  it('withholds a restricted column like a personal one', () => {
    const restricted = synthOrders({
      consumers: consumer(`principal: ${CENTRAL_BI}`, 'read'),
      edit: (t) => t.replace('    description: Order total in EUR.', '    description: Order total in EUR.\n    classification: restricted'),
    });
    expect(grantsOf(restricted.config).lakeFormation).toEqual([`${CENTRAL_BI} DESCRIBE,SELECT on columns except customer_email,total`]);
  });

  it('an IAM role approved for PII reads the data prefix, decrypts through S3 and selects every column', () => {
    expect(grantsOf(synthOrders({ consumers: consumer(`principal: ${CENTRAL_BI}`, 'read', true) }).config)).toEqual({
      bucketPolicy: { ConsumersListProductPrefix: [CENTRAL_BI], ConsumersReadProductObjects: [CENTRAL_BI] },
      keyPolicy: { ConsumersDecrypt: [CENTRAL_BI] },
      lakeFormation: [`${CENTRAL_BI} DESCRIBE,SELECT on table`],
    });
  });

  it('a domain is resolved to the consumer roles of its domain.yaml, each granted alike', () => {
    const grants = grantsOf(synthOrders({ consumers: consumer('domain: finance', 'read', true) }).config);
    expect(grants).toEqual({
      bucketPolicy: Object.fromEntries(READS_OBJECTS.map((sid) => [sid, [FINANCE_ANALYST]])),
      keyPolicy: { ConsumersDecrypt: [FINANCE_ANALYST] },
      lakeFormation: [`${FINANCE_ANALYST} DESCRIBE,SELECT on table`],
    });
  });

  it('a consumer of a product without PII gets every column and direct reads, approval or not', () => {
    const config = synthOrders({ consumers: consumer(`principal: ${CENTRAL_BI}`, 'read'), edit: (t) => t.replace('    classification: pii\n', '') }).config;
    expect(grantsOf(config)).toEqual({
      bucketPolicy: { ConsumersListProductPrefix: [CENTRAL_BI], ConsumersReadProductObjects: [CENTRAL_BI] },
      keyPolicy: { ConsumersDecrypt: [CENTRAL_BI] },
      lakeFormation: [`${CENTRAL_BI} DESCRIBE,SELECT on table`],
    });
  });

  it('the owning domain with write access: its producer role writes the data prefix, encrypts through S3 and may alter the table', () => {
    expect(grantsOf(synthOrders({ consumers: consumer('domain: shop', 'write') }).config)).toEqual({
      bucketPolicy: { ProducerListsProductPrefix: [SHOP_PRODUCER], ProducerWritesProductObjects: [SHOP_PRODUCER] },
      keyPolicy: { ProducerEncrypts: [SHOP_PRODUCER] },
      lakeFormation: [`${SHOP_PRODUCER} ALTER,DELETE,DESCRIBE,INSERT,SELECT on table`],
    });
  });

  it('write access for another domain grants nothing and fails governance (DM114) at the consumer line', () => {
    const { config, built } = synthOrders({ consumers: consumer('domain: finance', 'write') });
    expect(grantsOf(config)).toEqual({ bucketPolicy: {}, keyPolicy: {}, lakeFormation: [] });
    expect(built.governance.findings().filter((f) => f.ruleId === 'DM114')).toEqual([
      expect.objectContaining({ severity: 'error', productId: 'shop.orders', location: expect.objectContaining({ line: expect.any(Number) }) }),
    ]);
  });

  it('a retired product grants nothing to anyone', () => {
    const { config } = synthOrders({ status: 'retired', consumers: consumer(`principal: ${CENTRAL_BI}`, 'read', true) + consumer('domain: shop', 'write') });
    expect(grantsOf(config)).toEqual({ bucketPolicy: {}, keyPolicy: {}, lakeFormation: [] });
    expect(resourcesOf(config, 'aws_iam_policy')).toEqual([]);
  });

  it('a deprecated product keeps its grants', () => {
    const grants = grantsOf(synthOrders({ status: 'deprecated', consumers: consumer(`principal: ${CENTRAL_BI}`, 'read', true) }).config);
    expect(grants.lakeFormation).toEqual([`${CENTRAL_BI} DESCRIBE,SELECT on table`]);
  });

  it('a role named twice (by its domain and by ARN) is granted once, approved if either names it approved', () => {
    const consumers = consumer('domain: shop', 'read') + consumer(`principal: ${SHOP_ANALYST}`, 'read', true);
    expect(grantsOf(synthOrders({ consumers }).config).lakeFormation).toEqual([`${SHOP_ANALYST} DESCRIBE,SELECT on table`]);
  });

  it('gives a producer that also reads one Lake Formation grant, which the provider reads back as declared', () => {
    const both = synthOrders({ consumers: consumer('domain: shop', 'write') + consumer(`principal: ${SHOP_PRODUCER}`, 'read') }).config;
    expect(grantsOf(both).lakeFormation).toEqual([`${SHOP_PRODUCER} ALTER,DELETE,DESCRIBE,INSERT,SELECT on table`]);
  });

  it('needs no wildcard in any grant', () => {
    const config = synthOrders({ consumers: consumer(`principal: ${CENTRAL_BI}`, 'read', true) + consumer('domain: shop', 'write') }).config;
    const statements = [...Object.values(config.resource.aws_s3_bucket_policy), config.resource.aws_kms_key['kms-key']]
      .flatMap((r) => JSON.parse(r.policy).Statement)
      .filter((s: { Effect: string; Sid: string }) => s.Effect === 'Allow' && s.Sid !== 'AccountAdministersKey' && s.Sid !== 'S3ServerAccessLogDelivery');
    for (const s of statements) {
      expect([s.Sid, [s.Principal.AWS ?? s.Principal.Service].flat().some((p: string) => p.includes('*')), [s.Action].flat().some((a: string) => a.endsWith('*'))]).toEqual([s.Sid, false, false]);
    }
  });
});

describe('resource policies that deploy before the roles they grant to exist (issue #20, point 4)', () => {
  const consumers = consumer(`principal: ${CENTRAL_BI}`, 'read', true) + consumer('domain: finance', 'read', true) + consumer('domain: shop', 'write');
  const { config } = synthOrders({ consumers });
  const allows = [...Object.values(config.resource.aws_s3_bucket_policy), config.resource.aws_kms_key['kms-key']]
    .flatMap((r) => JSON.parse(r.policy).Statement as GrantStatement[])
    .filter((s) => s.Effect === 'Allow' && s.Principal?.AWS !== undefined && s.Sid !== 'AccountAdministersKey');

  it('names accounts, never roles, as principals: AWS refuses a policy naming a role that does not exist yet', () => {
    expect(allows.map((s) => s.Sid.replace(/[0-9a-f]{8}$/, '')).sort()).toEqual([
      'ConsumersDecrypt',
      'ConsumersListProductPrefix',
      'ConsumersReadProductObjects',
      'ProducerEncrypts',
      'ProducerListsProductPrefix',
      'ProducerWritesProductObjects',
    ]);
    for (const s of allows) expect({ sid: s.Sid, principals: [s.Principal.AWS].flat().filter((p) => !/^arn:aws:iam::\d{12}:root$/.test(p)) }).toEqual({ sid: s.Sid, principals: [] });
  });

  it('narrows each account to exactly the roles granted, by ARN, so a re-created role keeps its grant', () => {
    const readers = [CENTRAL_BI, FINANCE_ANALYST].sort();
    expect(Object.fromEntries(allows.map((s) => [s.Sid.replace(/[0-9a-f]{8}$/, ''), grantees(s)]))).toEqual({
      ConsumersDecrypt: readers,
      ConsumersListProductPrefix: readers,
      ConsumersReadProductObjects: readers,
      ProducerEncrypts: [SHOP_PRODUCER],
      ProducerListsProductPrefix: [SHOP_PRODUCER],
      ProducerWritesProductObjects: [SHOP_PRODUCER],
    });
    const list = allows.find((s) => s.Sid === 'ConsumersListProductPrefix')!;
    // One statement, several operators: AWS ANDs them, so the prefix limit still holds.
    expect(list.Condition).toEqual({
      StringLike: { 's3:prefix': ['data/', 'data/*'] },
      ArnEquals: { 'aws:PrincipalArn': readers },
    });
  });
});

describe('grants with Lake Formation turned off (lakeFormation.enabled: false)', () => {
  const platform = 'lakeFormation:\n  enabled: false\n';

  it('creates no Lake Formation resource at all', () => {
    const { config } = synthOrders({ platform, consumers: consumer(`principal: ${CENTRAL_BI}`, 'read', true) });
    expect(Object.keys(config.resource).filter((type) => type.startsWith('aws_lakeformation_'))).toEqual([]);
    expect(resourcesOf(config, 'aws_kms_grant')).toEqual([]);
    expect(grantsOf(config).bucketPolicy).toEqual({ ConsumersListProductPrefix: [CENTRAL_BI], ConsumersReadProductObjects: [CENTRAL_BI] });
  });

  it('grants nothing to a consumer not approved for PII, and says so', () => {
    const { config, built } = synthOrders({ platform, consumers: consumer(`principal: ${CENTRAL_BI}`, 'read') });
    expect(grantsOf(config)).toEqual({ bucketPolicy: {}, keyPolicy: {}, lakeFormation: [] });
    const product = built.stacks.get('shop')!.products.get('orders')!;
    expect(product.node.metadata.filter((m) => m.type === String(AnnotationMetadataEntryType.WARN)).map((m) => m.data)).toEqual([
      `${CENTRAL_BI} is not approved for the PII of shop.orders; without Lake Formation it cannot be given the other columns alone, so it is granted nothing`,
    ]);
  });
});

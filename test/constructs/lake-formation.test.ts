import type { MeshValidationError } from '../../src/contract/errors';
import { principalId } from '../../src/constructs/access/consumer-access';
import { lfTagKeys } from '../../src/constructs/access/lake-formation-tags';
import { onlyResource, resourcesOf } from '../helpers/synth';
import { BUCKET, CENTRAL_BI, SHOP_ANALYST, synthOrders } from './orders-fixture';

const TABLE = { database_name: '${aws_glue_catalog_database.database.name}', name: expect.stringMatching(/^\$\{aws_glue_catalog_table\.orders_catalog_table_[A-Z0-9]+\.name\}$/) };

/** One consumer not approved for PII (central BI) and one approved (the shop domain's analysts). */
const MIXED = `  - principal: ${CENTRAL_BI}
    access: read
    reason: Company-wide revenue dashboards.
  - domain: shop
    access: read
    pii: true
    reason: The shop analysts contact customers about failed deliveries.
`;

describe('Lake Formation for a product holding PII, one consumer approved and one not', () => {
  const { config } = synthOrders({ consumers: MIXED });
  const permissions = resourcesOf(config, 'aws_lakeformation_permissions');
  const of = (principal: string) => permissions.filter((p) => p.principal === principal).map(({ ['//']: _metadata, depends_on: _dependsOn, ...grant }) => grant);

  it('grants the unapproved consumer DESCRIBE and SELECT on every column but the PII ones, in one grant', () => {
    expect(of(CENTRAL_BI)).toEqual([{ principal: CENTRAL_BI, permissions: ['DESCRIBE', 'SELECT'], table_with_columns: { ...TABLE, wildcard: true, excluded_column_names: ['customer_email'] } }]);
  });

  it('grants the approved consumer SELECT and DESCRIBE on the whole table', () => {
    expect(of(SHOP_ANALYST)).toEqual([{ principal: SHOP_ANALYST, permissions: ['DESCRIBE', 'SELECT'], table: TABLE }]);
  });

  it('declares one permissions resource per principal and table, which is what the provider reads back (issue #20, point 2)', () => {
    // The provider lists a principal's permissions on a table in one call and merges them: two
    // resources for one principal and table would read each other's permissions and never converge.
    const keys = permissions.map((p) => `${p.principal} ${JSON.stringify([(p.table ?? p.table_with_columns).database_name, (p.table ?? p.table_with_columns).name])}`);
    // Two consumers and the domain's quality-evaluation role (issue #15).
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('still describes the table, and selects nothing, when every column is PII', () => {
    const allPii = synthOrders({
      consumers: `  - principal: ${CENTRAL_BI}\n    access: read\n    reason: Company-wide revenue dashboards.\n`,
      edit: (t) => t.replace(/    description: ([^\n]*)\n(?!    classification)/g, '    description: $1\n    classification: pii\n'),
    }).config;
    const consumers = resourcesOf(allPii, 'aws_lakeformation_permissions').filter((p) => !String(p.principal).startsWith('${aws_iam_role.'));
    expect(consumers.map((p) => [p.principal, p.permissions, Boolean(p.table)])).toEqual([[CENTRAL_BI, ['DESCRIBE'], true]]);
  });

  it('names each grant after its principal, so reordering consumers changes nothing', () => {
    const reordered = MIXED.split('  - ')
      .filter(Boolean)
      .reverse()
      .map((c) => `  - ${c}`)
      .join('');
    expect(synthOrders({ consumers: reordered }).config).toEqual(config);
    expect(
      Object.keys(config.resource.aws_lakeformation_permissions)
        .map((id) => id.replace(/_[A-F0-9]{8}$/, ''))
        .sort(),
    ).toEqual(['operations_quality-evaluation_orders-read', 'orders_lake-formation_123456789012-shop-analyst-read', 'orders_lake-formation_210987654321-central-bi-read']);
  });
});

describe('Lake Formation registration and LF-tags', () => {
  const { config } = synthOrders();

  it('registers the data prefix of the bucket, by reference, with the service-linked role', () => {
    const [bucket] = Object.entries(config.resource.aws_s3_bucket).find(([, r]) => r.bucket === BUCKET)!;
    expect(onlyResource(config, 'aws_lakeformation_resource')).toMatchObject({ arn: `\${aws_s3_bucket.${bucket}.arn}/data`, use_service_linked_role: true });
  });

  it('lets the service-linked role use the domain key for this bucket only, once the registration has created the role', () => {
    const grant = onlyResource(config, 'aws_kms_grant');
    expect(grant).toMatchObject({
      name: `${BUCKET}-lakeformation`,
      key_id: '${aws_kms_key.kms-key.arn}',
      grantee_principal: 'arn:aws:iam::123456789012:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess',
      operations: ['Decrypt', 'GenerateDataKey'],
      constraints: [{ encryption_context_subset: { 'aws:s3:arn': `arn:aws:s3:::${BUCKET}` } }],
    });
    expect(grant.depends_on).toEqual([expect.stringMatching(/^aws_lakeformation_resource\./)]);
  });

  it("declares the domain stack's two LF-tags, keyed by organization, environment and domain", () => {
    expect(lfTagKeys({ organization: 'testco', environment: 'dev', domain: 'shop' })).toEqual({ domain: 'testco-dev-shop:domain', classification: 'testco-dev-shop:classification' });
    expect(resourcesOf(config, 'aws_lakeformation_lf_tag').map(({ key, values }) => ({ key, values }))).toEqual([
      { key: 'testco-dev-shop:classification', values: ['public', 'internal', 'confidential', 'pii', 'restricted'] },
      { key: 'testco-dev-shop:domain', values: ['shop'] },
    ]);
  });

  it('tags the table with its domain and classification, and every column with its own', () => {
    const tagged = resourcesOf(config, 'aws_lakeformation_resource_lf_tags').map((r) => ({
      on: r.table ? 'table' : r.table_with_columns.column_names.join(','),
      tags: r.lf_tag.map((t: { key: string; value: string }) => `${t.key.replace(/^\$\{aws_lakeformation_lf_tag\.lf-tags_([a-z]+)_[A-F0-9]+\.key\}$/, '$1')}=${t.value}`),
    }));
    expect(tagged).toEqual([
      { on: 'order_id,total,items,order_date', tags: ['classification=internal'] },
      { on: 'customer_email', tags: ['classification=pii'] },
      { on: 'table', tags: ['domain=shop', 'classification=pii'] },
    ]);
  });

  it('keeps the registration and tags of a retired product with its data, but no permission', () => {
    const retired = synthOrders({ status: 'retired' }).config;
    expect(resourcesOf(retired, 'aws_lakeformation_permissions')).toEqual([]);
    expect([resourcesOf(retired, 'aws_lakeformation_resource').length, resourcesOf(retired, 'aws_lakeformation_resource_lf_tags').length]).toEqual([1, 3]);
  });

  it('creates no LF-tag in a domain stack that builds nothing', () => {
    const drafts = synthOrders({ edit: (t) => t.replace('status: active', 'status: draft') }).config;
    expect(resourcesOf(drafts, 'aws_lakeformation_lf_tag')).toEqual([]);
  });
});

describe('principal ids', () => {
  it('are the account and role name, hashed when characters had to be replaced', () => {
    expect(principalId('arn:aws:iam::123456789012:role/shop-analyst')).toBe('123456789012-shop-analyst');
    expect(principalId('arn:aws:iam::123456789012:role/team/bi.reader')).toMatch(/^123456789012-team-bi-reader-[0-9a-f]{8}$/);
    expect(principalId('arn:aws:iam::123456789012:role/team/bi.reader')).not.toBe(principalId('arn:aws:iam::123456789012:role/team-bi/reader'));
  });
});

describe('the lakeFormation platform setting', () => {
  it('is on unless platform.yaml turns it off', () => {
    expect(resourcesOf(synthOrders().config, 'aws_lakeformation_resource')).toHaveLength(1);
    expect(resourcesOf(synthOrders({ platform: 'lakeFormation:\n  enabled: false\n' }).config, 'aws_lakeformation_resource')).toEqual([]);
  });

  it('rejects a misspelled key with its location', () => {
    let error: unknown;
    try {
      synthOrders({ platform: 'lakeFormation:\n  enable: false\n' });
    } catch (e) {
      error = e;
    }
    expect((error as MeshValidationError).errors).toEqual([expect.objectContaining({ path: 'lakeFormation.enable', line: expect.any(Number) })]);
  });
});

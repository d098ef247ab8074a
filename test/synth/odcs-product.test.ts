import { loadMesh } from '../../src/contract/mesh';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { synthDomain, type TerraformJson } from '../helpers/synth';

/** Resource types of one product, found by the logical ids, which start with the product name. */
function productResourceTypes(config: TerraformJson, product: string): string[] {
  return Object.entries(config.resource)
    .flatMap(([type, resources]) =>
      Object.keys(resources)
        .filter((id) => id.startsWith(`${product}_`))
        .map(() => type),
    )
    .sort();
}

describe('an ODCS contract synthesizes like a native one', () => {
  const { config } = synthDomain(REFERENCE_CONTRACTS, 'payments');
  const mesh = loadMesh(REFERENCE_CONTRACTS).value!;
  const sepaMandates = mesh.products.find((p) => p.id === 'payments.sepa_mandates')!;

  it('gets the same resources as the native products of its domain', () => {
    const odcs = productResourceTypes(config, 'sepa_mandates');
    const count = (types: readonly string[]) => types.reduce<Record<string, number>>((n, t) => ({ ...n, [t]: (n[t] ?? 0) + 1 }), {});
    const classifications = new Set(sepaMandates.columns.map((c) => c.classification));
    expect(count(odcs)).toEqual({
      // The bucket and its seven companions (versioning, encryption, public access block,
      // ownership, lifecycle, access logging, policy).
      aws_s3_bucket: 1,
      aws_s3_bucket_versioning: 1,
      aws_s3_bucket_server_side_encryption_configuration: 1,
      aws_s3_bucket_public_access_block: 1,
      aws_s3_bucket_ownership_controls: 1,
      aws_s3_bucket_lifecycle_configuration: 1,
      aws_s3_bucket_logging: 1,
      aws_s3_bucket_policy: 1,
      aws_glue_catalog_table: 1,
      aws_glue_data_quality_ruleset: 1,
      // The producer's write policy only: with PII columns, readers go through Lake Formation.
      aws_iam_policy: 1,
      aws_lakeformation_resource: 1,
      aws_kms_grant: 1,
      // The table's tags, and the columns' tags per classification the contract uses.
      aws_lakeformation_resource_lf_tags: 1 + classifications.size,
      // One grant per reading role: a domain consumer's consumer roles, or the principal named.
      aws_lakeformation_permissions: sepaMandates.consumers.map((c) => (c.kind === 'domain' ? mesh.domains.find((d) => d.name === c.domain)!.roles.consumers.length : 1)).reduce((a, b) => a + b, 0),
    });
    // The same kinds; how many Lake Formation grants and column tags depends on consumers and columns.
    expect(new Set(odcs)).toEqual(new Set(productResourceTypes(config, 'refunds')));
  });

  it('gets a Glue table with the columns, types and comments of the model', () => {
    const table = Object.values(config.resource.aws_glue_catalog_table).find((t) => t.name === 'sepa_mandates')!;
    const columns = table.storage_descriptor.columns.map((c: { name: string; type: string; comment?: string }) => [c.name, c.type, c.comment]);
    expect(columns).toEqual(sepaMandates.columns.map((c) => [c.name, c.glueType, c.description]));
    expect(table.parameters).toMatchObject({ 'datamesh.contract_id': 'payments.sepa_mandates', 'datamesh.owner': 'payments-data', 'datamesh.retention_days': '2555' });
  });
});

import { loadMesh } from '../../src/contract/mesh';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { synthDomain, type TerraformJson } from '../helpers/synth';

/** Resource types of one product, found by the logical ids, which start with the product name. */
function productResourceTypes(config: TerraformJson, product: string): string[] {
  return Object.entries(config.resource)
    .flatMap(([type, resources]) => Object.keys(resources).filter((id) => id.startsWith(`${product}_`)).map(() => type))
    .sort();
}

describe('an ODCS contract synthesizes like a native one', () => {
  const { config } = synthDomain(REFERENCE_CONTRACTS, 'payments');
  const sepaMandates = loadMesh(REFERENCE_CONTRACTS).value!.products.find((p) => p.id === 'payments.sepa_mandates')!;

  it('gets the same resources as the native products of its domain', () => {
    const odcs = productResourceTypes(config, 'sepa_mandates');
    expect(odcs.length).toBeGreaterThanOrEqual(11);
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

import * as fs from 'fs';
import * as path from 'path';
import { buildCatalog } from '../../src/catalog/build-catalog';
import { renderProductDetail } from '../../src/catalog/html/product-detail';
import { copyMesh } from '../helpers/fixtures';
import { ODCS_FIXTURES } from '../helpers/odcs';
import { resourcesOf, synthDomain } from '../helpers/synth';

/** The minimal mesh with the ODCS v3.2.0 fixture (enum, map, semantic types, synonyms, context, a deprecated column) beside its native product. */
describe('an ODCS v3.2.0 contract, built', () => {
  const dir = copyMesh();
  fs.copyFileSync(path.join(ODCS_FIXTURES, 'v3.2.0-features.odcs.yaml'), path.join(dir, 'shop', 'order_metrics.odcs.yaml'));
  const { built, config } = synthDomain(dir, 'shop', 'prod');
  const table = resourcesOf(config, 'aws_glue_catalog_table').find((t) => t.name === 'order_metrics')!;
  const catalog = buildCatalog(built.mesh, { environment: 'prod' });
  const product = catalog.products.find((p) => p.id === 'shop.order_metrics')!;

  it('marks the deprecated column in its Glue comment, and gives the map its Glue type', () => {
    const columns = Object.fromEntries(table.storage_descriptor.columns.map((c: { name: string; type: string; comment?: string }) => [c.name, [c.type, c.comment]]));
    expect(columns.customer_ref).toEqual(['string', '[deprecated] Use customer_id.']);
    expect(columns.attributes).toEqual(['map<string,bigint>', undefined]);
  });

  it('compiles the enum into an accepted-values rule of the Glue Data Quality ruleset', () => {
    const ruleset = resourcesOf(config, 'aws_glue_data_quality_ruleset').find((r) => String(r.name).includes('order-metrics') || String(r.name).includes('order_metrics'))!;
    expect(ruleset.ruleset).toContain('ColumnValues "status" in ["placed", "shipped"]');
  });

  it('puts deprecation, semantic types, synonyms and context in catalog.json', () => {
    const column = (name: string) => product.schema.find((c) => c.name === name)!;
    expect(column('customer_ref').deprecated).toBe(true);
    expect(column('amount')).toMatchObject({ semanticType: 'measure', synonyms: ['turnover', "chiffre d'affaires"] });
    expect(product.synonyms).toEqual(['Sales']);
    expect(product.context).toMatchObject({ constraints: ['Never join on customer_ref.'] });
  });

  it('shows them on the catalog page', () => {
    const page = renderProductDetail(product).toString();
    expect(page).toContain('Also known as: Sales');
    expect(page).toMatch(/<td><code>customer_ref<\/code><\/td>[\s\S]*?deprecated<\/td><\/tr>/);
    expect(page).toContain('<h3>Context</h3>');
    expect(page).toContain('<li>Never join on customer_ref.</li>');
    expect(page).toContain('also: turnover, chiffre d&#39;affaires');
  });
});

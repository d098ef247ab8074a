import { AnnotationMetadataEntryType } from 'cdktf';
import { onlyResource, resourcesOf } from '../helpers/synth';
import { synthOrders } from './orders-fixture';

const TAGS = { Domain: 'shop', DataProduct: 'orders', Owner: 'shop-data', Classification: 'pii', ContractVersion: '1.0.0', Status: 'active' };

describe('the Glue Data Quality ruleset of a product', () => {
  it("compiles the contract's rules into one ruleset on the product's Glue table, named and tagged after the product", () => {
    expect(onlyResource(synthOrders().config, 'aws_glue_data_quality_ruleset')).toMatchObject({
      name: 'testco-dev-shop-orders-quality',
      description: 'Quality rules of shop.orders v1.0.0, compiled from its contract',
      ruleset: 'Rules = [\n    IsComplete "order_id",\n    IsUnique "order_id"\n]',
      target_table: { database_name: '${aws_glue_catalog_database.database.name}', table_name: expect.stringMatching(/^\$\{aws_glue_catalog_table\.orders_catalog_table_[A-Z0-9]+\.name\}$/) },
      tags: TAGS,
    });
  });

  it('warns about a rule DQDL cannot express, reports it as DM115 at its line, and deploys the others', () => {
    const { config, built } = synthOrders({ edit: (t) => t.replace('quality:\n', 'quality:\n  - rule: not_null\n    column: items\n') });
    expect(onlyResource(config, 'aws_glue_data_quality_ruleset').ruleset).toBe('Rules = [\n    IsComplete "order_id",\n    IsUnique "order_id"\n]');
    const quality = built.stacks.get('shop')!.products.get('orders')!.quality!;
    expect(quality.node.metadata.filter((m) => m.type === String(AnnotationMetadataEntryType.WARN)).map((m) => m.data)).toEqual([
      expect.stringMatching(
        /^shop\.orders: quality rule not_null at \S+shop\/orders\.yaml:\d+:5 is not enforced by Glue Data Quality: column "items" is array<struct<sku:string,quantity:int>>, and DQDL does not check nested or list-type columns$/,
      ),
    ]);
    expect(built.governance.findings().filter((f) => f.ruleId === 'DM115')).toEqual([
      expect.objectContaining({ severity: 'warning', productId: 'shop.orders', location: expect.objectContaining({ column: 5 }) }),
    ]);
  });

  it('deploys no ruleset when no rule compiles, since Glue rejects an empty one', () => {
    const { config } = synthOrders({ edit: (t) => t.replace(/quality:\n[\s\S]*?consumers:/, 'quality:\n  - rule: not_null\n    column: items\nconsumers:') });
    expect(resourcesOf(config, 'aws_glue_data_quality_ruleset')).toEqual([]);
  });

  it('deploys no ruleset for a retired product, which is no longer produced', () => {
    expect(resourcesOf(synthOrders({ status: 'retired' }).config, 'aws_glue_data_quality_ruleset')).toEqual([]);
  });

  it('keeps checking a deprecated product', () => {
    expect(resourcesOf(synthOrders({ status: 'deprecated' }).config, 'aws_glue_data_quality_ruleset')).toHaveLength(1);
  });
});

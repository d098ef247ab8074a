import { GlueDataQualityRuleset } from '@cdktf/provider-aws/lib/glue-data-quality-ruleset';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { compileDqdl, type CompiledRuleset } from '../../contract/dqdl/dqdl';
import type { ProductQualityProps } from './product-quality-props';
import { guardStack, untrusted } from '../terraform-text';

/**
 * The contract's quality rules as one Glue Data Quality ruleset on the product's table. A rule DQDL
 * cannot express is not dropped quietly: it is a warning here and a DM115 finding in the reports.
 *
 * @example
 * new ProductQuality(product, 'quality', {
 *   product: spec,
 *   name: 'acme_dev_sales_orders',
 *   databaseName: database.name,
 *   tableName: table.table.name,
 *   tags: { Domain: 'sales' },
 * });
 */
export class ProductQuality extends Construct {
  readonly compiled: CompiledRuleset;
  /** Undefined when no rule compiled: Glue rejects an empty ruleset. */
  readonly ruleset?: GlueDataQualityRuleset;

  constructor(scope: Construct, id: string, props: ProductQualityProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const product = untrusted(props.product);
    this.compiled = compileDqdl(product);
    for (const { rule, reason, location } of this.compiled.unsupported) {
      Annotations.of(this).addWarning(`${product.id}: quality rule ${rule.kind} at ${location.file}:${location.line}:${location.column} is not enforced by Glue Data Quality: ${reason}`);
    }
    if (this.compiled.rules.length === 0) return;
    this.ruleset = new GlueDataQualityRuleset(this, 'ruleset', {
      name: props.name,
      description: `Quality rules of ${product.id} v${product.version}, compiled from its contract`,
      ruleset: this.compiled.ruleset,
      targetTable: { databaseName: props.databaseName, tableName: props.tableName },
      tags: { ...props.tags },
    });
  }
}

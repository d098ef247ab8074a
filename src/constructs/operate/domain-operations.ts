import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { isEvaluated } from '../../contract/monitoring';
import { domainNames, productNames } from '../../contract/naming';
import { guardStack, untrusted } from '../terraform-text';
import { DomainAlerts } from './domain-alerts';
import type { DomainOperationsProps } from './domain-operations-props';
import { QualityEvaluation } from './quality-evaluation';
import type { EvaluatedProduct } from './quality-evaluation-props';

/**
 * The "operate" stage of a domain's products (DESIGN.md §5): scheduled quality evaluation, alerts
 * to the domain's team, and the domain's cost budget, all derived from the contracts.
 *
 * @example
 * new DomainOperations(stack, 'operations', {
 *   domain,
 *   names: { organization: 'acme', environment: 'dev', domain: domain.name },
 *   region: 'eu-west-1',
 *   kmsKeyArn: key.arn,
 *   products: [...stack.products.values()],
 *   settings: monitoringSettings(mesh.platform),
 *   lakeFormation: true,
 *   tags: { Domain: domain.name },
 * });
 */
export class DomainOperations extends Construct {
  readonly alerts: DomainAlerts;
  /** Undefined when no product of the domain has rules to evaluate. */
  readonly evaluation?: QualityEvaluation;

  constructor(scope: Construct, id: string, props: DomainOperationsProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const domain = untrusted(props.domain);
    const names = domainNames(props.names);
    const evaluated: EvaluatedProduct[] = props.products.flatMap((dp) => {
      const ruleset = dp.quality?.ruleset;
      if (!ruleset || !isEvaluated(dp.product, props.settings)) return [];
      return [{ product: dp.product, rulesetName: ruleset.name, tableName: dp.table.table.name, grantPrerequisites: dp.lakeFormation?.grantPrerequisites }];
    });

    this.alerts = new DomainAlerts(this, 'alerts', {
      domain,
      names,
      region: props.region,
      kmsKeyArn: props.kmsKeyArn,
      rulesetNames: evaluated.map((e) => productNames(props.names, e.product.name).qualityRuleset),
      alarmNames: evaluated.map((e) => productNames(props.names, e.product.name).evaluationMissingAlarm),
      // The literal name: the event pattern is then readable in the plan and in tests.
      databaseName: names.database,
      settings: props.settings,
      tags: props.tags,
    });
    if (evaluated.length === 0) return;
    this.evaluation = new QualityEvaluation(this, 'quality-evaluation', {
      names: props.names,
      domainNames: names,
      account: domain.account,
      region: props.region,
      kmsKeyArn: props.kmsKeyArn,
      // Literal like the rule's pattern; the schedules and grants still follow the table references.
      databaseName: names.database,
      products: evaluated,
      settings: props.settings,
      alertTopicArn: this.alerts.topic.arn,
      lakeFormation: props.lakeFormation,
      tags: props.tags,
    });
  }
}

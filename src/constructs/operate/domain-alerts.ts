import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alertEndpoints, monthlyBudgetUsd } from '../../contract/monitoring';
import { policyDocument, type PolicyStatement } from '../access/policy-document';
import { guardStack, untrusted } from '../terraform-text';
import { alertTopicArn } from './alert-key-statements';
import type { DomainAlertsProps } from './domain-alerts-props';

/** Glue Data Quality's event for a finished evaluation (EventBridge reference, aws.glue-dataquality). */
export const DQ_RESULT_SOURCE = 'aws.glue-dataquality';
export const DQ_RESULT_DETAIL_TYPE = 'Data Quality Evaluation Results Available';

/**
 * Where a domain's team hears about its products: one topic encrypted with the domain key,
 * subscribed by the domain's alert endpoints; an EventBridge rule that forwards failed
 * evaluations of the domain's rulesets, as a readable message; and a monthly budget on the
 * domain's `Domain` cost-allocation tag that tells the same topic.
 *
 * @example
 * new DomainAlerts(operations, 'alerts', {
 *   domain,
 *   names: domainNames({ organization: 'acme', environment: 'dev', domain: domain.name }),
 *   region: 'eu-west-1',
 *   kmsKeyArn: key.arn,
 *   rulesetNames: ['acme_dev_sales_orders'],
 *   alarmNames: ['acme-dev-sales-orders-quality-missing'],
 *   databaseName: database.name,
 *   settings: monitoringSettings(mesh.platform),
 *   tags: { Domain: domain.name },
 * });
 */
export class DomainAlerts extends Construct {
  readonly topic: SnsTopic;
  readonly topicArn: string;
  readonly topicPolicy: SnsTopicPolicy;
  readonly subscriptions: readonly SnsTopicSubscription[];
  /** Undefined when the domain has no evaluated ruleset. */
  readonly failedEvaluations?: CloudwatchEventRule;
  readonly budget: BudgetsBudget;

  constructor(scope: Construct, id: string, props: DomainAlertsProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const domain = untrusted(props.domain);
    const { names, region } = props;
    const account = domain.account;
    this.topicArn = alertTopicArn(account, region, names.alertTopic);
    const ruleArn = `arn:aws:events:${region}:${account}:rule/${names.qualityAlertRule}`;

    this.topic = new SnsTopic(this, 'topic', {
      name: names.alertTopic,
      displayName: `datamesh ${domain.name} alerts`,
      kmsMasterKeyId: props.kmsKeyArn,
      tags: { ...props.tags },
    });
    this.topicPolicy = new SnsTopicPolicy(this, 'topic-policy', {
      arn: this.topic.arn,
      policy: policyDocument(topicStatements(this.topicArn, account, region, ruleArn, props.alarmNames, names.budget)),
    });
    const endpoints = alertEndpoints(domain);
    this.subscriptions = endpoints.map(
      (alert) =>
        new SnsTopicSubscription(this, subscriptionId(alert, endpoints), {
          topicArn: this.topic.arn,
          protocol: alert.protocol,
          endpoint: alert.endpoint,
        }),
    );

    if (props.rulesetNames.length > 0) {
      this.failedEvaluations = new CloudwatchEventRule(this, 'failed-evaluations', {
        name: names.qualityAlertRule,
        description: `Failed Glue Data Quality evaluations of domain ${domain.name}`,
        eventPattern: JSON.stringify(failedEvaluationPattern(props.databaseName, props.rulesetNames)),
        tags: { ...props.tags },
      });
      new CloudwatchEventTarget(this, 'failed-evaluations-target', {
        rule: this.failedEvaluations.name,
        targetId: 'domain-alert-topic',
        arn: this.topic.arn,
        inputTransformer: failureMessage(),
      });
    }

    this.budget = new BudgetsBudget(this, 'budget', {
      name: names.budget,
      accountId: account,
      budgetType: 'COST',
      limitAmount: monthlyBudgetUsd(domain, props.settings).toFixed(2),
      limitUnit: 'USD',
      timeUnit: 'MONTHLY',
      // Cost-allocation tags are named `user:<key>` in cost filters; the key must be activated in Billing.
      costFilter: [{ name: 'TagKeyValue', values: [`user:Domain$${domain.name}`] }],
      notification: props.settings.budgetThresholds.map((threshold) => ({
        comparisonOperator: 'GREATER_THAN',
        notificationType: 'ACTUAL',
        threshold,
        thresholdType: 'PERCENTAGE',
        subscriberSnsTopicArns: [this.topic.arn],
      })),
      tags: { ...props.tags },
    });
  }
}

type AlertEndpoint = ReturnType<typeof alertEndpoints>[number];

/**
 * `subscription-<protocol>-<endpoint>` with every run of other characters as `-`, so a plan names
 * the endpoint. Endpoints that differ only in those characters (`a.b@x` and `a-b@x`) would share
 * it and fail synthesis, so each of them also carries a hash of its endpoint; ids of endpoints
 * without such a twin stay as they are, and their subscriptions are not replaced.
 */
function subscriptionId(alert: AlertEndpoint, all: readonly AlertEndpoint[]): string {
  const readable = (a: AlertEndpoint) => `subscription-${a.protocol}-${a.endpoint.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const id = readable(alert);
  const twin = all.some((other) => other !== alert && readable(other) === id);
  return twin ? `${id}-${createHash('sha256').update(`${alert.protocol}:${alert.endpoint}`).digest('hex').slice(0, 8)}` : id;
}

/** Failed evaluations of exactly these rulesets on tables of this database. */
export function failedEvaluationPattern(databaseName: string, rulesetNames: readonly string[]): object {
  return {
    source: [DQ_RESULT_SOURCE],
    'detail-type': [DQ_RESULT_DETAIL_TYPE],
    detail: {
      context: { contextType: ['GLUE_DATA_CATALOG'], databaseName: [databaseName] },
      rulesetNames: [...rulesetNames],
      state: ['FAILED'],
    },
  };
}

/**
 * The event names the table (the product), the ruleset and how many rules failed, not which: the
 * message says where the rule results are (the result id, and the product's results prefix).
 */
function failureMessage(): { inputPaths: Record<string, string>; inputTemplate: string } {
  return {
    inputPaths: {
      database: '$.detail.context.databaseName',
      product: '$.detail.context.tableName',
      ruleset: '$.detail.rulesetNames[0]',
      failed: '$.detail.numRulesFailed',
      passed: '$.detail.numRulesSucceeded',
      score: '$.detail.score',
      result: '$.detail.resultId',
      run: '$.detail.context.runId',
    },
    inputTemplate:
      '"Data product <product> (<database>.<product>) failed its quality checks: <failed> rule(s) of ruleset <ruleset> failed, <passed> passed (score <score>). ' +
      'Failing rules: aws glue get-data-quality-result --result-id <result> (run <run>), or the quality-results/ prefix of the product bucket."',
  };
}

function topicStatements(topicArn: string, account: string, region: string, ruleArn: string, alarmNames: readonly string[], budgetName: string): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (alarmNames.length > 0) {
    statements.push(
      {
        Sid: 'FailedEvaluationsFromDomainRule',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { ArnEquals: { 'aws:SourceArn': ruleArn } },
      },
      {
        Sid: 'MissingEvaluationsFromDomainAlarms',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { ArnEquals: { 'aws:SourceArn': alarmNames.map((name) => `arn:aws:cloudwatch:${region}:${account}:alarm:${name}`) } },
      },
    );
  }
  statements.push({
    Sid: 'CostAlertsFromDomainBudget',
    Effect: 'Allow',
    Principal: { Service: 'budgets.amazonaws.com' },
    Action: 'sns:Publish',
    Resource: topicArn,
    Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnEquals: { 'aws:SourceArn': `arn:aws:budgets::${account}:budget/${budgetName}` } },
  });
  return statements;
}

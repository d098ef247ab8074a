import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LakeformationPermissions } from '@cdktf/provider-aws/lib/lakeformation-permissions';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { TerraformStack } from 'cdktf';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { isProtected } from '../../contract/column-rules';
import type { DataProductSpec, QualityRule } from '../../contract/model';
import { evaluationCadence } from '../../contract/monitoring';
import { policyDocument, type PolicyStatement } from '../access/policy-document';
import { DATA_PREFIX, productNames, QUALITY_RESULTS_PREFIX, type NameParts } from '../../contract/naming';
import { guardStack, untrusted } from '../terraform-text';
import type { EvaluatedProduct, QualityEvaluationProps } from './quality-evaluation-props';

/** EventBridge Scheduler's universal target for the Glue API call that starts an evaluation. */
export const START_EVALUATION_TARGET = 'arn:aws:scheduler:::aws-sdk:glue:startDataQualityRulesetEvaluationRun';
/** Namespace and metric Glue Data Quality publishes per run when CloudWatch metrics are on. */
export const DQ_METRIC_NAMESPACE = 'Glue Data Quality';
export const DQ_METRIC = 'glue.data.quality.rules.passed';
const SERVICES = { scheduler: 'scheduler.amazonaws.com', glue: 'glue.amazonaws.com' } as const;

/**
 * Runs each evaluated product's ruleset on its cadence and notices when it did not run. One role
 * per domain: EventBridge Scheduler assumes it to start the run and passes it to Glue, which runs
 * the evaluation as it. It reads the products' `data/` prefixes and catalog entries, writes to each
 * product's `quality-results/` prefix, and may decrypt only objects of those buckets.
 *
 * @example
 * const evaluation = new QualityEvaluation(operations, 'evaluation', {
 *   names,
 *   domainNames: domainNames(names),
 *   account: '111111111111',
 *   region: 'eu-west-1',
 *   kmsKeyArn: key.arn,
 *   databaseName: database.name,
 *   products: [{ product: spec, rulesetName: 'acme_dev_sales_orders', tableName: 'orders' }],
 *   settings: monitoringSettings(mesh.platform),
 *   alertTopicArn: alerts.topicArn,
 *   lakeFormation: true,
 *   tags: { Domain: 'sales' },
 * });
 */
export class QualityEvaluation extends Construct {
  readonly role: IamRole;
  readonly rolePolicy: IamRolePolicy;
  readonly schedules: ReadonlyMap<string, SchedulerSchedule>;
  readonly missingEvaluationAlarms: ReadonlyMap<string, CloudwatchMetricAlarm>;
  readonly permissions: readonly LakeformationPermissions[];

  constructor(scope: Construct, id: string, props: QualityEvaluationProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const products = props.products.map((p) => ({ ...p, product: untrusted(p.product) }));
    const { account, region } = props;
    const roleArn = `arn:aws:iam::${account}:role/${props.domainNames.evaluationRole}`;

    this.role = new IamRole(this, 'role', {
      name: props.domainNames.evaluationRole,
      description: `Evaluates the quality rulesets of domain ${props.names.domain} on their schedules`,
      assumeRolePolicy: policyDocument(trustStatements(account, region)),
      tags: { ...props.tags },
    });
    this.rolePolicy = new IamRolePolicy(this, 'role-policy', {
      name: 'evaluate-quality',
      role: this.role.name,
      policy: policyDocument(evaluationStatements({ ...props, products, roleArn })),
    });

    const schedules = new Map<string, SchedulerSchedule>();
    const alarms = new Map<string, CloudwatchMetricAlarm>();
    const permissions: LakeformationPermissions[] = [];
    for (const evaluated of products) {
      const { product } = evaluated;
      const names = productNames(props.names, product.name);
      const cadence = evaluationCadence(product, props.settings)!;
      schedules.set(
        product.name,
        new SchedulerSchedule(this, `${product.name}-schedule`, {
          name: names.qualitySchedule,
          description: `Quality evaluation of ${product.id} (${cadence.source})`,
          scheduleExpression: cadence.expression,
          flexibleTimeWindow: { mode: 'OFF' },
          target: {
            arn: START_EVALUATION_TARGET,
            roleArn: this.role.arn,
            input: JSON.stringify(startEvaluationInput(evaluated, props.databaseName, this.role.arn, names.bucket)),
            retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 },
          },
        }),
      );
      const interval = cadence.intervalMinutes ?? props.settings.defaultIntervalMinutes;
      alarms.set(
        product.name,
        new CloudwatchMetricAlarm(this, `${product.name}-evaluation-missing`, {
          alarmName: names.evaluationMissingAlarm,
          alarmDescription: `No quality evaluation of ${product.id} published results in two evaluation intervals: it did not run or did not finish`,
          namespace: DQ_METRIC_NAMESPACE,
          metricName: DQ_METRIC,
          dimensions: { CatalogId: account, Database: props.databaseName, Table: evaluated.tableName, Ruleset: evaluated.rulesetName },
          statistic: 'SampleCount',
          ...missingEvaluationWindow(interval),
          threshold: 1,
          comparisonOperator: 'LessThanThreshold',
          // An evaluation that did not run publishes nothing: no data is the failure this alarm is for.
          treatMissingData: 'breaching',
          alarmActions: [props.alertTopicArn],
          tags: { ...props.tags },
        }),
      );
      if (props.lakeFormation) permissions.push(this.grantSelect(product, props.databaseName, evaluated.tableName, evaluated.grantPrerequisites ?? []));
    }
    this.schedules = schedules;
    this.missingEvaluationAlarms = alarms;
    this.permissions = permissions;
  }

  /**
   * SELECT on the columns the rules read: every column but the protected ones no rule names, so
   * a not_null check on an email column sees the emails and nothing else protected is exposed.
   */
  private grantSelect(product: DataProductSpec, databaseName: string, tableName: string, dependsOn: readonly ITerraformDependable[]): LakeformationPermissions {
    const table = { databaseName, name: tableName };
    const named = ruleColumns(product.quality);
    const hidden = [...product.columns, ...product.partitionKeys].filter((c) => isProtected(c) && !named.has(c.name)).map((c) => c.name);
    // One grant per principal and table (issue #20): the provider reads a table's grants back
    // together, so a DESCRIBE beside a column SELECT would be replaced on every plan.
    const permissions = ['DESCRIBE', 'SELECT'];
    return hidden.length === 0
      ? new LakeformationPermissions(this, `${product.name}-read`, { principal: this.role.arn, permissions, table, dependsOn: [...dependsOn] })
      : new LakeformationPermissions(this, `${product.name}-read`, {
          principal: this.role.arn,
          permissions,
          tableWithColumns: { ...table, wildcard: true, excludedColumnNames: hidden },
          dependsOn: [...dependsOn],
        });
  }
}

/** The columns a product's quality rules read. */
export function ruleColumns(rules: readonly QualityRule[]): Set<string> {
  return new Set(rules.flatMap((rule) => ('columns' in rule ? [...rule.columns] : 'column' in rule ? [rule.column] : [])));
}

/** The StartDataQualityRulesetEvaluationRun request, as the universal target's input. */
export function startEvaluationInput(evaluated: EvaluatedProduct, databaseName: string, roleArn: string, bucketName: string): object {
  return {
    DataSource: { GlueTable: { DatabaseName: databaseName, TableName: evaluated.tableName } },
    Role: roleArn,
    RulesetNames: [evaluated.rulesetName],
    AdditionalRunOptions: { CloudWatchMetricsEnabled: true, ResultsS3Prefix: `s3://${bucketName}/${QUALITY_RESULTS_PREFIX}` },
  };
}

/**
 * Periods of one interval (at most a day, the longest a metric period may be) over two intervals:
 * one late run is not an alert, a whole missed interval is. CloudWatch evaluates at most 7 days.
 */
export function missingEvaluationWindow(intervalMinutes: number): { period: number; evaluationPeriods: number; datapointsToAlarm: number } {
  const periodMinutes = Math.min(intervalMinutes, 1440);
  const evaluationPeriods = Math.max(1, Math.min(Math.ceil((2 * intervalMinutes) / periodMinutes), Math.floor(10080 / periodMinutes)));
  return { period: periodMinutes * 60, evaluationPeriods, datapointsToAlarm: evaluationPeriods };
}

/** Only the scheduler (to start runs) and Glue (to run them) of this account may assume the role. */
export function trustStatements(account: string, region: string): PolicyStatement[] {
  return [
    {
      Sid: 'SchedulerStartsEvaluations',
      Effect: 'Allow',
      Principal: { Service: SERVICES.scheduler },
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnEquals: { 'aws:SourceArn': `arn:aws:scheduler:${region}:${account}:schedule-group/default` } },
    },
    {
      Sid: 'GlueRunsEvaluations',
      Effect: 'Allow',
      Principal: { Service: SERVICES.glue },
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    },
  ];
}

interface StatementInputs {
  readonly names: NameParts;
  readonly account: string;
  readonly region: string;
  readonly kmsKeyArn: string;
  readonly databaseName: string;
  readonly products: readonly EvaluatedProduct[];
  readonly roleArn: string;
  readonly lakeFormation: boolean;
}

/** What an evaluation needs, on exactly the domain's evaluated products. */
export function evaluationStatements(inputs: StatementInputs): PolicyStatement[] {
  const { account, region } = inputs;
  const names = inputs.products.map((p) => productNames(inputs.names, p.product.name));
  const buckets = names.map((n) => `arn:aws:s3:::${n.bucket}`);
  const glue = `arn:aws:glue:${region}:${account}`;
  const statements: PolicyStatement[] = [
    {
      Sid: 'StartAndPublishEvaluations',
      Effect: 'Allow',
      Action: ['glue:GetDataQualityRuleset', 'glue:PublishDataQuality', 'glue:StartDataQualityRulesetEvaluationRun'],
      Resource: names.map((n) => `${glue}:dataQualityRuleset/${n.qualityRuleset}`),
    },
    {
      Sid: 'PassThisRoleToGlue',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: inputs.roleArn,
      Condition: { StringEquals: { 'iam:PassedToService': SERVICES.glue } },
    },
    {
      Sid: 'ReadEvaluatedTables',
      Effect: 'Allow',
      Action: ['glue:GetDatabase', 'glue:GetPartition', 'glue:GetPartitions', 'glue:GetTable'],
      Resource: [`${glue}:catalog`, `${glue}:database/${inputs.databaseName}`, ...inputs.products.map((p) => `${glue}:table/${inputs.databaseName}/${p.product.name}`)],
    },
    {
      Sid: 'ListDataPrefixes',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: buckets,
      Condition: { StringLike: { 's3:prefix': [DATA_PREFIX, `${DATA_PREFIX}*`] } },
    },
    { Sid: 'ReadData', Effect: 'Allow', Action: 's3:GetObject', Resource: buckets.map((b) => `${b}/${DATA_PREFIX}*`) },
    { Sid: 'WriteEvaluationResults', Effect: 'Allow', Action: 's3:PutObject', Resource: buckets.map((b) => `${b}/${QUALITY_RESULTS_PREFIX}*`) },
    {
      Sid: 'DecryptEvaluatedBuckets',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: inputs.kmsKeyArn,
      Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': buckets } },
    },
  ];
  if (inputs.lakeFormation) {
    // Lake Formation vends credentials for registered locations; the action has no resource type,
    // and what it vends is decided by the table grants below (DM205 knows this action).
    statements.push({ Sid: 'LakeFormationCredentials', Effect: 'Allow', Action: 'lakeformation:GetDataAccess', Resource: '*' });
  }
  return statements;
}

import * as path from 'path';
import { loadMesh } from '../../src/contract/mesh';
import { copyMesh, editFile, FIXTURES } from '../helpers/fixtures';
import { onlyResource, resourcesOf, synthDomain } from '../helpers/synth';

const MINIMAL = path.join(FIXTURES, 'minimal');
const ACCOUNT = '123456789012';
const TOPIC_ARN = `arn:aws:sns:eu-west-1:${ACCOUNT}:testco-dev-shop-alerts`;
const BUCKET_ARN = 'arn:aws:s3:::testco-dev-shop-orders';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/testco-dev-shop-quality-evaluation`;

const statementsOf = (resource: Record<string, any>, attribute = 'policy') => JSON.parse(resource[attribute]).Statement as any[];
const bySid = (statements: any[], sid: string) => statements.find((s) => s.Sid === sid);

describe('operate: scheduled quality evaluation', () => {
  const { config } = synthDomain(MINIMAL, 'shop');

  it('runs the ruleset against its Glue table on the freshness cadence through the universal target', () => {
    const schedule = onlyResource(config, 'aws_scheduler_schedule');
    expect(schedule).toMatchObject({
      name: 'testco-dev-shop-orders-quality',
      schedule_expression: 'rate(1 hour)',
      flexible_time_window: { mode: 'OFF' },
      target: { arn: 'arn:aws:scheduler:::aws-sdk:glue:startDataQualityRulesetEvaluationRun', role_arn: expect.stringMatching(/^\$\{aws_iam_role\..*\.arn\}$/) },
    });
    expect(JSON.parse(schedule.target.input)).toEqual({
      DataSource: { GlueTable: { DatabaseName: 'testco_dev_shop', TableName: expect.stringMatching(/^\$\{aws_glue_catalog_table\..*\.name\}$/) } },
      Role: schedule.target.role_arn,
      RulesetNames: [expect.stringMatching(/^\$\{aws_glue_data_quality_ruleset\..*\.name\}$/)],
      AdditionalRunOptions: { CloudWatchMetricsEnabled: true, ResultsS3Prefix: 's3://testco-dev-shop-orders/quality-results/' },
    });
  });

  it('uses the schedule a contract states, and never runs more often than the platform minimum', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('  availability: "99.9%"\n', '  availability: "99.9%"\n  checkSchedule: "cron(0 6 * * ? *)"\n'));
    expect(onlyResource(synthDomain(dir, 'shop').config, 'aws_scheduler_schedule').schedule_expression).toBe('cron(0 6 * * ? *)');
    const fast = copyMesh();
    editFile(fast, 'shop/orders.yaml', (t) => t.replace('  availability: "99.9%"\n', '  availability: "99.9%"\n  checkEvery: 5m\n'));
    editFile(fast, 'platform.yaml', (t) => `${t}monitoring:\n  minInterval: 30m\n`);
    expect(onlyResource(synthDomain(fast, 'shop').config, 'aws_scheduler_schedule').schedule_expression).toBe('rate(30 minutes)');
  });

  it('gives drafts and retired products no schedule, and builds nothing when monitoring is off', () => {
    for (const status of ['retired', 'draft']) {
      const dir = copyMesh();
      editFile(dir, 'shop/orders.yaml', (t) => t.replace('status: active', `status: ${status}`).replace(/consumers:[\s\S]*$/, ''));
      expect(resourcesOf(synthDomain(dir, 'shop').config, 'aws_scheduler_schedule')).toEqual([]);
    }
    const off = copyMesh();
    editFile(off, 'platform.yaml', (t) => `${t}monitoring:\n  enabled: false\n`);
    const json = synthDomain(off, 'shop').config;
    for (const type of ['aws_scheduler_schedule', 'aws_iam_role', 'aws_sns_topic', 'aws_cloudwatch_event_rule', 'aws_cloudwatch_metric_alarm', 'aws_budgets_budget']) {
      expect([type, resourcesOf(json, type)]).toEqual([type, []]);
    }
    expect(statementsOf(onlyResource(json, 'aws_kms_key')).map((s) => s.Sid)).not.toContain('AlertPublishersEncryptForAlertTopic');
  });

  it('alarms when no evaluation published results in two intervals, treating missing data as a failure', () => {
    expect(onlyResource(config, 'aws_cloudwatch_metric_alarm')).toMatchObject({
      alarm_name: 'testco-dev-shop-orders-quality-evaluation-missing',
      namespace: 'Glue Data Quality',
      metric_name: 'glue.data.quality.rules.passed',
      dimensions: { CatalogId: ACCOUNT, Database: 'testco_dev_shop', Ruleset: expect.stringMatching(/ruleset/), Table: expect.stringMatching(/catalog_table/) },
      statistic: 'SampleCount',
      period: 3600,
      evaluation_periods: 2,
      datapoints_to_alarm: 2,
      threshold: 1,
      comparison_operator: 'LessThanThreshold',
      treat_missing_data: 'breaching',
      alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\..*\.arn\}$/)],
    });
  });
});

describe('operate: the evaluation role', () => {
  const { config } = synthDomain(MINIMAL, 'shop');
  const role = onlyResource(config, 'aws_iam_role');
  const statements = statementsOf(onlyResource(config, 'aws_iam_role_policy'));

  it('may be assumed by the scheduler and Glue of the domain account only', () => {
    expect(role.name).toBe('testco-dev-shop-quality-evaluation');
    expect(statementsOf(role, 'assume_role_policy')).toEqual([
      {
        Sid: 'SchedulerStartsEvaluations',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnEquals: { 'aws:SourceArn': `arn:aws:scheduler:eu-west-1:${ACCOUNT}:schedule-group/default` } },
      },
      {
        Sid: 'GlueRunsEvaluations',
        Effect: 'Allow',
        Principal: { Service: 'glue.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      },
    ]);
  });

  it('starts only the domain rulesets and passes only itself to Glue', () => {
    expect(bySid(statements, 'StartAndPublishEvaluations')).toEqual({
      Sid: 'StartAndPublishEvaluations',
      Effect: 'Allow',
      Action: ['glue:GetDataQualityRuleset', 'glue:PublishDataQuality', 'glue:StartDataQualityRulesetEvaluationRun'],
      Resource: [`arn:aws:glue:eu-west-1:${ACCOUNT}:dataQualityRuleset/testco-dev-shop-orders-quality`],
    });
    expect(bySid(statements, 'PassThisRoleToGlue')).toEqual({
      Sid: 'PassThisRoleToGlue',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: ROLE_ARN,
      Condition: { StringEquals: { 'iam:PassedToService': 'glue.amazonaws.com' } },
    });
  });

  it('reads the catalog entries and data/ prefixes of the evaluated products, and writes results to their quality-results/ prefix', () => {
    expect(bySid(statements, 'ReadEvaluatedTables').Resource).toEqual([
      `arn:aws:glue:eu-west-1:${ACCOUNT}:catalog`,
      `arn:aws:glue:eu-west-1:${ACCOUNT}:database/testco_dev_shop`,
      `arn:aws:glue:eu-west-1:${ACCOUNT}:table/testco_dev_shop/orders`,
    ]);
    expect(bySid(statements, 'ListDataPrefixes')).toMatchObject({ Action: 's3:ListBucket', Resource: [BUCKET_ARN], Condition: { StringLike: { 's3:prefix': ['data/', 'data/*'] } } });
    expect(bySid(statements, 'ReadData')).toMatchObject({ Action: 's3:GetObject', Resource: [`${BUCKET_ARN}/data/*`] });
    expect(bySid(statements, 'WriteEvaluationResults')).toMatchObject({ Action: 's3:PutObject', Resource: [`${BUCKET_ARN}/quality-results/*`] });
  });

  it('decrypts only objects of the evaluated buckets, through S3', () => {
    expect(bySid(statements, 'DecryptEvaluatedBuckets')).toEqual({
      Sid: 'DecryptEvaluatedBuckets',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '${aws_kms_key.kms-key.arn}',
      Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'kms:EncryptionContext:aws:s3:arn': [BUCKET_ARN] } },
    });
  });

  it('has no wildcard action, and * only for the resourceless lakeformation:GetDataAccess', () => {
    expect(statements.flatMap((s) => [s.Action].flat()).filter((a: string) => a.includes('*'))).toEqual([]);
    expect(statements.filter((s) => [s.Resource].flat().includes('*')).map((s) => s.Action)).toEqual(['lakeformation:GetDataAccess']);
  });

  it('gets Lake Formation SELECT on exactly the evaluated table: every column its rules name, no other protected column', () => {
    const permissions = resourcesOf(config, 'aws_lakeformation_permissions').filter((p) => /aws_iam_role/.test(p.principal));
    // One grant per principal and table (issue #20): DESCRIBE and SELECT together, after the table's
    // registration and LF-tags.
    expect(permissions).toEqual([
      expect.objectContaining({
        permissions: ['DESCRIBE', 'SELECT'],
        table_with_columns: expect.objectContaining({
          database_name: 'testco_dev_shop',
          name: expect.stringMatching(/^\$\{aws_glue_catalog_table\./),
          wildcard: true,
          excluded_column_names: ['customer_email'],
        }),
        depends_on: expect.arrayContaining([expect.stringMatching(/^aws_lakeformation_resource\./), expect.stringMatching(/^aws_lakeformation_resource_lf_tags\./)]),
      }),
    ]);
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('quality:\n', 'quality:\n  - rule: not_null\n    column: customer_email\n'));
    const grant = resourcesOf(synthDomain(dir, 'shop').config, 'aws_lakeformation_permissions').filter((p) => /aws_iam_role/.test(p.principal));
    // Every protected column is named by a rule: the whole table, no column exclusions.
    expect(grant).toEqual([expect.objectContaining({ permissions: ['DESCRIBE', 'SELECT'], table: expect.objectContaining({ database_name: 'testco_dev_shop' }) })]);
  });
});

describe('operate: alerts to the owning team', () => {
  const { config } = synthDomain(MINIMAL, 'shop');

  it('encrypts the domain topic with the domain key', () => {
    expect(onlyResource(config, 'aws_sns_topic')).toMatchObject({ name: 'testco-dev-shop-alerts', kms_master_key_id: '${aws_kms_key.kms-key.arn}' });
  });

  it('admits EventBridge, CloudWatch and Budgets to the key for this topic only', () => {
    const statement = bySid(statementsOf(onlyResource(config, 'aws_kms_key')), 'AlertPublishersEncryptForAlertTopic');
    expect(statement).toEqual({
      Sid: 'AlertPublishersEncryptForAlertTopic',
      Effect: 'Allow',
      Principal: { Service: ['budgets.amazonaws.com', 'cloudwatch.amazonaws.com', 'events.amazonaws.com'] },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': TOPIC_ARN, 'aws:SourceAccount': ACCOUNT } },
    });
  });

  it('lets each publisher send from exactly its own rule, alarms and budget', () => {
    expect(statementsOf(onlyResource(config, 'aws_sns_topic_policy'))).toEqual([
      {
        Sid: 'FailedEvaluationsFromDomainRule',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: TOPIC_ARN,
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:events:eu-west-1:${ACCOUNT}:rule/testco-dev-shop-quality-failed` } },
      },
      {
        Sid: 'MissingEvaluationsFromDomainAlarms',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: TOPIC_ARN,
        Condition: { ArnEquals: { 'aws:SourceArn': [`arn:aws:cloudwatch:eu-west-1:${ACCOUNT}:alarm:testco-dev-shop-orders-quality-evaluation-missing`] } },
      },
      {
        Sid: 'CostAlertsFromDomainBudget',
        Effect: 'Allow',
        Principal: { Service: 'budgets.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: TOPIC_ARN,
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnEquals: { 'aws:SourceArn': `arn:aws:budgets::${ACCOUNT}:budget/testco-dev-shop-monthly` } },
      },
    ]);
  });

  it("subscribes the owner's email by default, and the endpoints domain.yaml names otherwise", () => {
    expect(resourcesOf(config, 'aws_sns_topic_subscription').map((s) => [s.protocol, s.endpoint])).toEqual([['email', 'shop-data@example.com']]);
    const dir = copyMesh();
    editFile(
      dir,
      'shop/domain.yaml',
      (t) => `${t}monitoring:\n  alerts:\n    - protocol: email\n      endpoint: shop-oncall@example.com\n    - protocol: https\n      endpoint: https://alerts.example.com/hooks/shop\n`,
    );
    expect(resourcesOf(synthDomain(dir, 'shop').config, 'aws_sns_topic_subscription').map((s) => [s.protocol, s.endpoint])).toEqual([
      ['email', 'shop-oncall@example.com'],
      ['https', 'https://alerts.example.com/hooks/shop'],
    ]);
  });

  it('subscribes two endpoints that differ only in punctuation once each, under ids of their own', () => {
    const dir = copyMesh();
    const alerts = ['shop.oncall@example.com', 'shop-oncall@example.com', 'shop_oncall@example.com'];
    editFile(dir, 'shop/domain.yaml', (t) => `${t}monitoring:\n  alerts:\n${alerts.map((a) => `    - protocol: email\n      endpoint: ${a}\n`).join('')}`);
    const subscriptions = synthDomain(dir, 'shop').config.resource.aws_sns_topic_subscription;
    expect(
      Object.values(subscriptions)
        .map((s: any) => s.endpoint)
        .sort(),
    ).toEqual([...alerts].sort());
    // Each id holds the readable endpoint, so a plan still says which subscription it touches.
    for (const [id, s] of Object.entries(subscriptions)) expect(id).toContain((s as any).endpoint.replace(/[^A-Za-z0-9]+/g, '-'));
  });

  it('refuses an alert endpoint listed twice, at its line in domain.yaml', () => {
    const dir = copyMesh();
    editFile(
      dir,
      'shop/domain.yaml',
      (t) => `${t}monitoring:\n  alerts:\n    - protocol: email\n      endpoint: shop-oncall@example.com\n    - protocol: email\n      endpoint: shop-oncall@example.com\n`,
    );
    const { errors } = loadMesh(dir);
    expect(errors.map((e) => `${e.line} ${e.path}: ${e.message}`)).toEqual([expect.stringMatching(/^\d+ monitoring\.alerts.*duplicate/)]);
  });

  it('writes an alert endpoint from domain.yaml as literal text, never as a Terraform expression', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => `${t}monitoring:\n  alerts:\n    - protocol: https\n      endpoint: https://alerts.example.com/\${file("/etc/hostname")}\n`);
    const [subscription] = resourcesOf(synthDomain(dir, 'shop').config, 'aws_sns_topic_subscription');
    expect(subscription.endpoint).toBe('https://alerts.example.com/$${file("/etc/hostname")}');
  });

  it('forwards failed evaluations of exactly the domain rulesets, naming product, ruleset and failing rules', () => {
    const rule = onlyResource(config, 'aws_cloudwatch_event_rule');
    expect(rule.name).toBe('testco-dev-shop-quality-failed');
    expect(JSON.parse(rule.event_pattern)).toEqual({
      source: ['aws.glue-dataquality'],
      'detail-type': ['Data Quality Evaluation Results Available'],
      detail: { context: { contextType: ['GLUE_DATA_CATALOG'], databaseName: ['testco_dev_shop'] }, rulesetNames: ['testco-dev-shop-orders-quality'], state: ['FAILED'] },
    });
    const target = onlyResource(config, 'aws_cloudwatch_event_target');
    expect(target.arn).toMatch(/^\$\{aws_sns_topic\..*\.arn\}$/);
    expect(target.input_transformer.input_paths).toMatchObject({
      product: '$.detail.context.tableName',
      ruleset: '$.detail.rulesetNames[0]',
      failed: '$.detail.numRulesFailed',
      result: '$.detail.resultId',
    });
    expect(target.input_transformer.input_template).toMatch(
      /Data product <product> .* <failed> rule\(s\) of ruleset <ruleset> failed.*Failing rules: aws glue get-data-quality-result --result-id <result>/,
    );
  });
});

describe('operate: cost per domain', () => {
  it('budgets the domain monthly on its Domain cost-allocation tag and tells the topic at the platform thresholds', () => {
    const budget = onlyResource(synthDomain(MINIMAL, 'shop').config, 'aws_budgets_budget');
    expect(budget).toMatchObject({
      name: 'testco-dev-shop-monthly',
      account_id: ACCOUNT,
      budget_type: 'COST',
      limit_amount: '100.00',
      limit_unit: 'USD',
      time_unit: 'MONTHLY',
      cost_filter: [{ name: 'TagKeyValue', values: ['user:Domain$shop'] }],
    });
    expect(budget.notification.map((n: any) => [n.threshold, n.threshold_type, n.notification_type, n.comparison_operator])).toEqual([
      [80, 'PERCENTAGE', 'ACTUAL', 'GREATER_THAN'],
      [100, 'PERCENTAGE', 'ACTUAL', 'GREATER_THAN'],
    ]);
    expect(budget.notification[0].subscriber_sns_topic_arns).toEqual([expect.stringMatching(/^\$\{aws_sns_topic\..*\.arn\}$/)]);
  });

  it('uses the amount domain.yaml sets and the thresholds platform.yaml sets', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => `${t}monitoring:\n  budget:\n    monthlyUsd: 750\n`);
    editFile(dir, 'platform.yaml', (t) => `${t}monitoring:\n  budget:\n    thresholds: [100, 50]\n`);
    const budget = onlyResource(synthDomain(dir, 'shop').config, 'aws_budgets_budget');
    expect([budget.limit_amount, budget.notification.map((n: any) => n.threshold)]).toEqual(['750.00', [50, 100]]);
  });
});

/**
 * The baseline of the benchmark: the smallest cdktf program a team could write by hand for the
 * same mesh, without the library. It reads the same YAML with the `yaml` package (no schema
 * validation, no normalizer, no governance, no reports, no catalog) and creates, with the same
 * deep-imported provider classes, the same resource types and counts per product and per domain,
 * with comparable settings, one TerraformStack per domain. The library's cost is then a ratio.
 *
 *   npx ts-node bench/minimal-program.ts <contractsDir> <outdir>   (as `cdktf init` runs main.ts)
 */
const started = performance.now();
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { BudgetsBudget } from '@cdktf/provider-aws/lib/budgets-budget';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { GlueCatalogDatabase } from '@cdktf/provider-aws/lib/glue-catalog-database';
import { GlueCatalogTable } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { GlueDataQualityRuleset } from '@cdktf/provider-aws/lib/glue-data-quality-ruleset';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsGrant } from '@cdktf/provider-aws/lib/kms-grant';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { LakeformationLfTag } from '@cdktf/provider-aws/lib/lakeformation-lf-tag';
import { LakeformationPermissions } from '@cdktf/provider-aws/lib/lakeformation-permissions';
import { LakeformationResource } from '@cdktf/provider-aws/lib/lakeformation-resource';
import { LakeformationResourceLfTags } from '@cdktf/provider-aws/lib/lakeformation-resource-lf-tags';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { SchedulerSchedule } from '@cdktf/provider-aws/lib/scheduler-schedule';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import type { Construct } from 'constructs';
import { emitResult } from './synth-result';

interface Column {
  name: string;
  type: string;
  description?: string;
  classification: string;
  pii: boolean;
}
interface Rule {
  rule: string;
  column?: string;
  columns?: string[];
  values?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}
interface Consumer {
  domain?: string;
  principal?: string;
  access: 'read' | 'write';
  pii: boolean;
}
interface Product {
  domain: string;
  name: string;
  version: string;
  status: string;
  team: string;
  format: string;
  partitionBy: string[];
  retentionDays?: number;
  columns: Column[];
  quality: Rule[];
  consumers: Consumer[];
  tags: Record<string, string>;
}
interface Domain {
  name: string;
  account: string;
  team: string;
  producer: string;
  readers: string[];
  tags: Record<string, string>;
}

const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii', 'restricted'];
const SERDES: Record<string, [string, string, string]> = {
  parquet: [
    'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  ],
  orc: ['org.apache.hadoop.hive.ql.io.orc.OrcSerde', 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat', 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat'],
  avro: ['org.apache.hadoop.hive.serde2.avro.AvroSerDe', 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat', 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat'],
  json: ['org.openx.data.jsonserde.JsonSerDe', 'org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'],
  csv: ['org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe', 'org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'],
};

// ---- reading the mesh: plain YAML, trusted as written -------------------------------------------

function readMesh(dir: string) {
  const platform = parse(fs.readFileSync(path.join(dir, 'platform.yaml'), 'utf8'));
  const domains: Domain[] = [];
  const products: Product[] = [];
  for (const folder of fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    const d = parse(fs.readFileSync(path.join(dir, folder, 'domain.yaml'), 'utf8'));
    domains.push({ name: d.name, account: d.account, team: d.owner.team, producer: d.roles.producer, readers: d.roles.consumers, tags: d.tags ?? {} });
    for (const file of fs
      .readdirSync(path.join(dir, folder))
      .filter((f) => f.endsWith('.yaml') && f !== 'domain.yaml')
      .sort()) {
      const doc = parse(fs.readFileSync(path.join(dir, folder, file), 'utf8'));
      products.push(doc.kind === 'DataContract' ? fromOdcs(doc) : fromNative(doc));
    }
  }
  return { platform, domains, products };
}

function fromNative(doc: any): Product {
  return {
    domain: doc.domain,
    name: doc.name,
    version: doc.version,
    status: doc.status,
    team: doc.owner.team,
    format: doc.output.format,
    partitionBy: doc.output.partitionBy ?? [],
    retentionDays: days(doc.output.retention),
    columns: doc.schema.map((c: any) => ({ name: c.name, type: c.type, description: c.description, classification: c.classification ?? 'internal', pii: c.classification === 'pii' })),
    quality: doc.quality ?? [],
    consumers: (doc.consumers ?? []).map((c: any) => ({ ...c, pii: c.pii === true })),
    tags: doc.tags ?? {},
  };
}

function fromOdcs(doc: any): Product {
  const table = doc.schema[0];
  const sla = new Map<string, any>(doc.slaProperties.map((s: any) => [s.property, s]));
  const retention = sla.get('retention');
  const quality: Rule[] = [];
  for (const p of table.properties) {
    for (const q of p.quality ?? []) {
      if (q.metric === 'nullValues') quality.push({ rule: 'not_null', column: p.name });
      else if (q.metric === 'duplicateValues') quality.push({ rule: 'unique', column: p.name });
      else if (q.metric === 'invalidValues')
        quality.push(q.arguments.pattern ? { rule: 'pattern', column: p.name, pattern: q.arguments.pattern } : { rule: 'accepted_values', column: p.name, values: q.arguments.validValues });
      else if (q.type === 'custom') quality.push(q.implementation);
    }
  }
  for (const q of table.quality ?? []) quality.push(q.metric === 'rowCount' ? { rule: 'row_count', min: q.mustBeGreaterOrEqualTo } : { rule: 'unique', columns: q.arguments.properties });
  return {
    domain: doc.domain,
    name: doc.name,
    version: doc.version,
    status: doc.status,
    team: doc.team.name,
    format: doc.servers[0].format,
    partitionBy: table.properties.filter((p: any) => p.partitioned).map((p: any) => p.name),
    retentionDays: retention ? days(`${retention.value}${retention.unit}`) : undefined,
    columns: table.properties.map((p: any) => ({ name: p.name, type: p.physicalType, description: p.description, classification: p.classification ?? 'internal', pii: p.classification === 'pii' })),
    quality,
    consumers: (doc.roles ?? []).map((r: any) => ({
      ...(/^arn:/.test(r.role) ? { principal: r.role } : { domain: r.role }),
      access: r.access,
      pii: (r.customProperties ?? []).some((c: any) => c.property === 'datameshPii' && c.value === true),
    })),
    tags: doc.customProperties.find((c: any) => c.property === 'datameshTags')?.value ?? {},
  };
}

function days(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const [, n, unit] = /^(\d+)([a-z]+)$/.exec(duration)!;
  return Number(n) * ({ m: 1 / 1440, min: 1 / 1440, h: 1 / 24, d: 1, w: 7, y: 365 } as Record<string, number>)[unit];
}

// ---- building the stacks ----------------------------------------------------------------------

function policy(statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function bucketWithCompanions(
  scope: Construct,
  id: string,
  name: string,
  tags: Record<string, string>,
  options: { kmsKeyArn?: string; versioned: boolean; expirationDays?: number; logTo?: string; statements: object[] },
) {
  const bucket = new S3Bucket(scope, id, { bucket: name, forceDestroy: false, tags, lifecycle: { preventDestroy: true } });
  const pab = new S3BucketPublicAccessBlock(scope, `${id}-pab`, { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
  new S3BucketOwnershipControls(scope, `${id}-ownership`, { bucket: bucket.id, rule: { objectOwnership: 'BucketOwnerEnforced' } });
  if (options.versioned) new S3BucketVersioningA(scope, `${id}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}-sse`, {
    bucket: bucket.id,
    rule: [
      options.kmsKeyArn
        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: options.kmsKeyArn }, bucketKeyEnabled: true }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
    ],
  });
  const rules: any[] = [{ id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: [{}], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }] }];
  if (options.versioned) rules.push({ id: 'expire-noncurrent-versions', status: 'Enabled', filter: [{}], noncurrentVersionExpiration: [{ noncurrentDays: 90 }] });
  if (options.expirationDays) rules.push({ id: 'expire-after-retention', status: 'Enabled', filter: [{}], expiration: [{ days: options.expirationDays }] });
  new S3BucketLifecycleConfiguration(scope, `${id}-lifecycle`, { bucket: bucket.id, rule: rules });
  if (options.logTo) new S3BucketLoggingA(scope, `${id}-logging`, { bucket: bucket.id, targetBucket: options.logTo, targetPrefix: `${id}/` });
  const arn = `arn:aws:s3:::${name}`;
  const deny = { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [arn, `${arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
  new S3BucketPolicy(scope, `${id}-policy`, { bucket: bucket.id, policy: policy([deny, ...options.statements]), dependsOn: [pab] });
  return bucket;
}

function dqdl(product: Product): string {
  const rule = (q: Rule) => {
    switch (q.rule) {
      case 'not_null':
        return `IsComplete "${q.column}"`;
      case 'unique':
        return q.columns ? `IsUnique ${q.columns.map((c) => `"${c}"`).join(' ')}` : `IsUnique "${q.column}"`;
      case 'accepted_values':
        return `ColumnValues "${q.column}" in [${q.values!.map((v) => `"${v}"`).join(', ')}]`;
      case 'range':
        return [q.min !== undefined && `ColumnValues "${q.column}" >= ${q.min}`, q.max !== undefined && `ColumnValues "${q.column}" <= ${q.max}`].filter(Boolean).join(' and ');
      case 'pattern':
        return `ColumnValues "${q.column}" matches "${q.pattern!.replace(/"/g, '\\"')}"`;
      case 'row_count':
        return `RowCount >= ${q.min ?? 0}`;
      default:
        return `ColumnValues "${q.column}" >= (now() - 24 hours) with threshold > 0`;
    }
  };
  return `Rules = [\n${product.quality.map((q) => `    ${rule(q)}`).join(',\n')}\n]`;
}

function domainStack(app: App, platform: any, domain: Domain, products: Product[], domains: Map<string, Domain>): void {
  const stack = new TerraformStack(app, domain.name);
  const prefix = `${platform.organization}-dev-${domain.name}`.replace(/_/g, '-');
  new AwsProvider(stack, 'aws', {
    region: platform.region,
    allowedAccountIds: [domain.account],
    defaultTags: [{ tags: { ...platform.tags, ...domain.tags, Domain: domain.name, Owner: domain.team, Environment: 'dev' } }],
  });
  new LocalBackend(stack, { path: `terraform.dev.${domain.name}.tfstate` });
  const shared = { Domain: domain.name, DataProduct: 'shared', Owner: domain.team };
  const key = new KmsKey(stack, 'kms-key', {
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: policy([{ Sid: 'AccountAdministersKey', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${domain.account}:root` }, Action: 'kms:*', Resource: '*' }]),
    tags: shared,
  });
  new KmsAlias(stack, 'kms-alias', { name: `alias/${prefix}-data`, targetKeyId: key.keyId });
  const database = new GlueCatalogDatabase(stack, 'database', { name: `${platform.organization}_dev_${domain.name}`, tags: shared });
  const logBucket = `${prefix}-access-logs`;
  bucketWithCompanions(stack, 'access-logs', logBucket, shared, {
    versioned: false,
    expirationDays: 365,
    statements: [{ Sid: 'S3ServerAccessLogDelivery', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${logBucket}/*` }],
  });
  const domainTag = new LakeformationLfTag(stack, 'lf-domain', { key: `${prefix}:domain`, values: [domain.name] });
  const classTag = new LakeformationLfTag(stack, 'lf-classification', { key: `${prefix}:classification`, values: CLASSIFICATIONS });
  // Operate: one evaluation role, alert topic, failed-evaluation rule and budget per domain.
  const evaluated = products.filter((p) => (p.status === 'active' || p.status === 'deprecated') && p.quality.length > 0);
  const topic = new SnsTopic(stack, 'alerts', { name: `${prefix}-alerts`, kmsMasterKeyId: key.arn, tags: shared });
  const topicArn = `arn:aws:sns:${platform.region}:${domain.account}:${prefix}-alerts`;
  new SnsTopicPolicy(stack, 'alerts-policy', {
    arn: topic.arn,
    policy: policy(
      ['events', 'cloudwatch', 'budgets'].map((service) => ({
        Sid: service,
        Effect: 'Allow',
        Principal: { Service: `${service}.amazonaws.com` },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { StringEquals: { 'aws:SourceAccount': domain.account } },
      })),
    ),
  });
  new SnsTopicSubscription(stack, 'alerts-owner', { topicArn: topic.arn, protocol: 'email', endpoint: `${domain.team}@example.com` });
  new BudgetsBudget(stack, 'budget', {
    name: `${prefix}-monthly`,
    budgetType: 'COST',
    limitAmount: '100.00',
    limitUnit: 'USD',
    timeUnit: 'MONTHLY',
    costFilter: [{ name: 'TagKeyValue', values: [`user:Domain$${domain.name}`] }],
    notification: [80, 100].map((threshold) => ({ comparisonOperator: 'GREATER_THAN', notificationType: 'ACTUAL', threshold, thresholdType: 'PERCENTAGE', subscriberSnsTopicArns: [topic.arn] })),
    tags: shared,
  });
  const role =
    evaluated.length === 0
      ? undefined
      : new IamRole(stack, 'evaluation-role', {
          name: `${prefix}-quality-evaluation`,
          assumeRolePolicy: policy(
            ['scheduler', 'glue'].map((service) => ({
              Sid: service,
              Effect: 'Allow',
              Principal: { Service: `${service}.amazonaws.com` },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:SourceAccount': domain.account } },
            })),
          ),
          tags: shared,
        });
  if (role) {
    const buckets = evaluated.map((p) => `arn:aws:s3:::${prefix}-${p.name.replace(/_/g, '-')}`);
    new IamRolePolicy(stack, 'evaluation-role-policy', {
      role: role.name,
      policy: policy([
        {
          Sid: 'Start',
          Effect: 'Allow',
          Action: ['glue:StartDataQualityRulesetEvaluationRun'],
          Resource: evaluated.map((p) => `arn:aws:glue:${platform.region}:${domain.account}:dataQualityRuleset/${prefix}-${p.name.replace(/_/g, '-')}-quality`),
        },
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: buckets.map((b) => `${b}/data/*`) },
        { Sid: 'Results', Effect: 'Allow', Action: ['s3:PutObject'], Resource: buckets.map((b) => `${b}/quality-results/*`) },
      ]),
    });
    const rule = new CloudwatchEventRule(stack, 'failed-evaluations', {
      name: `${prefix}-quality-failed`,
      eventPattern: JSON.stringify({
        source: ['aws.glue-dataquality'],
        'detail-type': ['Data Quality Evaluation Results Available'],
        detail: { rulesetNames: evaluated.map((p) => `${prefix}-${p.name}-quality`), state: ['FAILED'] },
      }),
      tags: shared,
    });
    new CloudwatchEventTarget(stack, 'failed-evaluations-target', {
      rule: rule.name,
      arn: topic.arn,
      inputTransformer: { inputPaths: { table: '$.detail.context.tableName' }, inputTemplate: '"<table> failed its quality checks"' },
    });
  }

  for (const product of products) {
    const id = product.name;
    const tags = { ...product.tags, Domain: product.domain, DataProduct: product.name, Owner: product.team, ContractVersion: product.version, Status: product.status };
    const bucketName = `${prefix}-${product.name.replace(/_/g, '-')}`;
    const arn = `arn:aws:s3:::${bucketName}`;
    // Who gets what: readers of a product with PII that are not approved get Lake Formation without the PII columns.
    const holdsPii = product.columns.some((c) => c.pii);
    const access = new Map<string, { principal: string; access: string; all: boolean }>();
    for (const c of product.consumers) {
      const principals = c.access === 'write' ? [domain.producer] : c.principal ? [c.principal] : domains.get(c.domain!)!.readers;
      for (const principal of principals) {
        const previous = access.get(`${c.access}|${principal}`);
        access.set(`${c.access}|${principal}`, { principal, access: c.access, all: (previous?.all ?? false) || !holdsPii || c.pii || c.access === 'write' });
      }
    }
    const direct = [...access.values()].filter((a) => a.access === 'read' && a.all).map((a) => a.principal);
    const bucket = bucketWithCompanions(stack, id, bucketName, tags, {
      kmsKeyArn: key.arn,
      versioned: true,
      expirationDays: product.format === 'iceberg' ? undefined : product.retentionDays,
      logTo: logBucket,
      statements: direct.length ? [{ Sid: 'ConsumersRead', Effect: 'Allow', Principal: { AWS: direct }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [arn, `${arn}/data/*`] }] : [],
    });

    const partitions = product.format === 'iceberg' ? [] : product.partitionBy;
    const glueColumn = (c: Column) => ({ name: c.name, type: c.type, comment: c.description });
    const [serde, input, output] = SERDES[product.format] ?? SERDES.parquet;
    const table = new GlueCatalogTable(stack, `${id}-table`, {
      name: product.name,
      databaseName: database.name,
      tableType: 'EXTERNAL_TABLE',
      parameters: { 'datamesh.version': product.version, 'datamesh.owner': product.team, classification: product.format },
      partitionKeys: partitions.map((p) => glueColumn(product.columns.find((c) => c.name === p)!)),
      ...(product.format === 'iceberg' ? { openTableFormatInput: { icebergInput: { metadataOperation: 'CREATE', version: '2' } } } : {}),
      storageDescriptor: {
        location: `s3://${bucketName}/data/`,
        ...(product.format === 'iceberg' ? {} : { inputFormat: input, outputFormat: output, serDeInfo: { serializationLibrary: serde } }),
        columns: product.columns.filter((c) => !partitions.includes(c.name)).map(glueColumn),
      },
    });

    const lfTable = { databaseName: database.name, name: table.name };
    const location = new LakeformationResource(stack, `${id}-location`, { arn: `${arn}/data`, useServiceLinkedRole: true });
    new KmsGrant(stack, `${id}-key-grant`, {
      name: `${bucketName}-lakeformation`,
      keyId: key.arn,
      granteePrincipal: `arn:aws:iam::${domain.account}:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess`,
      operations: ['Decrypt', 'GenerateDataKey'],
      constraints: [{ encryptionContextSubset: { 'aws:s3:arn': arn } }],
      dependsOn: [location],
    });
    const level = (c: Column) => (c.pii ? 'pii' : c.classification);
    const levels = CLASSIFICATIONS.filter((l) => product.columns.some((c) => level(c) === l));
    new LakeformationResourceLfTags(stack, `${id}-table-tags`, {
      table: lfTable,
      lfTag: [
        { key: domainTag.key, value: domain.name },
        { key: classTag.key, value: levels[levels.length - 1] },
      ],
    });
    for (const l of levels) {
      new LakeformationResourceLfTags(stack, `${id}-column-tags-${l}`, {
        tableWithColumns: { ...lfTable, columnNames: product.columns.filter((c) => level(c) === l).map((c) => c.name) },
        lfTag: [{ key: classTag.key, value: l }],
      });
    }
    const pii = product.columns.filter((c) => c.pii).map((c) => c.name);
    for (const a of access.values()) {
      const pid = `${id}-${a.principal.replace(/[^A-Za-z0-9]+/g, '-')}`;
      if (a.access === 'write') new LakeformationPermissions(stack, `${pid}-write`, { principal: a.principal, permissions: ['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT'], table: lfTable });
      else if (a.all) new LakeformationPermissions(stack, `${pid}-read`, { principal: a.principal, permissions: ['DESCRIBE', 'SELECT'], table: lfTable });
      else
        new LakeformationPermissions(stack, `${pid}-read`, { principal: a.principal, permissions: ['DESCRIBE', 'SELECT'], tableWithColumns: { ...lfTable, wildcard: true, excludedColumnNames: pii } });
    }
    const ruleset = new GlueDataQualityRuleset(stack, `${id}-quality`, {
      name: `${bucketName}-quality`,
      ruleset: dqdl(product),
      targetTable: { databaseName: database.name, tableName: table.name },
      tags,
    });
    if (role && evaluated.includes(product)) {
      new SchedulerSchedule(stack, `${id}-schedule`, {
        name: `${bucketName}-quality`,
        scheduleExpression: 'rate(1 day)',
        flexibleTimeWindow: { mode: 'OFF' },
        target: {
          arn: 'arn:aws:scheduler:::aws-sdk:glue:startDataQualityRulesetEvaluationRun',
          roleArn: role.arn,
          input: JSON.stringify({
            DataSource: { GlueTable: { DatabaseName: database.name, TableName: table.name } },
            Role: role.arn,
            RulesetNames: [ruleset.name],
            AdditionalRunOptions: { CloudWatchMetricsEnabled: true, ResultsS3Prefix: `s3://${bucketName}/quality-results/` },
          }),
        },
      });
      new CloudwatchMetricAlarm(stack, `${id}-evaluation-missing`, {
        alarmName: `${bucketName}-quality-evaluation-missing`,
        namespace: 'Glue Data Quality',
        metricName: 'glue.data.quality.rules.passed',
        dimensions: { Database: database.name, Table: table.name, Ruleset: ruleset.name },
        statistic: 'SampleCount',
        period: 86400,
        evaluationPeriods: 2,
        threshold: 1,
        comparisonOperator: 'LessThanThreshold',
        treatMissingData: 'breaching',
        alarmActions: [topic.arn],
        tags,
      });
      // One grant per principal and table, as the library builds it.
      new LakeformationPermissions(stack, `${id}-evaluation-read`, {
        principal: role.arn,
        permissions: ['DESCRIBE', 'SELECT'],
        tableWithColumns: { ...lfTable, wildcard: true, excludedColumnNames: [] },
      });
    }

    const glueArn = `arn:aws:glue:${platform.region}:${domain.account}`;
    const catalog = [`${glueArn}:catalog`, `${glueArn}:database/${database.name}`, `${glueArn}:table/${database.name}/${product.name}`];
    // Like the library: no managed read policy for a product with protected columns.
    const protectedColumns = product.columns.some((c) => c.pii || c.classification === 'restricted');
    const read = protectedColumns
      ? undefined
      : new IamPolicy(stack, `${id}-read-policy`, {
          name: `${bucketName}-read`,
          policy: policy([
            { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [arn, `${arn}/data/*`] },
            { Sid: 'Catalog', Effect: 'Allow', Action: ['glue:GetTable', 'glue:GetPartitions'], Resource: catalog },
          ]),
          tags,
        });
    new IamPolicy(stack, `${id}-write-policy`, {
      name: `${bucketName}-write`,
      policy: policy([
        { Sid: 'Write', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket'], Resource: [arn, `${arn}/data/*`] },
        { Sid: 'Catalog', Effect: 'Allow', Action: ['glue:GetTable', 'glue:UpdateTable', 'glue:CreatePartition'], Resource: catalog },
      ]),
      tags,
    });
    new TerraformOutput(stack, `${id}_bucket`, { value: bucket.bucket });
    new TerraformOutput(stack, `${id}_glue_table`, { value: `${database.name}.${product.name}` });
    if (read) new TerraformOutput(stack, `${id}_read_policy_arn`, { value: read.arn });
  }
}

const [contractsDir, outdir] = process.argv.slice(2);
if (!contractsDir || !outdir) throw new Error('usage: minimal-program.ts <contractsDir> <outdir>');
const imported = performance.now();
const app = new App({ outdir });
const mesh = readMesh(contractsDir);
const byName = new Map(mesh.domains.map((d) => [d.name, d]));
for (const domain of mesh.domains)
  domainStack(
    app,
    mesh.platform,
    domain,
    mesh.products.filter((p) => p.domain === domain.name),
    byName,
  );
const constructed = performance.now();
app.synth();
const synthesized = performance.now();
emitResult({
  startupMs: started,
  importMs: imported - started,
  buildMs: constructed - imported,
  synthMs: synthesized - constructed,
  reportsMs: 0,
  workMs: synthesized - imported,
  maxRssKb: process.resourceUsage().maxRSS,
});

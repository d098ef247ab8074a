import type { ResourceRule } from '../rule';
import { ofType } from '../stack-resources';

/** The key SNS manages for every account: its policy cannot admit EventBridge, CloudWatch or Budgets. */
const AWS_MANAGED_SNS_KEY = /^(alias\/aws\/sns|arn:aws[a-z-]*:kms:[^:]+:[0-9]{12}:alias\/aws\/sns)$/;

export const topicEncryption: ResourceRule = {
  id: 'DM209',
  scope: 'resource',
  title: 'Every SNS topic is encrypted with a customer-managed key',
  rationale: 'Alerts name products, tables and failing checks; a customer-managed key keeps them readable only by the services its policy admits.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'set kms_master_key_id on the aws_sns_topic to the domain key (DomainStack.kmsKey.arn)',
  check(stack) {
    const topics = ofType(stack, 'aws_sns_topic');
    if (topics.length === 0) return 'not-applicable';
    const violations = topics.flatMap((topic) => {
      const key = topic.config.kms_master_key_id;
      if (typeof key !== 'string' || key.length === 0) return [{ message: `SNS topic ${topic.config.name ?? topic.name} is not encrypted`, constructPath: topic.path }];
      if (AWS_MANAGED_SNS_KEY.test(key)) return [{ message: `SNS topic ${topic.config.name ?? topic.name} uses the AWS managed key alias/aws/sns`, constructPath: topic.path }];
      return [];
    });
    return violations.length ? violations : 'compliant';
  },
};

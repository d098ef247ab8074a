import type { PolicyStatement } from '../access/policy-document';

/** The services that publish to a domain's alert topic. */
export const ALERT_PUBLISHERS = ['budgets.amazonaws.com', 'cloudwatch.amazonaws.com', 'events.amazonaws.com'] as const;

/**
 * An encrypted topic makes its publishers encrypt with the topic's key, so EventBridge (failed
 * evaluations), CloudWatch (missing evaluations) and AWS Budgets need the domain key. SNS sets the
 * topic's ARN as encryption context, so the statement reaches the alert topic and nothing else the
 * key protects. Kept apart from DomainStack's key policy so both can change without meeting.
 */
export function alertTopicKeyStatements(account: string, region: string, topicName: string): PolicyStatement[] {
  return [
    {
      Sid: 'AlertPublishersEncryptForAlertTopic',
      Effect: 'Allow',
      Principal: { Service: [...ALERT_PUBLISHERS] },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': alertTopicArn(account, region, topicName), 'aws:SourceAccount': account },
      },
    },
  ];
}

export function alertTopicArn(account: string, region: string, topicName: string): string {
  return `arn:aws:sns:${region}:${account}:${topicName}`;
}

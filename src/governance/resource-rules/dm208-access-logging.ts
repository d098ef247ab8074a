import type { ResourceRule } from '../rule';
import { checkBuckets, companions } from '../stack-resources';

export const accessLogging: ResourceRule = {
  id: 'DM208',
  scope: 'resource',
  title: 'Every data bucket logs access',
  rationale: 'Access logs answer "who read this data" after an incident, including reads through bucket-policy grants.',
  defaultSeverity: 'warning',
  waivable: true,
  fix: 'add an aws_s3_bucket_logging to the domain access-log bucket',
  check(stack) {
    return checkBuckets(
      stack,
      (bucket, name) => (companions(stack, bucket, 'aws_s3_bucket_logging').length === 0 && !(bucket.config.logging ?? []).length ? `data bucket ${name} does not log access` : undefined),
      { dataOnly: true },
    );
  },
};

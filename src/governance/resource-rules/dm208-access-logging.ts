import type { ResourceRule } from '../rule';
import { accessLogBuckets, companions, ofType } from '../stack-resources';

export const accessLogging: ResourceRule = {
  id: 'DM208',
  scope: 'resource',
  title: 'Every data bucket logs access',
  rationale: 'Access logs answer "who read this data" after an incident, including reads through bucket-policy grants.',
  defaultSeverity: 'warning',
  waivable: true,
  fix: 'add an aws_s3_bucket_logging to the domain access-log bucket',
  check(stack) {
    const logBuckets = accessLogBuckets(stack);
    const dataBuckets = ofType(stack, 'aws_s3_bucket').filter((b) => !logBuckets.has(b));
    if (dataBuckets.length === 0) return 'not-applicable';
    const violations = dataBuckets
      .filter((bucket) => companions(stack, bucket, 'aws_s3_bucket_logging').length === 0 && !(bucket.config.logging ?? []).length)
      .map((bucket) => ({ message: `data bucket ${bucket.config.bucket ?? bucket.name} does not log access`, constructPath: bucket.path }));
    return violations.length ? violations : 'compliant';
  },
};

import type { ResourceRule } from '../rule';
import { accessLogBuckets, companions, ofType } from '../stack-resources';

export const bucketVersioning: ResourceRule = {
  id: 'DM204',
  scope: 'resource',
  title: 'Every data bucket is versioned',
  rationale: 'Versioning turns an overwrite or a delete by a buggy job into something recoverable.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add an aws_s3_bucket_versioning with status Enabled',
  check(stack) {
    const logBuckets = accessLogBuckets(stack);
    const dataBuckets = ofType(stack, 'aws_s3_bucket').filter((b) => !logBuckets.has(b));
    if (dataBuckets.length === 0) return 'not-applicable';
    const violations = dataBuckets
      .filter(
        (bucket) =>
          !companions(stack, bucket, 'aws_s3_bucket_versioning').some((v) => [v.config.versioning_configuration].flat()[0]?.status === 'Enabled') &&
          !(bucket.config.versioning ?? []).some((v: { enabled?: boolean }) => v.enabled === true),
      )
      .map((bucket) => ({ message: `data bucket ${bucket.config.bucket ?? bucket.name} is not versioned`, constructPath: bucket.path }));
    return violations.length ? violations : 'compliant';
  },
};

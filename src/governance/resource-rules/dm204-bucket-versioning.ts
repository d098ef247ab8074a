import type { ResourceRule } from '../rule';
import { checkBuckets, companions } from '../stack-resources';

export const bucketVersioning: ResourceRule = {
  id: 'DM204',
  scope: 'resource',
  title: 'Every data bucket is versioned',
  rationale: 'Versioning turns an overwrite or a delete by a buggy job into something recoverable.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add an aws_s3_bucket_versioning with status Enabled',
  check(stack) {
    return checkBuckets(
      stack,
      (bucket, name) =>
        companions(stack, bucket, 'aws_s3_bucket_versioning').some((v) => [v.config.versioning_configuration].flat()[0]?.status === 'Enabled') ||
        (bucket.config.versioning ?? []).some((v: { enabled?: boolean }) => v.enabled === true)
          ? undefined
          : `data bucket ${name} is not versioned`,
      { dataOnly: true },
    );
  },
};

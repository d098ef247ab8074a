import type { ResourceRule } from '../rule';
import { checkBuckets, companions } from '../stack-resources';

const SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const publicAccessBlocked: ResourceRule = {
  id: 'DM201',
  scope: 'resource',
  title: 'Every S3 bucket blocks public access (all four settings)',
  rationale: 'Public buckets are the most common cause of data leaks on AWS; a data product is never public.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'add an aws_s3_bucket_public_access_block with all four settings true (SecureBucket does this)',
  check(stack) {
    return checkBuckets(stack, (bucket, name) =>
      companions(stack, bucket, 'aws_s3_bucket_public_access_block').some((b) => SETTINGS.every((s) => b.config[s] === true)) ? undefined : `bucket ${name} does not block all public access`,
    );
  },
};

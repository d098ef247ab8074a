import type { ResourceRule } from '../rule';
import { checkBuckets, companions, type StackResource, type StackResources } from '../stack-resources';

export const bucketEncryption: ResourceRule = {
  id: 'DM202',
  scope: 'resource',
  title: 'Every S3 bucket encrypts by default with KMS (access-log buckets: SSE-S3 allowed)',
  rationale: 'A customer-managed key puts decryption under a key policy and CloudTrail; log delivery cannot write with KMS, so log buckets use SSE-S3.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms and the domain key',
  check(stack) {
    return checkBuckets(stack, (bucket, name, accessLog) => {
      const algorithms = encryptionAlgorithms(stack, bucket);
      const allowed = accessLog ? ['aws:kms', 'aws:kms:dsse', 'AES256'] : ['aws:kms', 'aws:kms:dsse'];
      if (algorithms.some((a) => allowed.includes(a))) return undefined;
      const found = algorithms.length ? algorithms.join(', ') : 'no default encryption';
      return `bucket ${name} has ${found}; expected ${allowed.join(' or ')}`;
    });
  },
};

function encryptionAlgorithms(stack: StackResources, bucket: StackResource): string[] {
  const separate = companions(stack, bucket, 'aws_s3_bucket_server_side_encryption_configuration').flatMap((c) => c.config.rule ?? []);
  const inline = (bucket.config.server_side_encryption_configuration ?? []).flatMap((c: { rule?: unknown[] }) => c.rule ?? []);
  return [...separate, ...inline].flatMap((rule: any) => [rule.apply_server_side_encryption_by_default ?? []].flat().map((d: any) => d.sse_algorithm)).filter(Boolean);
}

import type { ResourceRule } from '../rule';
import { checkBuckets, companions, policyStatements, type StackResource, type StackResources } from '../stack-resources';

export const tlsOnly: ResourceRule = {
  id: 'DM203',
  scope: 'resource',
  title: 'Every S3 bucket has a policy denying insecure transport',
  rationale: 'Without it, any client may read or write the data over plain HTTP.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Condition Bool aws:SecureTransport false',
  check(stack) {
    return checkBuckets(stack, (bucket, name) => (deniesInsecureTransport(stack, bucket) ? undefined : `bucket ${name} does not deny requests without TLS`));
  },
};

function deniesInsecureTransport(stack: StackResources, bucket: StackResource): boolean {
  const policies = [...companions(stack, bucket, 'aws_s3_bucket_policy').map((p) => p.config.policy), bucket.config.policy];
  return policies.some((policy) =>
    (policyStatements(stack, policy) ?? []).some(
      (s) => s.effect === 'Deny' && s.actions.some((a) => a === 's3:*' || a === '*') && String([s.conditions.Bool?.['aws:SecureTransport']].flat()[0]) === 'false',
    ),
  );
}

import { bucketOf, companions, ofType, referenced, stackResources, type TerraformJsonStack } from '../../src/governance/stack-resources';

/** Two buckets; companions name theirs by reference or by literal bucket name. */
const JSON_STACK: TerraformJsonStack = {
  resource: {
    aws_s3_bucket: { data: { bucket: 'acme-data' }, logs: { bucket: 'acme-logs' }, again: { bucket: 'acme-data' } },
    aws_s3_bucket_versioning: {
      by_reference: { bucket: '${aws_s3_bucket.data.id}' },
      by_name: { bucket: 'acme-data' },
      of_logs: { bucket: '${aws_s3_bucket.logs.id}' },
      elsewhere: { bucket: 'not-in-this-stack' },
    },
  },
};

describe('stack resources view', () => {
  const stack = stackResources('shop', JSON_STACK);
  const [data, logs] = ofType(stack, 'aws_s3_bucket');

  it('lists the resources of a type in stack order', () => {
    expect(ofType(stack, 'aws_s3_bucket').map((b) => b.name)).toEqual(['data', 'logs', 'again']);
    expect(ofType(stack, 'aws_sqs_queue')).toEqual([]);
  });

  it('finds a bucket by reference or by literal name, the first one when a name repeats', () => {
    expect(referenced(stack, '${aws_s3_bucket.logs.id}', 'aws_s3_bucket')).toBe(logs);
    expect(referenced(stack, '${aws_s3_bucket.logs.id}', 'aws_kms_key')).toBeUndefined();
    expect(bucketOf(stack, 'acme-data')).toBe(data);
    expect(bucketOf(stack, 'not-in-this-stack')).toBeUndefined();
    expect(bucketOf(stack, undefined)).toBeUndefined();
  });

  it('gives each bucket its companions, however they name it', () => {
    expect(companions(stack, data, 'aws_s3_bucket_versioning').map((c) => c.name)).toEqual(['by_reference', 'by_name']);
    expect(companions(stack, logs, 'aws_s3_bucket_versioning').map((c) => c.name)).toEqual(['of_logs']);
    expect(companions(stack, logs, 'aws_s3_bucket_policy')).toEqual([]);
  });

  it('hands out lists a rule may change without changing the view', () => {
    ofType(stack, 'aws_s3_bucket').pop();
    companions(stack, data, 'aws_s3_bucket_versioning').pop();
    expect(ofType(stack, 'aws_s3_bucket')).toHaveLength(3);
    expect(companions(stack, data, 'aws_s3_bucket_versioning')).toHaveLength(2);
  });

  it('checks a stack of thousands of buckets without scanning it per bucket', () => {
    const size = 5000;
    const resource: Record<string, Record<string, Record<string, unknown>>> = { aws_s3_bucket: {}, aws_s3_bucket_versioning: {} };
    for (let i = 0; i < size; i++) {
      resource.aws_s3_bucket[`b${i}`] = { bucket: `bucket-${i}` };
      resource.aws_s3_bucket_versioning[`v${i}`] = { bucket: i % 2 ? `\${aws_s3_bucket.b${i}.id}` : `bucket-${i}` };
    }
    const large = stackResources('large', { resource });
    // 5,000 x 5,000 lookups would take seconds; indexed, this is a few milliseconds.
    const started = Date.now();
    const lonely = ofType(large, 'aws_s3_bucket').filter((b) => companions(large, b, 'aws_s3_bucket_versioning').length !== 1);
    expect(lonely).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

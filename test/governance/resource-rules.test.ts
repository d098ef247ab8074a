import * as path from 'path';
import { mergePolicy } from '../../src/governance/policy';
import { ALL_RULES, RESOURCE_RULES } from '../../src/governance/registry';
import type { ResourceRule, RuleResult } from '../../src/governance/rule';
import { stackResources, type TerraformJsonStack } from '../../src/governance/stack-resources';
import { FIXTURES } from '../helpers/fixtures';
import { synthDomain } from '../helpers/synth';
import { MINIMAL_MESH } from './fixtures';

const policy = mergePolicy(MINIMAL_MESH.platform, MINIMAL_MESH.domains[0], ALL_RULES).policy;
const rule = (id: string): ResourceRule => RESOURCE_RULES.find((r) => r.id === id)!;
const messages = (result: RuleResult): string[] => (typeof result === 'string' ? [result] : result.map((v) => v.message));

/** The minimal fixture's synthesized stack: every resource rule holds on it. */
const COMPLIANT: TerraformJsonStack = synthDomain(path.join(FIXTURES, 'minimal'), 'shop').config;
const DATA_BUCKET = 'testco-dev-shop-orders';

/** A deep copy of the compliant stack, changed by `edit`. */
function stackWith(edit: (json: any) => void): TerraformJsonStack {
  const json = JSON.parse(JSON.stringify(COMPLIANT));
  edit(json);
  return json;
}

/** Logical name of the data bucket's companion of `type`. */
function companionName(json: any, type: string): string {
  const bucketName = Object.entries<any>(json.resource.aws_s3_bucket).find(([, b]) => b.bucket === DATA_BUCKET)![0];
  return Object.entries<any>(json.resource[type]).find(([, r]) => r.bucket === `\${aws_s3_bucket.${bucketName}.id}`)![0];
}

function check(id: string, json: TerraformJsonStack): RuleResult {
  return rule(id).check(stackResources('shop', json, { isTaggable: (_t, _n, config) => config.tags !== undefined || _t === 'aws_sqs_queue' }), { policy });
}

const publicBucket = (json: any) => {
  json.resource.aws_s3_bucket.hand_added = { bucket: 'team-scratch', tags: {} };
};

const NON_COMPLIANT: readonly [string, string, (json: any) => void, RegExp][] = [
  ['DM201', 'a bucket without a public access block', publicBucket, /bucket team-scratch does not block all public access/],
  [
    'DM201',
    'a public access block with one setting off',
    (j) => {
      j.resource.aws_s3_bucket_public_access_block[companionName(j, 'aws_s3_bucket_public_access_block')].restrict_public_buckets = false;
    },
    /testco-dev-shop-orders does not block/,
  ],
  [
    'DM202',
    'a data bucket encrypted with SSE-S3',
    (j) => {
      j.resource.aws_s3_bucket_server_side_encryption_configuration[
        companionName(j, 'aws_s3_bucket_server_side_encryption_configuration')
      ].rule[0].apply_server_side_encryption_by_default.sse_algorithm = 'AES256';
    },
    /testco-dev-shop-orders has AES256; expected aws:kms/,
  ],
  [
    'DM203',
    'a bucket policy without the TLS deny',
    (j) => {
      const p = j.resource.aws_s3_bucket_policy[companionName(j, 'aws_s3_bucket_policy')];
      const doc = JSON.parse(p.policy);
      doc.Statement = doc.Statement.slice(1);
      p.policy = JSON.stringify(doc);
    },
    /testco-dev-shop-orders does not deny requests without TLS/,
  ],
  [
    'DM204',
    'an unversioned data bucket',
    (j) => {
      delete j.resource.aws_s3_bucket_versioning[companionName(j, 'aws_s3_bucket_versioning')];
    },
    /data bucket testco-dev-shop-orders is not versioned/,
  ],
  [
    'DM205',
    'an IAM policy allowing s3:*',
    (j) => {
      j.resource.aws_iam_policy.extra = { name: 'too-broad', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) };
    },
    /aws_iam_policy too-broad allows action s3:\*, resource \*/,
  ],
  [
    'DM205',
    'a bucket policy allowing anyone',
    (j) => {
      const p = j.resource.aws_s3_bucket_policy[companionName(j, 'aws_s3_bucket_policy')];
      const doc = JSON.parse(p.policy);
      doc.Statement.push({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' });
      p.policy = JSON.stringify(doc);
    },
    /allows principal \*/,
  ],
  [
    'DM206',
    'a key without rotation',
    (j) => {
      j.resource.aws_kms_key['kms-key'].enable_key_rotation = false;
    },
    /KMS key kms-key does not rotate/,
  ],
  [
    'DM207',
    'a hand-added queue with only the default tags',
    (j) => {
      j.resource.aws_sqs_queue = { queue: { name: 'events' } };
    },
    /aws_sqs_queue queue is missing tags DataProduct, Classification, ContractVersion, Status/,
  ],
  ['DM208', 'a data bucket without access logging', publicBucket, /data bucket team-scratch does not log access/],
  [
    'DM209',
    'an unencrypted alert topic',
    (j) => {
      delete Object.values<any>(j.resource.aws_sns_topic)[0].kms_master_key_id;
    },
    /SNS topic testco-dev-shop-alerts is not encrypted/,
  ],
  [
    'DM209',
    'an alert topic on the AWS managed key',
    (j) => {
      Object.values<any>(j.resource.aws_sns_topic)[0].kms_master_key_id = 'alias/aws/sns';
    },
    /uses the AWS managed key alias\/aws\/sns/,
  ],
  [
    'DM205',
    'a resourceless action beside one that has resources, on *',
    (j) => {
      j.resource.aws_iam_role_policy = {
        ...j.resource.aws_iam_role_policy,
        extra: { name: 'mixed', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['lakeformation:GetDataAccess', 's3:GetObject'], Resource: '*' }] }) },
      };
    },
    /aws_iam_role_policy mixed allows resource \*/,
  ],
];

describe('resource rules', () => {
  it.each(RESOURCE_RULES.map((r) => [r.id, r.title]))('%s (%s) passes the synthesized minimal stack', (id) => {
    expect(check(id, COMPLIANT)).toBe('compliant');
  });

  it.each(NON_COMPLIANT.map(([id, what, edit, expected]) => [id, what, edit, expected] as const))('%s flags %s', (id, _what, edit, expected) => {
    expect(messages(check(id, stackWith(edit)))).toEqual([expect.stringMatching(expected)]);
  });

  it('has a non-compliant fixture for every resource rule', () => {
    expect(new Set(NON_COMPLIANT.map(([id]) => id))).toEqual(new Set(RESOURCE_RULES.map((r) => r.id)));
  });

  it('lets access-log buckets use SSE-S3 and skip versioning', () => {
    expect(check('DM202', COMPLIANT)).toBe('compliant');
    expect(check('DM204', COMPLIANT)).toBe('compliant');
  });

  it('counts only logging targets as access-log buckets, not buckets that merely let log delivery write', () => {
    // Without the product's logging, the log bucket is an unversioned, SSE-S3 bucket like any other.
    const json = stackWith((j) => delete j.resource.aws_s3_bucket_logging);
    expect(messages(check('DM204', json))).toEqual(['data bucket testco-dev-shop-access-logs is not versioned']);
  });

  it('flags partial wildcards: an action pattern and a resource whose resource part is *', () => {
    const json = stackWith((j) => {
      j.resource.aws_iam_policy.extra = { name: 'pattern', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::*' }] }) };
    });
    expect(messages(check('DM205', json))).toEqual(['aws_iam_policy pattern allows action s3:Get*, resource arn:aws:s3:::*']);
  });

  it("checks who a key policy and a role trust policy allow, without judging the key policy's own * resource", () => {
    const json = stackWith((j) => {
      const key = j.resource.aws_kms_key['kms-key'];
      const policy = JSON.parse(key.policy);
      policy.Statement.push({ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' });
      key.policy = JSON.stringify(policy);
      j.resource.aws_iam_role = {
        open: { name: 'open', assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }) },
      };
    });
    expect(messages(check('DM205', json)).sort()).toEqual(['aws_iam_role open allows principal *', 'aws_kms_key kms-key allows principal *']);
  });

  it('reads policies written with aws_iam_policy_document', () => {
    const json = stackWith((j) => {
      j.data = { aws_iam_policy_document: { broad: { statement: [{ effect: 'Allow', actions: ['*'], resources: ['arn:aws:s3:::x'] }] } } };
      j.resource.aws_iam_policy.extra = { name: 'from-document', policy: '${data.aws_iam_policy_document.broad.json}' };
    });
    expect(messages(check('DM205', json))).toEqual(['aws_iam_policy from-document allows action *']);
  });

  it('reports a policy it cannot read instead of trusting it', () => {
    const json = stackWith((j) => {
      j.resource.aws_iam_policy.extra = { name: 'computed', policy: '${jsonencode(local.policy)}' };
    });
    expect(messages(check('DM205', json))).toEqual([expect.stringMatching(/computed at apply time/)]);
  });

  it('accepts * as the resource of lakeformation:GetDataAccess, an action with no resource type', () => {
    const policies = Object.values<any>(COMPLIANT.resource!.aws_iam_role_policy ?? {}).map((p) => JSON.parse(p.policy));
    expect(policies.flatMap((p) => p.Statement).filter((s: any) => s.Resource === '*')).toEqual([expect.objectContaining({ Action: 'lakeformation:GetDataAccess' })]);
    expect(check('DM205', COMPLIANT)).toBe('compliant');
  });

  it('does not apply KMS-key-policy wildcards to DM205: a key policy names its own key as *', () => {
    expect(JSON.parse((COMPLIANT.resource!.aws_kms_key['kms-key'] as any).policy).Statement[0].Resource).toBe('*');
    expect(check('DM205', COMPLIANT)).toBe('compliant');
  });
});

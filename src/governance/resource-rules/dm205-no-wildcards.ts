import type { ResourceRule, Violation } from '../rule';
import { policyStatements, type StackResource, type Statement } from '../stack-resources';

/** Where IAM, bucket and resource policies live, and what of their Allow statements is checked. */
const POLICY_ATTRIBUTES: Readonly<Record<string, { readonly attribute: string; readonly principalsOnly?: boolean }>> = {
  aws_iam_policy: { attribute: 'policy' },
  aws_iam_role_policy: { attribute: 'policy' },
  aws_iam_user_policy: { attribute: 'policy' },
  aws_iam_group_policy: { attribute: 'policy' },
  aws_s3_bucket_policy: { attribute: 'policy' },
  aws_s3_bucket: { attribute: 'policy' },
  // Key policies name their own key as `*` and give the account `kms:*` by design: only who is
  // allowed is checked there. Trust and queue/topic policies: who may assume or send.
  aws_kms_key: { attribute: 'policy', principalsOnly: true },
  aws_kms_key_policy: { attribute: 'policy', principalsOnly: true },
  aws_iam_role: { attribute: 'assume_role_policy', principalsOnly: true },
  aws_sqs_queue_policy: { attribute: 'policy' },
  aws_sns_topic_policy: { attribute: 'policy' },
};

export const noWildcards: ResourceRule = {
  id: 'DM205',
  scope: 'resource',
  title: 'No wildcard action, resource or principal in an Allow statement',
  rationale: 'Least privilege: a wildcard grants what nobody reviewed, including actions AWS adds later.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'list the actions, resource ARNs and principals the statement needs',
  check(stack) {
    const policies = stack.resources.filter((r) => POLICY_ATTRIBUTES[r.type] && r.config[POLICY_ATTRIBUTES[r.type].attribute] !== undefined);
    if (policies.length === 0) return 'not-applicable';
    const violations: Violation[] = [];
    for (const resource of policies) {
      const { attribute, principalsOnly } = POLICY_ATTRIBUTES[resource.type];
      const statements = policyStatements(stack, resource.config[attribute]);
      if (!statements) {
        violations.push({
          message: `${describe(resource)} has a policy computed at apply time that cannot be checked`,
          constructPath: resource.path,
          fix: 'write the policy as literal JSON or with an aws_iam_policy_document data source',
        });
        continue;
      }
      for (const statement of statements.filter((s) => s.effect === 'Allow')) {
        const wildcards = principalsOnly ? principalWildcards(statement) : [...actionAndResourceWildcards(statement), ...principalWildcards(statement)];
        if (wildcards.length) violations.push({ message: `${describe(resource)} allows ${wildcards.join(', ')}`, constructPath: resource.path });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

/**
 * Actions IAM authorizes on no resource type at all: `*` is the only resource they accept, so it
 * grants nothing beyond the action itself. What Lake Formation vends is decided by its table grants.
 */
export const RESOURCELESS_ACTIONS: ReadonlySet<string> = new Set(['lakeformation:GetDataAccess']);

/**
 * Any `*` in an action (`s3:*`, `s3:Get*`), and a resource whose resource part is `*` (`*`,
 * `arn:aws:s3:::*`). A path wildcard under a named resource (`arn:aws:s3:::bucket/data/*`) is how
 * a prefix is granted, not a wildcard resource.
 */
function actionAndResourceWildcards(statement: Statement): string[] {
  return [
    ...statement.actions.filter((a) => a.includes('*')).map((a) => `action ${a}`),
    ...statement.resources
      .filter((r) => r === '*' || /:\*$/.test(r))
      .filter((r) => !(r === '*' && statement.actions.length > 0 && statement.actions.every((a) => RESOURCELESS_ACTIONS.has(a))))
      .map((r) => `resource ${r}`),
  ];
}

function principalWildcards(statement: Statement): string[] {
  return statement.principals.filter((p) => p === '*').map(() => 'principal *');
}

function describe(resource: StackResource): string {
  return `${resource.type} ${resource.config.name ?? resource.config.bucket ?? resource.name}`;
}

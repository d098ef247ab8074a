import type { ResourceRule, Violation } from '../rule';
import { policyStatements, type StackResource, type Statement } from '../stack-resources';

/** Where IAM and bucket policies live; KMS key policies name their own key as `*` by design. */
const POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_s3_bucket: 'policy',
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
    const policies = stack.resources.filter((r) => POLICY_ATTRIBUTES[r.type] && r.config[POLICY_ATTRIBUTES[r.type]] !== undefined);
    if (policies.length === 0) return 'not-applicable';
    const violations: Violation[] = [];
    for (const resource of policies) {
      const statements = policyStatements(stack, resource.config[POLICY_ATTRIBUTES[resource.type]]);
      if (!statements) {
        violations.push({ message: `${describe(resource)} has a policy computed at apply time that cannot be checked`, constructPath: resource.path, fix: 'write the policy as literal JSON or with an aws_iam_policy_document data source' });
        continue;
      }
      for (const statement of statements.filter((s) => s.effect === 'Allow')) {
        const wildcards = wildcardsOf(statement);
        if (wildcards.length) violations.push({ message: `${describe(resource)} allows ${wildcards.join(', ')}`, constructPath: resource.path });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

function wildcardsOf(statement: Statement): string[] {
  return [
    ...statement.actions.filter((a) => a === '*' || a.endsWith(':*')).map((a) => `action ${a}`),
    ...statement.resources.filter((r) => r === '*').map(() => 'resource *'),
    ...statement.principals.filter((p) => p === '*').map(() => 'principal *'),
  ];
}

function describe(resource: StackResource): string {
  return `${resource.type} ${resource.config.name ?? resource.config.bucket ?? resource.name}`;
}

import type { ResourceRule } from '../rule';

export const mandatoryTags: ResourceRule = {
  id: 'DM207',
  scope: 'resource',
  title: 'Every taggable resource carries the mandatory tags (provider default tags count)',
  rationale: 'Tags are how cost, ownership and data classification are found from the AWS side, by people and by SCPs.',
  defaultSeverity: 'error',
  waivable: true,
  fix: "add the missing tags to the resource (Domain, DataProduct, Owner, Classification, ContractVersion, Status and the policy's required tags)",
  check(stack, { policy }) {
    const taggable = stack.resources.filter((r) => r.taggable);
    if (taggable.length === 0) return 'not-applicable';
    const violations = taggable.flatMap((resource) => {
      const missing = policy.requiredTags.filter((tag) => !resource.tags[tag]);
      return missing.length ? [{ message: `${resource.type} ${resource.name} is missing tags ${missing.join(', ')}`, constructPath: resource.path }] : [];
    });
    return violations.length ? violations : 'compliant';
  },
};

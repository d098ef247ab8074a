import { loadMesh } from '../../src/contract/mesh';
import { DEFAULT_MAX_PII_RETENTION_DAYS, MANDATORY_TAGS, mergePolicy } from '../../src/governance/policy';
import { ALL_RULES } from '../../src/governance/registry';
import { copyMesh, editFile } from '../helpers/fixtures';

/** Loads the minimal fixture after editing its platform and domain files, and merges the policies. */
function merged(platformGovernance: string, domainGovernance: string) {
  const dir = copyMesh();
  if (platformGovernance) editFile(dir, 'platform.yaml', (t) => `${t}governance:\n${platformGovernance}`);
  if (domainGovernance) editFile(dir, 'shop/domain.yaml', (t) => `${t}governance:\n${domainGovernance}`);
  const { value: mesh, errors } = loadMesh(dir);
  expect(errors).toEqual([]);
  return mergePolicy(mesh!.platform, mesh!.domains[0], ALL_RULES);
}

describe('federated policy', () => {
  it('starts from the registry defaults', () => {
    const { policy, errors } = merged('', '');
    expect(errors).toEqual([]);
    expect(policy.severities.DM112).toBe('warning');
    expect(policy.severities.DM101).toBe('error');
    expect(policy.maxPiiRetentionDays).toBe(DEFAULT_MAX_PII_RETENTION_DAYS);
    expect(policy.requiredTags).toEqual(MANDATORY_TAGS);
  });

  it('lets the platform set severities, the PII limit, patterns and required tags', () => {
    const { policy, errors } = merged('  rules:\n    DM208: { severity: error }\n  pii:\n    maxRetention: 5y\n    patterns: [loyalty_card]\n  requiredTags: [CostCenter]\n', '');
    expect(errors).toEqual([]);
    expect(policy.severities.DM208).toBe('error');
    expect(policy.maxPiiRetentionDays).toBe(1825);
    expect(policy.piiPatterns.some((p) => p.test('loyalty_card_number'))).toBe(true);
    expect(policy.requiredTags).toEqual([...MANDATORY_TAGS, 'CostCenter']);
  });

  it('lets a domain tighten: raise a severity, shorten the PII limit, add patterns and tags', () => {
    const { policy, errors } = merged('', '  rules:\n    DM112: { severity: error }\n  pii:\n    maxRetention: 400d\n    patterns: [member_no]\n  requiredTags: [DataSteward]\n');
    expect(errors).toEqual([]);
    expect(policy.severities.DM112).toBe('error');
    expect(policy.maxPiiRetentionDays).toBe(400);
    expect(policy.piiPatterns.some((p) => p.test('member_no'))).toBe(true);
    expect(policy.requiredTags).toContain('DataSteward');
  });

  it('refuses a domain lowering a global severity, at the line that tries', () => {
    const { policy, errors } = merged('', '  rules:\n    DM101: { severity: warning }\n');
    expect(errors).toEqual([
      expect.objectContaining({ path: 'governance.rules.DM101', message: 'domain policy may only tighten: DM101 is error in the platform policy', line: 15 }), // 12 lines, governance:, rules:, then DM101
    ]);
    expect(policy.severities.DM101).toBe('error');
  });

  it('refuses a domain lengthening the PII retention limit', () => {
    const { errors } = merged('  pii:\n    maxRetention: 2y\n', '  pii:\n    maxRetention: 3y\n');
    expect(errors.map((e) => e.message)).toEqual(['domain policy may only tighten: 1095 days is longer than the platform limit of 730 days']);
  });

  it('refuses lowering a rule that cannot be waived, even globally', () => {
    const { errors } = merged('  rules:\n    DM103: { severity: warning }\n', '');
    expect(errors.map((e) => e.message)).toEqual(['DM103 cannot be lowered to warning: it is not waivable']);
  });

  it('rejects an unknown rule id with a suggestion', () => {
    const { errors } = merged('  rules:\n    DM191: { severity: error }\n', '');
    expect(errors).toEqual([expect.objectContaining({ message: 'unknown governance rule DM191', hint: 'did you mean DM101?' })]);
  });
});

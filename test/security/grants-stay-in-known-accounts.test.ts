import * as fs from 'fs';
import { loadMesh } from '../../src/contract/mesh';
import { parseRoleArn } from '../../src/contract/role-arn';
import { domainPolicies, evaluateContracts, governContracts } from '../../src/governance/evaluate';
import { DOMAIN_RULES } from '../../src/governance/registry';
import { copyMesh, editFile, lineOf } from '../helpers/fixtures';
import { MINIMAL_MESH, TODAY } from '../governance/fixtures';

const dm116 = DOMAIN_RULES.find((r) => r.id === 'DM116')!;
const policyOf = (mesh = MINIMAL_MESH) => domainPolicies(mesh).policies.get('shop')!;

describe('DM116: a domain hands its grants only to roles of its own account', () => {
  it('passes the minimal domain, whose roles live in its account', () => {
    expect(dm116.check(MINIMAL_MESH.domains[0], { policy: policyOf(), domains: MINIMAL_MESH.domains })).toBe('compliant');
  });

  it('flags a consumer role of another account at its line in domain.yaml, as a non-waivable error', () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/domain.yaml', (t) => t.replace('arn:aws:iam::123456789012:role/shop-analyst', 'arn:aws:iam::999999999999:role/shop-analyst'));
    const mesh = loadMesh(dir).value!;
    const findings = governContracts(mesh, { today: TODAY }).findings.filter((f) => f.ruleId === 'DM116');
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        domain: 'shop',
        message: 'consumer role "arn:aws:iam::999999999999:role/shop-analyst" of domain shop is in account 999999999999, not the domain\'s account 123456789012',
        location: expect.objectContaining({ line: lineOf(fs.readFileSync(file, 'utf8'), '999999999999'), column: 7 }),
        waiver: undefined,
      }),
    ]);
  });

  it('flags a producer role of another account and a malformed role', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => t.replace('arn:aws:iam::123456789012:role/shop-producer', 'arn:aws:iam::999999999999:role/shop-producer').replace('role/shop-analyst', 'role/team/'));
    const result = dm116.check(loadMesh(dir).value!.domains[0], { policy: policyOf(), domains: MINIMAL_MESH.domains });
    expect(typeof result === 'string' ? result : result.map((v) => v.message)).toEqual([
      'producer role "arn:aws:iam::999999999999:role/shop-producer" of domain shop is in account 999999999999, not the domain\'s account 123456789012',
      'consumer role "arn:aws:iam::123456789012:role/team/" of domain shop has role name ""; role names are 1-64 letters, digits and + = , . @ _ -',
    ]);
  });

  it('accepts a role of an account the platform trusts, with its reason', () => {
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => t.replace('arn:aws:iam::123456789012:role/shop-analyst', 'arn:aws:iam::210987654321:role/shop-analyst'));
    const mesh = loadMesh(dir).value!;
    expect(evaluateContracts(mesh, domainPolicies(mesh).policies, { today: TODAY }).filter((f) => f.ruleId === 'DM116')).toEqual([]);
  });

  it('refuses a trusted account without a reason when platform.yaml loads', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => t.replace('    reason: Central BI account that serves company-wide dashboards.\n', ''));
    expect(loadMesh(dir).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([expect.stringMatching(/^trustedAccounts\[0\]: .*reason/)]);
  });
});

describe('role ARNs are checked as IAM accepts them', () => {
  it.each([
    ['arn:aws:iam::123456789012:role/reader', { account: '123456789012', path: '/', name: 'reader' }],
    ['arn:aws:iam::123456789012:role/team/sub/reader', { account: '123456789012', path: '/team/sub/', name: 'reader' }],
  ])('reads %s', (arn, parts) => expect(parseRoleArn(arn)).toEqual(parts));

  it.each([
    ['arn:aws-us-gov:iam::123456789012:role/reader', 'partition "aws-us-gov"'],
    ['arn:aws:iam::12345678901:role/reader', 'not a 12-digit AWS account id'],
    ['arn:aws:iam::123456789012:user/reader', 'is not an IAM role ARN'],
    [`arn:aws:iam::123456789012:role/${'x'.repeat(65)}`, 'role names are 1-64'],
    ['arn:aws:iam::123456789012:role/team//reader', 'role path "/team//"'],
    [`arn:aws:iam::123456789012:role/${'p/'.repeat(300)}reader`, 'at most 512'],
  ])('refuses %s', (arn, problem) => expect((parseRoleArn(arn) as { problem: string }).problem).toContain(problem));
});

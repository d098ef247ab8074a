import { parseRoleArn } from '../../contract/role-arn';
import type { DomainRule, Violation } from '../rule';

/**
 * Every grant to a domain is a grant to the roles its domain.yaml names: bucket and key
 * policies, Lake Formation, PII approvals. A role of another account would hand all of them to
 * that account, so a domain's roles live in its own account unless the platform trusts the other.
 */
export const rolesInDomainAccount: DomainRule = {
  id: 'DM116',
  scope: 'domain',
  title: "A domain's producer and consumer roles live in the domain's account",
  rationale: "Grants to a domain go to its roles; a role in another account would give that account the domain's access, PII included, without any contract saying so.",
  defaultSeverity: 'error',
  waivable: false,
  fix: "name a role of the domain's own account, or ask the platform team to list the other account in trustedAccounts in platform.yaml with a reason",
  check(domain, { policy }) {
    const roles = [
      ...(domain.roles.producer ? [{ arn: domain.roles.producer, what: 'producer role', location: domain.fieldLocations.producer ?? domain.location }] : []),
      ...domain.roles.consumers.map((arn, index) => ({ arn, what: 'consumer role', location: domain.fieldLocations.consumers[index] ?? domain.location })),
    ];
    if (roles.length === 0) return 'not-applicable';
    const violations: Violation[] = [];
    for (const { arn, what, location } of roles) {
      const role = parseRoleArn(arn);
      if ('problem' in role) {
        violations.push({ message: `${what} "${arn}" of domain ${domain.name} ${role.problem}`, location });
      } else if (role.account !== domain.account && !policy.trustedAccounts.has(role.account)) {
        violations.push({ message: `${what} "${arn}" of domain ${domain.name} is in account ${role.account}, not the domain's account ${domain.account}`, location });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

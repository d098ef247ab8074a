/**
 * ODCS `team` and `support` -> the owner; `roles` -> the consumers. A role names a consumer
 * domain of the mesh (resolved to that domain's roles, like a native `domain:` consumer) or is an
 * IAM role ARN (a native `principal:` consumer).
 */
import type { ConsumerSpec, Owner } from '../model';
import { EXTRA, findExtra } from './custom-properties';
import type { OdcsDocument } from './document';
import type { DocumentIssues } from './issues';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/;

// "owner", "Data Owner", "product owner"; ODCS examples call the data product owner "dpo".
const OWNER_ROLE = /owner|^dpo$/i;

/**
 * The team name and a mailbox. The team is `team.name` (v3.1.0 on); a v3.0.x team is a list of
 * members, so there the owner is the member whose role is owner (or dpo) and who has not left
 * (no `dateOut`; else the last one listed), named by `name` or `username`. The mailbox is the
 * first `mailto:` support channel, else the owner's username when it is an email. Either may
 * be empty; the governance owner rule reports that.
 */
export function readOwner(contract: OdcsDocument): Owner {
  const team = Array.isArray(contract.team) ? undefined : contract.team;
  const members = Array.isArray(contract.team) ? contract.team : (team?.members ?? []);
  const mailbox = (contract.support ?? []).map((s) => s.url?.trim()).find((url) => url?.toLowerCase().startsWith('mailto:'));
  const owners = members.filter((m) => OWNER_ROLE.test(m.role?.trim() ?? ''));
  const owner = owners.find((m) => !m.dateOut) ?? owners[owners.length - 1];
  const username = owner?.username?.trim() ?? '';
  return {
    team: team?.name?.trim() || owner?.name?.trim() || username,
    email: mailbox ? mailbox.slice('mailto:'.length).split('?')[0] : username.includes('@') ? username : '',
  };
}

export function readConsumers(contract: OdcsDocument, issues: DocumentIssues): ConsumerSpec[] | undefined {
  let ok = true;
  const consumers = (contract.roles ?? []).map((role, index): ConsumerSpec | undefined => {
    const access = role.access?.trim().toLowerCase();
    if (access !== 'read' && access !== 'write') {
      const reason = role.access === undefined ? `role "${role.role}" gives no access` : `role "${role.role}" gives access "${role.access}"`;
      issues.cannotBuild(role.access === undefined ? ['roles', index] : ['roles', index, 'access'], `${reason}; the platform grants read or write`, 'set `access: read` or `access: write`');
      ok = false;
      return undefined;
    }
    const pii = findExtra(role.customProperties, EXTRA.pii)?.value === true;
    const base = { access, pii, reason: role.description?.trim(), location: issues.document.locate(['roles', index]) } as const;
    if (!role.role.startsWith('arn:')) return { ...base, kind: 'domain', domain: role.role };
    if (!ROLE_ARN.test(role.role)) {
      issues.error(['roles', index, 'role'], `"${role.role}" is not an IAM role ARN`, 'write arn:aws:iam::<12-digit account>:role/<name>, or name a consumer domain of the mesh');
      ok = false;
      return undefined;
    }
    return { ...base, kind: 'principal', principal: role.role };
  });
  return ok ? (consumers as ConsumerSpec[]) : undefined;
}

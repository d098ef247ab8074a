/**
 * What each principal may do with one product, decided once from the contract, so the bucket
 * policy, the key policy and Lake Formation can never disagree.
 *
 * The rule that shapes it: a Parquet or CSV file holds every column, so whoever reads objects
 * from S3 reads the PII in them. A reader not approved for the product's PII therefore never gets
 * direct S3 or key access; with Lake Formation it reads the other columns through LF-integrated
 * engines (Athena, Glue, EMR, Redshift Spectrum), and without it it gets nothing.
 */
import { createHash } from 'crypto';
import type { AccessLevel, DataProductSpec, DomainSpec } from '../../contract/model';
import { holdsProtectedData } from '../../contract/column-rules';
import { compareText } from '../../contract/order';
import { consumerGrants } from './consumer-grants';

export interface PrincipalAccess {
  readonly principal: string;
  readonly access: AccessLevel;
  /** `without-pii` when the product holds PII and no grant to this principal approves it. */
  readonly columns: 'all' | 'without-pii';
  /** Reads (writers: also writes) the objects in S3 through the bucket policy and the domain key. */
  readonly direct: boolean;
}

/**
 * One entry per principal and access level, sorted so every policy built from it is byte-identical
 * run to run. A principal named by several consumers (a domain and its role ARN) is one entry,
 * approved for PII if any of those consumers is.
 */
export function principalAccess(product: DataProductSpec, domains: readonly DomainSpec[]): PrincipalAccess[] {
  const holdsPii = holdsProtectedData(product);
  const entries = new Map<string, { principal: string; access: AccessLevel; approved: boolean }>();
  for (const grant of consumerGrants(product, domains)) {
    for (const principal of grant.principals) {
      const key = `${grant.access}|${principal}`;
      const approved = (entries.get(key)?.approved ?? false) || grant.pii || grant.access === 'write';
      entries.set(key, { principal, access: grant.access, approved });
    }
  }
  return [...entries.values()]
    .map(({ principal, access, approved }) => {
      const columns = holdsPii && !approved ? ('without-pii' as const) : ('all' as const);
      return { principal, access, columns, direct: columns === 'all' };
    })
    .sort((a, b) => compareText(a.principal, b.principal) || compareText(a.access, b.access));
}

/** Principals that read the product's objects directly (bucket policy and key policy). */
export function directReaders(access: readonly PrincipalAccess[]): string[] {
  return access.filter((a) => a.access === 'read' && a.direct).map((a) => a.principal);
}

/** The owning domain's producer, when the contract grants it write access. */
export function writers(access: readonly PrincipalAccess[]): string[] {
  return access.filter((a) => a.access === 'write').map((a) => a.principal);
}

/**
 * A construct id for a principal, stable across runs and contract edits: `<account>-<role name>`,
 * plus a hash of the ARN when characters had to be replaced (role paths, `+=,.@`).
 */
export function principalId(arn: string): string {
  const role = /^arn:[a-z-]+:iam::(\d{12}):role\/(.+)$/.exec(arn);
  const readable = role ? `${role[1]}-${role[2]}` : arn;
  const slug = readable.replace(/[^A-Za-z0-9_-]+/g, '-');
  return slug === readable ? slug : `${slug}-${createHash('sha256').update(arn).digest('hex').slice(0, 8)}`;
}

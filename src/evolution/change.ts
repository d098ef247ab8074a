import type { SourceLocation } from '../contract/model';

/** What a change means to a consumer, and so which version bump it needs. */
export type Impact = 'breaking' | 'additive' | 'cosmetic';

/**
 * Stable ids of every kind of change, with what it means. Tools and exceptions refer to these ids,
 * so an id never changes meaning.
 */
export const CHANGE_KINDS = {
  'product-added': { impact: 'additive', title: 'product added', fix: 'bump nothing: a new product starts at its own version' },
  'product-removed': { impact: 'breaking', title: 'product removed while not retired', fix: 'set status: retired and deploy that first; remove the contract in a later change' },
  'product-retired-removed': { impact: 'cosmetic', title: 'retired product removed', fix: 'nothing to do: a retired product may go' },
  'column-removed': {
    impact: 'breaking',
    title: 'column removed or renamed',
    fix: 'keep the column (say in its description that it is going) and add the new one beside it, or bump the major version and tell the consumers',
  },
  'column-type-narrowed': {
    impact: 'breaking',
    title: 'column type changed to one that does not widen',
    fix: 'keep the old type and add a column with the new type beside it, or bump the major version and tell the consumers',
  },
  'column-type-widened': { impact: 'additive', title: 'column type widened (e.g. int to bigint)', fix: 'bump at least the minor version' },
  'column-made-required': { impact: 'breaking', title: 'nullable column made required', fix: 'keep the column nullable and enforce it with a not_null quality rule first, or bump the major version' },
  'column-made-optional': { impact: 'additive', title: 'required column made nullable', fix: 'bump at least the minor version' },
  'column-added-required': {
    impact: 'breaking',
    title: 'required column added (existing rows have no value)',
    fix: 'add the column as optional and make it required once it is backfilled, or bump the major version',
  },
  'column-added-optional': { impact: 'additive', title: 'optional column added', fix: 'bump at least the minor version' },
  'classification-loosened': {
    impact: 'breaking',
    title: 'column or product classification loosened (e.g. pii to public)',
    fix: 'keep the stricter classification, or bump the major version once the data owner has approved the reclassification',
  },
  'classification-tightened': { impact: 'additive', title: 'column classification tightened', fix: 'bump at least the minor version' },
  'partitioning-changed': { impact: 'breaking', title: 'partition keys changed', fix: "keep the partition keys (consumers' queries and partition pruning depend on them), or bump the major version" },
  'format-changed': { impact: 'breaking', title: 'output format changed', fix: 'keep the output format and publish the new one as another product, or bump the major version' },
  'location-changed': {
    impact: 'breaking',
    title: 'declared location or database changed',
    fix: 'keep the declared location and database, or bump the major version and tell the consumers where the data moved',
  },
  'retention-shortened': {
    impact: 'breaking',
    title: 'retention shortened: consumers lose history they were promised',
    fix: 'keep the retention, or bump the major version and tell the consumers how much history they lose',
  },
  'retention-extended': { impact: 'additive', title: 'retention extended', fix: 'bump at least the minor version' },
  'sla-weakened': {
    impact: 'breaking',
    title: 'freshness or availability promise weakened',
    fix: 'restore the previous freshness and availability promise, or bump the major version and tell the consumers',
  },
  'sla-strengthened': { impact: 'additive', title: 'freshness or availability promise strengthened', fix: 'bump at least the minor version' },
  'consumer-access-removed': {
    impact: 'breaking',
    title: 'a consumer lost access (removed, or write reduced to read)',
    fix: "keep the consumer's access until it confirms it no longer reads the product, or bump the major version",
  },
  'consumer-added': { impact: 'additive', title: 'consumer added or given more access', fix: 'bump at least the minor version' },
  'quality-rule-removed': { impact: 'breaking', title: 'quality guarantee removed', fix: 'keep the quality rule (consumers rely on what it guarantees), or bump the major version' },
  'quality-rule-added': { impact: 'additive', title: 'quality rule added', fix: 'bump at least the minor version' },
  'status-changed': { impact: 'additive', title: 'lifecycle status changed', fix: 'bump at least the minor version' },
  'description-changed': { impact: 'cosmetic', title: 'description changed', fix: 'bump at least the patch version' },
  'tags-changed': { impact: 'cosmetic', title: 'tags changed', fix: 'bump at least the patch version' },
  'owner-changed': { impact: 'cosmetic', title: 'owner changed', fix: 'bump at least the patch version' },
  'exceptions-changed': { impact: 'cosmetic', title: 'governance exceptions changed', fix: 'bump at least the patch version' },
} as const satisfies Record<string, { impact: Impact; title: string; fix: string }>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export interface Change {
  readonly kind: ChangeKind;
  readonly impact: Impact;
  readonly message: string;
  /** Where the change is: the changed field in the current contract (its parent for removals; the base contract for a removed product). */
  readonly location?: SourceLocation;
  /** The value before and after, as written in a contract, when the change has one. */
  readonly before?: string;
  readonly after?: string;
  /** How to make the change without the version bump it needs, or which bump it needs. */
  readonly fix: string;
}

export function change(kind: ChangeKind, message: string, location?: SourceLocation, values?: { readonly before?: string; readonly after?: string }): Change {
  return {
    kind,
    impact: CHANGE_KINDS[kind].impact,
    message,
    location,
    ...(values?.before !== undefined ? { before: values.before } : {}),
    ...(values?.after !== undefined ? { after: values.after } : {}),
    fix: CHANGE_KINDS[kind].fix,
  };
}

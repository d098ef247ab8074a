import type { SourceLocation } from '../contract/model';

/** What a change means to a consumer, and so which version bump it needs. */
export type Impact = 'breaking' | 'additive' | 'cosmetic';

/**
 * Stable ids of every kind of change, with what it means. Tools and exceptions refer to these ids,
 * so an id never changes meaning.
 */
export const CHANGE_KINDS = {
  'product-added': { impact: 'additive', title: 'product added' },
  'product-removed': { impact: 'breaking', title: 'product removed while not retired' },
  'product-retired-removed': { impact: 'cosmetic', title: 'retired product removed' },
  'column-removed': { impact: 'breaking', title: 'column removed or renamed' },
  'column-type-narrowed': { impact: 'breaking', title: 'column type changed to one that does not widen' },
  'column-type-widened': { impact: 'additive', title: 'column type widened (e.g. int to bigint)' },
  'column-made-required': { impact: 'breaking', title: 'nullable column made required' },
  'column-made-optional': { impact: 'additive', title: 'required column made nullable' },
  'column-added-required': { impact: 'breaking', title: 'required column added (existing rows have no value)' },
  'column-added-optional': { impact: 'additive', title: 'optional column added' },
  'classification-loosened': { impact: 'breaking', title: 'column or product classification loosened (e.g. pii to public)' },
  'classification-tightened': { impact: 'additive', title: 'column classification tightened' },
  'partitioning-changed': { impact: 'breaking', title: 'partition keys changed' },
  'format-changed': { impact: 'breaking', title: 'output format changed' },
  'location-changed': { impact: 'breaking', title: 'declared location or database changed' },
  'retention-shortened': { impact: 'breaking', title: 'retention shortened: consumers lose history they were promised' },
  'retention-extended': { impact: 'additive', title: 'retention extended' },
  'sla-weakened': { impact: 'breaking', title: 'freshness or availability promise weakened' },
  'sla-strengthened': { impact: 'additive', title: 'freshness or availability promise strengthened' },
  'consumer-access-removed': { impact: 'breaking', title: 'a consumer lost access (removed, or write reduced to read)' },
  'consumer-added': { impact: 'additive', title: 'consumer added or given more access' },
  'quality-rule-removed': { impact: 'breaking', title: 'quality guarantee removed' },
  'quality-rule-added': { impact: 'additive', title: 'quality rule added' },
  'status-changed': { impact: 'additive', title: 'lifecycle status changed' },
  'description-changed': { impact: 'cosmetic', title: 'description changed' },
  'tags-changed': { impact: 'cosmetic', title: 'tags changed' },
  'owner-changed': { impact: 'cosmetic', title: 'owner changed' },
  'exceptions-changed': { impact: 'cosmetic', title: 'governance exceptions changed' },
} as const satisfies Record<string, { impact: Impact; title: string }>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export interface Change {
  readonly kind: ChangeKind;
  readonly impact: Impact;
  readonly message: string;
  /** Where the change is, in the current contract (or the base one for removals). */
  readonly location?: SourceLocation;
}

export function change(kind: ChangeKind, message: string, location?: SourceLocation): Change {
  return { kind, impact: CHANGE_KINDS[kind].impact, message, location };
}

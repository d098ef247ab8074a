import type { SourceLocation } from '../contract/model';

export type Severity = 'error' | 'warning';

/**
 * What a governance rule says about one contract or one resource. A waived finding stays in the
 * reports (marked), so an exception is never invisible.
 */
export interface Finding {
  /** Stable rule id: DM1xx contract, DM2xx resource, DM3xx evolution. */
  readonly ruleId: string;
  /** Effective severity after the global and domain policy. */
  readonly severity: Severity;
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  readonly domain?: string;
  /** Product id (`<domain>.<name>`) when the finding is about a product. */
  readonly productId?: string;
  /** Contract line the finding is about (contract rules, and resource rules traced back to a contract). */
  readonly location?: SourceLocation;
  /** Construct path of the resource (resource rules). */
  readonly constructPath?: string;
  /** Set when a valid exception in the contract waives the finding. */
  readonly waiver?: { readonly reason: string; readonly expires: string };
}

/** A finding fails synthesis when it is an unwaived error. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity === 'error' && !finding.waiver;
}

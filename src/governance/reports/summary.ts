import { formatLocation } from '../../contract/errors';
import { isBlocking, type Finding } from '../finding';

export interface FindingCounts {
  /** Unwaived errors: these fail synthesis and the CLI. */
  readonly errors: number;
  /** Unwaived warnings. */
  readonly warnings: number;
  /** Findings of either severity waived by a valid exception. */
  readonly waived: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  return {
    errors: findings.filter(isBlocking).length,
    warnings: findings.filter((f) => f.severity === 'warning' && !f.waiver).length,
    waived: findings.filter((f) => f.waiver).length,
  };
}

/** `contracts/sales/orders.yaml:12:5`, or the construct path, or nothing. */
export function whereOf(finding: Finding): string {
  const file = finding.location ? formatLocation(finding.location) : '';
  return [file, finding.constructPath].filter(Boolean).join(' ');
}

export function statusOf(finding: Finding): 'error' | 'warning' | 'waived' {
  return finding.waiver ? 'waived' : finding.severity;
}

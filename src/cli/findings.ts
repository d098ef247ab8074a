/**
 * Loader errors and governance findings, as one list the CLI reports. A contract that does not
 * load has no rule to its name, so its errors carry the pseudo rule id `contract`.
 */
import type { ContractError } from '../contract/errors';
import type { Finding } from '../governance/finding';
import { compareText } from '../contract/order';

/**
 * Rule id of what loading a contract finds (YAML, schema, types, references): errors, and
 * warnings about valid input that is not built or not enforced (e.g. an ODCS check the platform
 * cannot run).
 */
export const LOAD_RULE_ID = 'contract';

export function loadErrorFinding(error: ContractError, severity: Finding['severity'] = 'error'): Finding {
  return {
    ruleId: LOAD_RULE_ID,
    severity,
    message: error.path ? `${error.path}: ${error.message}` : error.message,
    fix: error.hint,
    location: { file: error.file, line: error.line, column: error.column },
  };
}

// One way to count findings, shared with the governance reports.
export { countFindings, type FindingCounts } from '../governance/reports/summary';

/** Stable order (file, line, column, rule), so output never depends on discovery order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => f.location?.file ?? '';
  return [...findings].sort(
    (a, b) =>
      compareText(key(a), key(b)) ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

import type { RuleMetadata } from '../rule';
import type { Finding } from '../finding';
import { countFindings, statusOf } from './summary';

/** Machine-readable report: the rule catalog, every finding with its status, and the counts. */
export function jsonReport(findings: readonly Finding[], rules: readonly RuleMetadata[]): string {
  const report = {
    summary: countFindings(findings),
    rules: rules.map(({ id, title, rationale, defaultSeverity, waivable, fix, source, domain }) => ({
      id,
      title,
      rationale,
      defaultSeverity,
      waivable,
      fix,
      source: source ?? 'built-in',
      ...(domain ? { domain } : {}),
    })),
    findings: findings.map((f) => ({ status: statusOf(f), ...f })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

import type { Finding } from '../finding';
import { countFindings, statusOf, whereOf } from './summary';

/** Every finding once, most severe first, then a one-line summary. */
export function formatFindings(findings: readonly Finding[]): string {
  const order = { error: 0, warning: 1, waived: 2 };
  const sorted = [...findings].sort((a, b) => order[statusOf(a)] - order[statusOf(b)]);
  const lines = sorted.map((f) => {
    const subject = f.productId ?? f.domain ?? '';
    const waiver = f.waiver ? `\n    waived until ${f.waiver.expires}: ${f.waiver.reason}` : '';
    return `${statusOf(f).padEnd(7)} ${f.ruleId} ${subject} ${whereOf(f)}\n    ${f.message}\n    fix: ${f.fix}${waiver}`;
  });
  const counts = countFindings(findings);
  lines.push(`governance: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.waived} waived`);
  return lines.join('\n');
}

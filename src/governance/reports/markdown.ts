import type { Finding } from '../finding';
import { countFindings, statusOf, whereOf } from './summary';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A report people read in a pull request or a CI summary. */
export function markdownReport(findings: readonly Finding[]): string {
  const counts = countFindings(findings);
  const lines = ['# Governance report', '', `${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.waived} waived.`, ''];
  if (findings.length === 0) return `${lines.join('\n')}No findings.\n`;
  lines.push('| status | rule | product | where | finding | fix |', '|---|---|---|---|---|---|');
  for (const f of findings) {
    const status = f.waiver ? `waived until ${f.waiver.expires} (${f.waiver.reason})` : statusOf(f);
    lines.push(`| ${cell(status)} | ${f.ruleId} | ${cell(f.productId ?? f.domain ?? '')} | ${cell(whereOf(f))} | ${cell(f.message)} | ${cell(f.fix)} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** Findings as people read them (text) and as programs read them (`--format json`). */
import { formatLocation } from '../contract/errors';
import type { Finding } from '../governance/finding';
import { countFindings, type FindingCounts } from './findings';
import type { Style } from './terminal';

/** `file:line:col  severity  rule  message`, then the fix, one finding per block. */
export function formatFinding(finding: Finding, style: Style): string {
  const where = finding.location ? formatLocation(finding.location) : (finding.productId ?? finding.domain ?? finding.constructPath ?? 'mesh');
  const severity = finding.waiver ? style.dim(`${finding.severity} (waived)`) : finding.severity === 'error' ? style.red('error') : style.yellow('warning');
  const lines = [`${style.bold(where)}  ${severity}  ${finding.ruleId}  ${finding.message}`, `    fix: ${finding.fix}`];
  if (finding.waiver) lines.push(`    waived until ${finding.waiver.expires}: ${finding.waiver.reason}`);
  return lines.join('\n');
}

/** What the loader read: files read, and files under the contracts folder it did not read. */
export interface FilesRead {
  readonly read: number;
  readonly notRead: number;
}

export function formatSummary(counts: FindingCounts, products: number | undefined, style: Style, files?: FilesRead): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.waived > 0) parts.push(`${counts.waived} waived`);
  const read = files === undefined ? '' : `${plural(files.read, 'file')} read${files.notRead > 0 ? `, ${files.notRead} not read` : ''}; `;
  const checked = products === undefined ? '' : `${plural(products, 'product')} checked: `;
  const text = `${read}${checked}${parts.join(', ')}`;
  return counts.errors > 0 ? style.red(text) : counts.warnings > 0 ? style.yellow(text) : style.green(text);
}

export interface FindingsDocument {
  /** False when any unwaived error was found (the command exits 1). */
  readonly ok: boolean;
  readonly summary: FindingCounts & { readonly products?: number; readonly filesRead?: number; readonly filesNotRead?: number };
  readonly findings: readonly FindingJson[];
  readonly notes: readonly string[];
}

/** A finding flattened for JSON readers: the location fields sit at the top level. */
export interface FindingJson {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  readonly fix: string;
  readonly domain?: string;
  readonly productId?: string;
  readonly waiver?: Finding['waiver'];
}

export interface FindingsInput {
  readonly findings: readonly Finding[];
  readonly products?: number;
  readonly files?: FilesRead;
  readonly notes: readonly string[];
}

export function findingsDocument({ findings, products, files, notes }: FindingsInput): FindingsDocument {
  const counts = countFindings(findings);
  return {
    ok: counts.errors === 0,
    summary: { ...counts, products, filesRead: files?.read, filesNotRead: files?.notRead },
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: f.location?.file,
      line: f.location?.line,
      column: f.location?.column,
      message: f.message,
      fix: f.fix,
      domain: f.domain,
      productId: f.productId,
      waiver: f.waiver,
    })),
    notes,
  };
}

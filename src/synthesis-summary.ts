/**
 * What a synthesis prints when it is done: one summary (stacks, products, findings by severity,
 * where the reports and the catalog are). Errors are always printed in full, since they are what
 * to fix; warnings and waived findings in full only when verbose (the reports list them anyway).
 */
import * as path from 'path';
import type { BuiltMesh } from './build-mesh';
import { formatContractError } from './contract/errors';
import type { Finding } from './governance/finding';
import { formatFindings } from './governance/reports/console';
import { countFindings } from './governance/reports/summary';

export interface SynthesisSummaryOptions {
  readonly outdir: string;
  readonly verbose: boolean;
  /** Where relative paths are shown from. @default the working folder */
  readonly cwd?: string;
}

export function synthesisSummary(built: BuiltMesh, findings: readonly Finding[], options: SynthesisSummaryOptions): string {
  const shown = (dir: string) => {
    const relative = path.relative(options.cwd ?? process.cwd(), dir);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
  };
  const counts = countFindings(findings);
  const failed = counts.errors > 0;
  const detailed = options.verbose ? findings : findings.filter((f) => f.severity === 'error' && !f.waiver);
  const lines: string[] = [];
  if (options.verbose) lines.push(...built.warnings.map((w) => `warning: ${formatContractError(w)}`));
  if (detailed.length > 0) lines.push(formatFindings(detailed).split('\n').slice(0, -1).join('\n'), '');
  const products = built.mesh.products;
  const drafts = products.filter((p) => p.status === 'draft').length;
  // The domains built: synthMesh releases each stack once written, so not built.stacks.
  const stacks = built.selection.domains;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    failed
      ? `datamesh: governance failed for ${built.environment}; no stack was kept (${plural(products.length, 'product')} in ${plural(stacks.length, 'domain')})`
      : `datamesh: synthesized ${plural(stacks.length, 'stack')} (${stacks.join(', ')}) from ${plural(products.length, 'product')}${drafts ? ` (${drafts} draft${drafts === 1 ? '' : 's'}, nothing built)` : ''} for ${built.environment}${
          built.selection.partial ? `; ${plural(built.mesh.domains.length - stacks.length, 'other domain')} validated, not synthesized (DATAMESH_DOMAINS)` : ''
        }`,
    `  findings: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.waived} waived${built.warnings.length ? `; ${plural(built.warnings.length, 'contract note')}` : ''}${!options.verbose && counts.warnings + counts.waived + built.warnings.length > 0 ? ' (DATAMESH_VERBOSE=1 prints each)' : ''}`,
    `  reports:  ${shown(path.join(options.outdir, 'governance'))}/report.md (.json, .sarif)`,
    `  catalog:  ${shown(path.join(options.outdir, 'catalog'))}/index.html`,
  );
  return lines.join('\n');
}

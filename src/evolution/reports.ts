/** `datamesh diff` output: human text grouped by product, json, junit for CI test reports, and GitHub annotations. */
import { isBlocking, type Finding } from '../governance/finding';
import type { MeshDiff } from './diff-mesh';
import type { ProductEvolution } from './evolution';

export type DiffFormat = 'text' | 'json' | 'junit' | 'github';

export function formatDiff(diff: MeshDiff, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ base: diff.ref, products: diff.evolutions.map((e) => summary(e, diff.findings)), findings: diff.findings }, null, 2)}\n`;
    case 'junit':
      return junit(diff);
    case 'github':
      return github(diff.findings);
    default:
      return text(diff);
  }
}

function summary(evolution: ProductEvolution, findings: readonly Finding[]) {
  return {
    id: evolution.productId,
    baseVersion: evolution.base?.version ?? null,
    version: evolution.current?.version ?? null,
    requiredBump: evolution.requiredBump,
    foundBump: evolution.foundBump,
    changes: evolution.changes.map((c) => ({ kind: c.kind, impact: c.impact, message: c.message, location: c.location })),
    findings: findings.filter((f) => f.productId === evolution.productId).map((f) => ({ ruleId: f.ruleId, severity: f.severity, waived: Boolean(f.waiver), message: f.message })),
  };
}

function text(diff: MeshDiff): string {
  if (diff.evolutions.length === 0) return `No contract changed since ${diff.ref}.\n`;
  const lines: string[] = [];
  for (const evolution of diff.evolutions) {
    const versions = `${evolution.base?.version ?? '(new)'} -> ${evolution.current?.version ?? '(removed)'}`;
    lines.push(`${evolution.productId}  ${versions}  required: ${evolution.requiredBump}, found: ${evolution.foundBump}`);
    for (const c of evolution.changes) lines.push(`  ${c.impact.padEnd(9)} ${c.kind.padEnd(24)} ${c.message}`);
    for (const f of diff.findings.filter((x) => x.productId === evolution.productId)) {
      lines.push(`  ${f.waiver ? 'waived' : f.severity} ${f.ruleId}: ${f.message}${f.location ? ` (${f.location.file}:${f.location.line})` : ''}`);
    }
  }
  const failed = diff.findings.filter(isBlocking).length;
  lines.push('', failed ? `${failed} semver violation(s) since ${diff.ref}.` : `All version bumps match their changes since ${diff.ref}.`);
  return `${lines.join('\n')}\n`;
}

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One test case per changed product; it fails when an unwaived DM3xx error names it. */
function junit(diff: MeshDiff): string {
  const cases = diff.evolutions.map((evolution) => {
    const failures = diff.findings.filter((f) => f.productId === evolution.productId && isBlocking(f));
    const body = failures.map((f) => `      <failure type="${f.ruleId}" message="${xml(f.message)}">${xml(`${f.message}\nfix: ${f.fix}`)}</failure>`).join('\n');
    const name = `${evolution.productId} ${evolution.base?.version ?? 'new'} -> ${evolution.current?.version ?? 'removed'}`;
    return failures.length ? `    <testcase classname="datamesh.diff" name="${xml(name)}">\n${body}\n    </testcase>` : `    <testcase classname="datamesh.diff" name="${xml(name)}"/>`;
  });
  const failures = diff.evolutions.filter((e) => diff.findings.some((f) => f.productId === e.productId && isBlocking(f))).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="datamesh diff" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="contract evolution since ${xml(diff.ref)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** GitHub Actions workflow commands: annotations on the contract lines in the pull request. */
function github(findings: readonly Finding[]): string {
  const escape = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (value: string) => escape(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return findings
    .filter((f) => !f.waiver)
    .map((f) => {
      const where = f.location ? ` file=${property(f.location.file)},line=${f.location.line},col=${f.location.column},` : ' ';
      return `::${f.severity === 'error' ? 'error' : 'warning'}${where}title=${property(`${f.ruleId} ${f.productId ?? ''}`.trim())}::${escape(`${f.message}. Fix: ${f.fix}`)}\n`;
    })
    .join('');
}

/** `datamesh diff` output: human text grouped by product, json, junit for CI test reports, and GitHub annotations. */
import { isBlocking, type Finding } from '../finding';
import type { MeshDiff } from '../diff-mesh';
import type { ProductEvolution } from '../../evolution/evolution';
import { describeDownstream, type Downstream } from '../../evolution/impact';

export type DiffFormat = 'text' | 'json' | 'junit' | 'github';

export function formatDiff(diff: MeshDiff, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ base: diff.ref, products: diff.evolutions.map((e) => summary(e, diff.findings, diff.downstream[e.productId])), access: diff.accessChanges, findings: diff.findings }, null, 2)}\n`;
    case 'junit':
      return junit(diff);
    case 'github':
      return github(diff);
    default:
      return text(diff);
  }
}

function summary(evolution: ProductEvolution, findings: readonly Finding[], downstream: Downstream | undefined) {
  return {
    id: evolution.productId,
    baseVersion: evolution.base?.version ?? null,
    version: evolution.current?.version ?? null,
    requiredBump: evolution.requiredBump,
    foundBump: evolution.foundBump,
    changes: evolution.changes.map((c) => ({
      kind: c.kind,
      impact: c.impact,
      message: c.message,
      location: c.location,
      before: c.before ?? null,
      after: c.after ?? null,
      fix: c.fix,
      ...(c.impact === 'breaking' ? { downstream: downstream ?? { products: [], consumers: [] } } : {}),
    })),
    downstream: downstream ?? null,
    findings: findings.filter((f) => f.productId === evolution.productId).map((f) => ({ ruleId: f.ruleId, severity: f.severity, waived: Boolean(f.waiver), message: f.message })),
  };
}

function text(diff: MeshDiff): string {
  if (diff.evolutions.length === 0 && diff.accessChanges.length === 0) return `No contract or access changed since ${diff.ref}.\n`;
  const lines: string[] = [];
  for (const evolution of diff.evolutions) {
    const versions = `${evolution.base?.version ?? '(new)'} -> ${evolution.current?.version ?? '(removed)'}`;
    lines.push(`${evolution.productId}  ${versions}  required: ${evolution.requiredBump}, found: ${evolution.foundBump}`);
    for (const c of evolution.changes) {
      lines.push(`  ${c.impact.padEnd(9)} ${c.kind.padEnd(24)} ${c.message}${whereText(c)}`);
      if (c.impact === 'breaking') lines.push(`            downstream: ${describeDownstream(diff.downstream[evolution.productId])}`);
    }
    for (const f of diff.findings.filter((x) => x.productId === evolution.productId)) {
      lines.push(`  ${f.waiver ? 'waived' : f.severity} ${f.ruleId}: ${f.message}${whereText(f)}`, `            fix: ${f.fix}`);
    }
  }
  if (diff.accessChanges.length > 0) {
    lines.push(`access (domain.yaml, platform.yaml): ${diff.accessChanges.length} change(s) to who grants reach`);
    for (const change of diff.accessChanges) {
      lines.push(`  ${change.impact.padEnd(9)} ${change.kind.padEnd(24)} ${change.message}${whereText(change)}`);
      lines.push(`            affects: ${change.affectedProducts.length ? change.affectedProducts.join(', ') : 'no product grants to it yet'}`);
    }
  }
  const failed = diff.findings.filter(isBlocking).length;
  const semver = diff.findings.filter((f) => isBlocking(f) && f.ruleId !== 'DM304').length;
  const verdict =
    failed === 0
      ? `All version bumps match their changes since ${diff.ref}.`
      : semver === failed
        ? `${failed} semver violation(s) since ${diff.ref}.`
        : `${failed} blocking finding(s) since ${diff.ref} (${semver} semver violation(s)).`;
  lines.push('', verdict);
  return `${lines.join('\n')}\n`;
}

const whereText = (item: { readonly location?: { readonly file: string; readonly line: number } }) => (item.location ? ` (${item.location.file}:${item.location.line})` : '');

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One test case per changed product; it fails when an unwaived DM3xx error names it. */
function junit(diff: MeshDiff): string {
  const cases = diff.evolutions.map((evolution) => {
    const failures = diff.findings.filter((f) => f.productId === evolution.productId && isBlocking(f));
    const breaking = evolution.changes.filter((c) => c.impact === 'breaking');
    const downstream = breaking.length ? `\ndownstream: ${describeDownstream(diff.downstream[evolution.productId])}` : '';
    const body = failures.map((f) => `      <failure type="${f.ruleId}" message="${xml(f.message)}">${xml(`${f.message}\nfix: ${f.fix}${downstream}`)}</failure>`);
    // Every breaking change and who it reaches, also when the major bump makes it pass.
    const out = breaking.map((c) => `${c.kind}: ${c.message}${whereText(c)}\n  downstream: ${describeDownstream(diff.downstream[evolution.productId])}`).join('\n');
    if (out) body.push(`      <system-out>${xml(out)}</system-out>`);
    const name = `${evolution.productId} ${evolution.base?.version ?? 'new'} -> ${evolution.current?.version ?? 'removed'}`;
    return body.length ? `    <testcase classname="datamesh.diff" name="${xml(name)}">\n${body.join('\n')}\n    </testcase>` : `    <testcase classname="datamesh.diff" name="${xml(name)}"/>`;
  });
  // One case per access change, failing when a domain raised DM304 to an error; the change is its output either way.
  for (const change of diff.accessChanges) {
    const failures = diff.findings.filter((f) => f.ruleId === 'DM304' && isBlocking(f) && f.location === change.location && f.message.includes(change.message));
    const name = `access ${change.kind} ${change.domain ?? 'platform'}`;
    const out = `      <system-out>${xml(`${change.impact}: ${change.message}; affects: ${change.affectedProducts.join(', ') || 'none'}`)}</system-out>`;
    const body = failures.map((f) => `      <failure type="${f.ruleId}" message="${xml(f.message)}">${xml(`${f.message}\nfix: ${f.fix}`)}</failure>`);
    cases.push(`    <testcase classname="datamesh.access" name="${xml(name)}">\n${[...body, out].join('\n')}\n    </testcase>`);
  }
  const failures = cases.filter((c) => c.includes('<failure')).length;
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

/**
 * GitHub Actions workflow commands: annotations on the contract lines in the pull request. Every
 * breaking change also gets a notice naming what is downstream of it, blocking or not.
 */
function github(diff: MeshDiff): string {
  const escape = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (value: string) => escape(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const where = (location?: { readonly file: string; readonly line: number; readonly column: number }) =>
    location ? ` file=${property(location.file)},line=${location.line},col=${location.column},` : ' ';
  const findings = diff.findings
    .filter((f) => !f.waiver)
    .map((f) => `::${f.severity === 'error' ? 'error' : 'warning'}${where(f.location)}title=${property(`${f.ruleId} ${f.productId ?? ''}`.trim())}::${escape(`${f.message}. Fix: ${f.fix}`)}\n`);
  const notices = diff.evolutions.flatMap((evolution) =>
    evolution.changes
      .filter((c) => c.impact === 'breaking')
      .map(
        (c) =>
          `::notice${where(c.location)}title=${property(`downstream of ${evolution.productId}`)}::${escape(`${c.kind}: ${c.message}. Downstream: ${describeDownstream(diff.downstream[evolution.productId])}`)}\n`,
      ),
  );
  return [...findings, ...notices].join('');
}

import type { RuleMetadata } from './rule';
import { variableRows } from './custom/variables';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * docs/governance.md, generated from the registry so the docs and the rules cannot disagree.
 * `files` maps a rule id to its source file (relative to the project root); the id links to it.
 */
export function renderRuleCatalog(rules: readonly RuleMetadata[], files: ReadonlyMap<string, string> = new Map()): string {
  const idCell = (id: string) => {
    const file = files.get(id);
    return file ? `[${id}](../${file})` : id;
  };
  const lines = [
    '# Governance rules',
    '',
    '<!-- Generated from src/governance/registry.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Contract rules (DM1xx) run on every contract before synthesis, and DM116 on every `domain.yaml`;',
    'resource rules (DM2xx) run as a',
    'cdktf Aspect over every resource of every domain stack, including resources a team adds by hand;',
    'evolution rules (DM3xx) compare each contract with its version at a git revision (`datamesh diff',
    '--base <ref>`, or synthesis with `DATAMESH_BASELINE=<ref>`), and DM304 reports changes to the',
    'roles and accounts in `domain.yaml` and `platform.yaml` that every grant to a domain follows.',
    'Synthesis fails on any unwaived error and writes `report.json`, `report.md` and `report.sarif` to',
    '`cdktf.out/governance/`.',
    '',
    "**Policy.** `platform.yaml` may set any rule's severity (`governance.rules.DM112.severity`), but",
    'cannot lower a rule that is not waivable. A `domain.yaml` may only tighten: raise a severity,',
    'shorten `governance.pii.maxRetention`, add `governance.pii.patterns` or `governance.requiredTags`.',
    'Loosening is reported as an error at the line that tries.',
    '',
    '**Exceptions** live in the contract (`governance.exceptions: [{rule, reason, expires}]`). A',
    'current exception marks matching findings as waived (they stay in the reports); an expired one',
    'stops applying and DM113 says so; one that expires further ahead than the policy horizon',
    '(`governance.exceptions.maxDuration`, default 180 days; a domain may only shorten it) waives',
    'nothing and DM118 says so; rules marked "no" below cannot be waived.',
    '',
    '| id | severity | waivable | what it checks | why | how to fix |',
    '|---|---|---|---|---|---|',
    ...rules.map((r) => `| ${idCell(r.id)} | ${r.defaultSeverity} | ${r.waivable ? 'yes' : 'no'} | ${cell(r.title)} | ${cell(r.rationale)} | ${cell(r.fix)} |`),
    '',
    '## Custom rules',
    '',
    '`governance.customRules` in `platform.yaml` (every domain) and `domain.yaml` (that domain only)',
    'add rules whose `condition` is a CEL expression, true when compliant, evaluated for each',
    '`product`, `column`, `consumer` or `quality` rule (`applies`). A condition that does not parse or',
    'names an unknown variable or field is an error at its line when the mesh loads. Rules in code',
    '(`buildMesh(app, { rules: { contract, resource } })`) use the interfaces of the rules above.',
    'Custom ids (e.g. `ACME001`) never start with `DM` and never repeat. `datamesh rules [domain]` lists',
    'the rules in force. The variables a condition may name:',
    '',
    '| variable | type | what it holds |',
    '|---|---|---|',
    ...variableRows().map((r) => `| \`${r.path}\` | ${cell(r.type)} | ${cell(r.doc)} |`),
    '',
  ];
  return lines.join('\n');
}

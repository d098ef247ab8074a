/**
 * `datamesh rules [domain]`: the rules a domain is governed by (built-in, platform.yaml and its
 * domain.yaml), each with the severity its policy gives it. Without a domain: the global rules.
 */
import type { Command } from 'commander';
import { loadMesh } from '../../contract/mesh';
import { domainPolicies } from '../../governance/evaluate';
import { mergePolicy } from '../../governance/policy';
import type { RuleMetadata } from '../../governance/rule';
import { closestMatch } from '../../contract/suggest';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { contractsOption, existingContractsDir, outputFormatOption, type OutputFormat } from '../options';
import { formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';

/** One line of the listing, as `--format json` writes it. */
export interface EffectiveRuleJson {
  readonly id: string;
  /** Severity after the platform and domain policy. */
  readonly severity: 'error' | 'warning';
  readonly defaultSeverity: 'error' | 'warning';
  readonly waivable: boolean;
  readonly source: string;
  readonly title: string;
  readonly fix: string;
}

export function registerRules(program: Command, context: CliContext): void {
  program
    .command('rules')
    .description('list the governance rules in force for a domain (or globally): id, severity, waivable, source, title')
    .argument('[domain]', 'a domain of the mesh (default: the global rules of platform.yaml)')
    .addOption(contractsOption())
    .addOption(outputFormatOption())
    .addHelpText(
      'after',
      `
Rules passed in code (buildMesh's \`rules\` option) are part of the program, not of the contracts:
they are not listed here.

Examples:
  $ datamesh rules                    built-in rules and platform.yaml's custom rules
  $ datamesh rules payments           what the payments domain is held to
  $ datamesh rules sales --format json`,
    )
    .action((domain: string | undefined, options: { contracts?: string; format: OutputFormat }) => {
      context.exit(runRules(domain, options, context));
    });
}

function runRules(domainName: string | undefined, options: { contracts?: string; format: OutputFormat }, { terminal }: CliContext): ExitCode {
  const { value: mesh, errors } = loadMesh(existingContractsDir(options.contracts, terminal.env));
  const policy = mesh && domainPolicies(mesh);
  const problems = mesh ? policy!.errors : errors;
  if (!mesh || problems.length > 0) {
    const style = styleFor(terminal.errIsTTY, terminal.env);
    const findings = problems.map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\n`);
    return EXIT_FINDINGS;
  }
  const names = mesh.domains.map((d) => d.name);
  if (domainName !== undefined && !names.includes(domainName)) {
    const suggestion = closestMatch(domainName, names);
    throw new UsageError(`unknown domain "${domainName}"`, suggestion ? `did you mean "${suggestion}"? domains: ${names.join(', ')}` : `domains: ${names.join(', ')}`);
  }
  const rules = policy!.rules.forDomain(domainName);
  const severities = domainName ? policy!.policies.get(domainName)!.severities : mergePolicy(mesh.platform, undefined, rules).policy.severities;
  const listing = rules.map((rule) => effectiveRule(rule, severities[rule.id] ?? rule.defaultSeverity));
  if (options.format === 'json') {
    terminal.out(`${JSON.stringify({ domain: domainName ?? null, rules: listing }, null, 2)}\n`);
  } else {
    const style = styleFor(terminal.outIsTTY, terminal.env);
    const widths = { id: Math.max(2, ...listing.map((r) => r.id.length)), source: Math.max(6, ...listing.map((r) => r.source.length)) };
    const header = `${'id'.padEnd(widths.id)}  severity  waivable  ${'source'.padEnd(widths.source)}  title`;
    const lines = listing.map((r) => `${r.id.padEnd(widths.id)}  ${r.severity.padEnd(8)}  ${(r.waivable ? 'yes' : 'no').padEnd(8)}  ${r.source.padEnd(widths.source)}  ${r.title}`);
    terminal.out(`${style.bold(header)}\n${lines.join('\n')}\n${listing.length} rules in force for ${domainName ? `domain ${domainName}` : 'every domain'}\n`);
  }
  return EXIT_OK;
}

function effectiveRule(rule: RuleMetadata, severity: 'error' | 'warning'): EffectiveRuleJson {
  const source = rule.source ?? 'built-in';
  return { id: rule.id, severity, defaultSeverity: rule.defaultSeverity, waivable: rule.waivable, source: rule.domain ? `domain ${rule.domain}` : source, title: rule.title, fix: rule.fix };
}

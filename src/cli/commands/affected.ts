/** `datamesh affected --base <ref>`: the stacks whose synthesized Terraform changes since a git revision. */
import type { Command } from 'commander';
import { formatLocation } from '../../contract/errors';
import { affectedStacks, type AffectedReport } from '../../evolution/affected';
import { BaselineError } from '../../evolution/baseline';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { existingContractsDir, outputFormatOption, type OutputFormat } from '../options';
import { formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';

interface AffectedOptions {
  readonly base: string;
  readonly env?: string;
  readonly format: OutputFormat;
}

export function registerAffected(program: Command, context: CliContext): void {
  program
    .command('affected')
    .description('list the domain stacks whose synthesized Terraform changes since a git revision (for CI: plan only those)')
    .argument('[contracts]', 'contracts folder (default: $DATAMESH_CONTRACTS, else the folder with platform.yaml found walking up from here)')
    .requiredOption('--base <ref>', 'git revision to compare with, e.g. origin/main')
    .option('--env <environment>', 'environment whose stacks to compare (default: $DATAMESH_ENV, else dev)')
    .addOption(outputFormatOption())
    .addHelpText(
      'after',
      `
Compares, per stack, what its synthesis reads from the model at both revisions: its contracts,
its domain.yaml, platform.yaml and the consumer roles of the domains it grants to. No synthesis,
no cdktf. "removed" stacks belong to deleted domains: their folder is gone, destroying them is a
deliberate step. Exit 0 whatever changed, 1 when the working tree does not load, 2 on a bad call.

Examples:
  $ datamesh affected --base origin/main
  $ datamesh affected --base origin/main --format json | jq -c .stacks
  $ DATAMESH_DOMAINS=$(datamesh affected --base origin/main --format json | jq -r '.stacks | join(",")') npx cdktf synth`,
    )
    .action((contracts: string | undefined, options: AffectedOptions) => {
      context.exit(runAffected(contracts, options, context));
    });
}

function runAffected(contracts: string | undefined, options: AffectedOptions, { terminal }: CliContext): ExitCode {
  const dir = existingContractsDir(contracts, terminal.env);
  const environment = options.env ?? terminal.env.DATAMESH_ENV ?? 'dev';
  let report: AffectedReport;
  try {
    report = affectedStacks(dir, options.base, environment);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message, 'pass a commit, branch or tag of the repository that holds the contracts, and an environment of platform.yaml');
    throw error;
  }
  if (report.errors.length > 0) {
    const style = styleFor(terminal.errIsTTY, terminal.env);
    const findings = report.errors.map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\nnothing was compared.\n`);
    return EXIT_FINDINGS;
  }
  for (const error of report.baseErrors) terminal.err(`note: ${formatLocation(error)}: the base revision does not load (${error.message}); every stack counts as changed\n`);
  terminal.out(options.format === 'json' ? `${JSON.stringify(affectedDocument(report), null, 2)}\n` : affectedText(report));
  return EXIT_OK;
}

/** The JSON CI reads: `stacks` is the matrix to plan. */
export function affectedDocument(report: AffectedReport): object {
  return { base: report.base, environment: report.environment, stacks: report.stacks, affected: report.affected, unchanged: report.unchanged };
}

export function affectedText(report: AffectedReport): string {
  const total = report.affected.length + report.unchanged.length;
  if (report.affected.length === 0) return `no stack changes since ${report.base} (${report.environment}, ${total} stack${total === 1 ? '' : 's'} compared)\n`;
  const width = Math.max(...report.affected.map((a) => a.stack.length));
  const lines = report.affected.map((a) => `  ${a.change.padEnd(8)} ${a.stack.padEnd(width)}  ${a.reasons.join(', ')}`);
  return `${report.affected.length} of ${total} stack${total === 1 ? '' : 's'} change since ${report.base} (${report.environment}):\n${lines.join('\n')}\n`;
}

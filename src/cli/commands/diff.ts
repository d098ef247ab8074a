/** `datamesh diff --base <ref>`: every contract against its version at a git revision, with semver verdicts. */
import { Option, type Command } from 'commander';
import { BaselineError } from '../../evolution/baseline';
import { diffMesh } from '../../governance/diff-mesh';
import { formatDiff, type DiffFormat } from '../../governance/reports/diff';
import { isBlocking } from '../../governance/finding';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { existingContractsDir } from '../options';
import { formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';

interface DiffOptions {
  readonly base: string;
  readonly format: DiffFormat;
}

export function registerDiff(program: Command, context: CliContext): void {
  program
    .command('diff')
    .description('classify every contract change since a git revision (breaking, additive, cosmetic) and check the version bumps')
    .argument('[contracts]', 'contracts folder (default: $DATAMESH_CONTRACTS, else the folder with platform.yaml found walking up from here)')
    .requiredOption('--base <ref>', 'git revision to compare with, e.g. origin/main or a tag')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit', 'github']).default('text'))
    .addHelpText(
      'after',
      `
A breaking change needs a major bump (DM301), an additive one at least a minor (DM302), and any
change a new, higher version (DM303). Contracts are read from git, no checkout needed; a renamed
file is the same product. Exit 1 when an unwaived DM3xx error remains.

Examples:
  $ datamesh diff --base origin/main
  $ datamesh diff --base v1.4.0 --format junit > contract-evolution.xml
  $ datamesh diff --base origin/main --format github     annotations in a GitHub Actions job`,
    )
    .action((contracts: string | undefined, options: DiffOptions) => {
      context.exit(runDiff(contracts, options, context));
    });
}

function runDiff(contracts: string | undefined, options: DiffOptions, { terminal }: CliContext): ExitCode {
  const dir = existingContractsDir(contracts, terminal.env);
  let diff;
  try {
    diff = diffMesh(dir, options.base);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message, 'pass a commit, branch or tag of the repository that holds the contracts');
    throw error;
  }
  const style = styleFor(terminal.errIsTTY, terminal.env);
  if (diff.errors.length > 0) {
    const findings = diff.errors.map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\nnothing was compared.\n`);
    return EXIT_FINDINGS;
  }
  for (const error of diff.baseErrors) terminal.err(`note: ${error.file}:${error.line}: the base version does not load (${error.message}); compared as absent\n`);
  terminal.out(formatDiff(diff, options.format));
  return diff.findings.some(isBlocking) ? EXIT_FINDINGS : EXIT_OK;
}

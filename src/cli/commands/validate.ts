/** `datamesh validate [paths...]`: schema, references and contract rules, without synthesis. */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings } from '../findings';
import { contractsDir, outputFormatOption, type OutputFormat } from '../options';
import { findingsDocument, formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';
import { display, validatePaths } from '../validation';

export function registerValidate(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('check contracts: YAML, schema, Glue types, references and the governance contract rules (no synthesis)')
    .argument('[paths...]', 'contracts folders, domain folders or contract files (default: $DATAMESH_CONTRACTS, else the folder with platform.yaml found walking up from here)')
    .addOption(outputFormatOption())
    .addHelpText(
      'after',
      `
Warnings and waived findings are reported but do not fail; any unwaived error exits 1.

Examples:
  $ datamesh validate                                  the whole mesh in ./contracts
  $ datamesh validate contracts/sales                  one domain (checked within its mesh)
  $ datamesh validate contracts/sales/orders.yaml      one contract
  $ datamesh validate --format json > findings.json    for CI and other tools`,
    )
    .action((paths: string[], options: { format: OutputFormat }) => {
      context.exit(runValidate(paths, options.format, context));
    });
}

function runValidate(paths: readonly string[], format: OutputFormat, { terminal, evaluateRules }: CliContext): ExitCode {
  const targets = paths.length > 0 ? paths.map((p) => path.resolve(p)) : [contractsDir(undefined, terminal.env)];
  const missing = targets.filter((t) => !fs.existsSync(t));
  if (missing.length > 0 && paths.length === 0 && !terminal.env.DATAMESH_CONTRACTS) {
    throw new UsageError(`no mesh found: no platform.yaml in ${process.cwd()} or any folder above it`, 'run datamesh inside a mesh repository, pass a contracts folder, or set DATAMESH_CONTRACTS');
  }
  if (missing.length > 0) {
    throw new UsageError(`no such file or folder: ${missing.map(display).join(', ')}`, 'pass a contracts folder, a domain folder or a contract file');
  }
  const report = validatePaths(targets, evaluateRules);
  const counts = countFindings(report.findings);
  if (format === 'json') {
    terminal.out(`${JSON.stringify(findingsDocument(report), null, 2)}\n`);
  } else {
    const style = styleFor(terminal.outIsTTY, terminal.env);
    const blocks = report.findings.map((f) => formatFinding(f, style));
    const notes = report.notes.map((n) => `note: ${n}`);
    terminal.out([...blocks, ...notes, formatSummary(counts, report.products, style, report.files)].join('\n') + '\n');
  }
  return counts.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

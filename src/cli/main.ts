/**
 * The `datamesh` command. Each subcommand lives in its own file under commands/ and registers
 * itself on the program; adding a command is one file and one line in COMMANDS.
 *
 * Nothing on this path may import cdktf or the AWS provider: `validate` has to answer in a
 * fraction of a second (.dependency-cruiser.cjs and test/cli/bin.test.ts keep it that way).
 */
import { Command, CommanderError } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { registerValidate } from './commands/validate';
import { evaluateContractRules, type ContractRuleEvaluator } from './contract-rules';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type ExitCode } from './exit-codes';
import { OutputError } from './output-file';
import { processTerminal, styleFor, type Terminal } from './terminal';
// Read at run time, not imported: package.json sits outside src/, both here and in dist/.
const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

export interface CliContext {
  readonly terminal: Terminal;
  /** Governance contract rules, run on every mesh that loads. */
  readonly evaluateRules: ContractRuleEvaluator;
  /** Records the exit code of the command that ran. */
  readonly exit: (code: ExitCode) => void;
}

export type CommandRegistration = (program: Command, context: CliContext) => void;

/* eslint-disable @typescript-eslint/no-require-imports -- a command's module loads only when it runs, see below */
const COMMANDS: Readonly<Record<string, () => CommandRegistration>> = {
  validate: () => registerValidate,
  new: () => (require('./commands/new') as typeof import('./commands/new')).registerNew,
  catalog: () => (require('./commands/catalog') as typeof import('./commands/catalog')).registerCatalog,
  export: () => (require('./commands/export') as typeof import('./commands/export')).registerExport,
  diff: () => (require('./commands/diff') as typeof import('./commands/diff')).registerDiff,
  rules: () => (require('./commands/rules') as typeof import('./commands/rules')).registerRules,
  registry: () => (require('./commands/registry') as typeof import('./commands/registry')).registerRegistry,
  affected: () => (require('./commands/affected') as typeof import('./commands/affected')).registerAffected,
  ci: () => (require('./commands/ci') as typeof import('./commands/ci')).registerCi,
  plan: () => (require('./commands/plan') as typeof import('./commands/plan')).registerPlan,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface RunOptions {
  /** Where output goes and which environment the command sees. @default the process's stdout, stderr and env */
  readonly terminal?: Terminal;
  /**
   * Contract rules to run on every mesh that loads.
   * @default evaluateContractRules: the built-in rules with the mesh's policies and custom rules
   */
  readonly evaluateRules?: ContractRuleEvaluator;
}

/** Runs one command line (without `node` and the script name) and returns its exit code. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<ExitCode> {
  const terminal = options.terminal ?? processTerminal();
  let code: ExitCode = EXIT_OK;
  const evaluateRules = options.evaluateRules ?? evaluateContractRules;
  const program = createProgram(
    { terminal, evaluateRules, exit: (c) => (code = c) },
    argv.find((arg) => !arg.startsWith('-')),
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Help and --version end through here with code 0; every other parse error is a usage error.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof UsageError) {
      const style = styleFor(terminal.errIsTTY, terminal.env);
      terminal.err(`${style.red('error:')} ${error.message}\n${error.hint ? `    hint: ${error.hint}\n` : ''}`);
      return EXIT_USAGE;
    }
    if (error instanceof OutputError) {
      const style = styleFor(terminal.errIsTTY, terminal.env);
      terminal.err(`${style.red('error:')} ${error.message}\n    hint: ${error.hint}\nnothing was written.\n`);
      return EXIT_FINDINGS;
    }
    throw error;
  }
  return code;
}

/**
 * The program with every command, or only with `command` when that names one: a command line
 * runs one command, and the others' modules (the catalog page, ajv for merged catalogs, the
 * workflow writer...) are a third of what `validate` would otherwise load before it starts.
 * Help, `--version` and unknown commands get them all, so help and suggestions stay complete.
 */
export function createProgram(context: CliContext, command?: string): Command {
  const { terminal } = context;
  const program = new Command('datamesh')
    .description('Data product contracts to governed AWS infrastructure: validate contracts, scaffold new ones, publish the catalog.')
    .version(version, '-V, --version')
    // Settings below are inherited by every subcommand registered after them.
    .exitOverride()
    .configureOutput({
      writeOut: terminal.out,
      writeErr: terminal.err,
      outputError: (text, write) => write(styleFor(terminal.errIsTTY, terminal.env).red(text)),
    })
    .showHelpAfterError('(add --help for usage and examples)')
    .configureHelp({ showGlobalOptions: false })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 findings or invalid input, 2 usage error.
Environment:
  DATAMESH_CONTRACTS   contracts folder (default: the folder holding platform.yaml,
                       found walking up from the working folder, as git finds a repository)
  DATAMESH_ENV         environment for names in the catalog (default: dev)
  DATAMESH_DOMAINS     domains a synthesis builds, comma-separated (default: all)
  NO_COLOR             no colors (colors are only ever used on a terminal)

Examples:
  $ datamesh validate                       check every contract in ./contracts
  $ datamesh new sales/returns              scaffold contracts/sales/returns.yaml
  $ datamesh catalog --out site/            write catalog.json and index.html
  $ datamesh export odcs contracts/sales/orders.yaml
  $ datamesh diff --base origin/main        breaking changes and version bumps since main
  $ datamesh rules payments                 the governance rules in force for a domain
  $ datamesh registry pack --package-version 1.2.0  the mesh registry package for domain repositories
  $ datamesh affected --base origin/main    the stacks a change touches, for CI
  $ datamesh ci github                      write .github/workflows/datamesh.yml
  $ datamesh plan sales --offline           a domain's plan without AWS credentials
  $ datamesh <command> --help               options and examples of one command`,
    );
  // Without an action of its own, the program answers no command at all with its help on
  // stderr, and an unknown command with a suggestion: both usage errors.
  const names = command !== undefined && Object.hasOwn(COMMANDS, command) ? [command] : Object.keys(COMMANDS);
  for (const name of names) COMMANDS[name]()(program, context);
  return program;
}

/** The process edge: real stdout/stderr, real exit code. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`datamesh: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_FINDINGS;
    },
  );
}

/**
 * `datamesh plan <domain> --offline`: one domain's Terraform plan with mock credentials. The
 * synthesis behind it needs cdktf, which this file only loads when the command runs, so the rest
 * of the CLI (validate above all) stays off cdktf.
 */
import type { Command } from 'commander';
import { loadMesh } from '../../contract/mesh';
import { closestMatch } from '../../contract/suggest';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { contractsOption, existingContractsDir } from '../options';
import { styleFor } from '../terminal';
import { display } from '../validation';

interface PlanOptions {
  readonly offline?: boolean;
  readonly contracts?: string;
  readonly env?: string;
}

export function registerPlan(program: Command, context: CliContext): void {
  program
    .command('plan')
    .description('plan one domain stack without AWS credentials (--offline): what its contracts become, before it has an account')
    .argument('<domain>', 'the domain whose stack to plan')
    .option('--offline', 'mock credentials, local state, no refresh: the only mode so far')
    .addOption(contractsOption())
    .option('--env <environment>', 'environment to plan (default: $DATAMESH_ENV, else dev)')
    .addHelpText(
      'after',
      `
Synthesizes the domain alone into a temporary folder (cdktf.out is not touched), adds mock AWS
credentials and a local backend beside it, and runs terraform init and plan without refresh.
Every resource shows as to be created: nothing is read from AWS. Needs Terraform >= 1.10, and the
network once to fetch the AWS provider unless a provider mirror is configured.

Examples:
  $ datamesh plan sales --offline
  $ datamesh plan sales --offline --env prod`,
    )
    .action(async (domain: string, options: PlanOptions) => {
      context.exit(await runPlan(domain, options, context));
    });
}

async function runPlan(domain: string, options: PlanOptions, { terminal }: CliContext): Promise<ExitCode> {
  if (!options.offline)
    throw new UsageError('only offline plans are supported', 'add --offline; with credentials, run `DATAMESH_DOMAINS=<domain> npx cdktf synth` and terraform plan in cdktf.out/stacks/<domain>');
  const dir = existingContractsDir(options.contracts, terminal.env);
  // A domain the mesh does not have is a bad argument, as in `rules` and `new`. A mesh that does
  // not load is left to the synthesis below, which reports its errors.
  const names = loadMesh(dir).value?.domains.map((d) => d.name);
  if (names && !names.includes(domain)) {
    const suggestion = closestMatch(domain, names);
    throw new UsageError(`unknown domain ${JSON.stringify(domain)} in ${display(dir)}`, `${suggestion ? `did you mean "${suggestion}"? ` : ''}domains: ${names.join(', ')}`);
  }
  // Loaded here, not at the top: it brings cdktf and the provider classes with it.
  const { planOffline } = await import('../../plan/offline-plan');
  const result = planOffline({ contractsDir: dir, domain, environment: options.env ?? terminal.env.DATAMESH_ENV ?? 'dev', write: terminal.out });
  if (result.failure) terminal.err(`${styleFor(terminal.errIsTTY, terminal.env).red('error:')} ${result.failure}\n`);
  return result.code === 0 ? EXIT_OK : EXIT_FINDINGS;
}

/** `datamesh ci github`: writes the GitHub Actions workflow that plans and applies the affected stacks. */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { loadMesh } from '../../contract/mesh';
import { ownDomains } from '../../contract/registry';
import { githubWorkflow, WorkflowError } from '../../ci/github-workflow';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { existingContractsDir } from '../options';
import { outputError, writeOutputFile } from '../output-file';
import { formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';

const DEFAULT_OUT = path.join('.github', 'workflows', 'datamesh.yml');

interface CiGithubOptions {
  readonly out: string;
  readonly force?: boolean;
  readonly env?: string;
  readonly branch: string;
}

export function registerCi(program: Command, context: CliContext): void {
  const ci = program
    .command('ci')
    .description('write the CI configuration that plans and applies the stacks')
    .addHelpText(
      'after',
      `
Examples:
  $ datamesh ci github                 writes .github/workflows/datamesh.yml
  $ datamesh ci github --help          its options`,
    );
  ci.command('github')
    .description('write a GitHub Actions workflow: validate, diff and plan affected stacks on pull requests, apply them on the default branch')
    .argument('[contracts]', 'contracts folder (default: $DATAMESH_CONTRACTS, else the folder with platform.yaml found walking up from here)')
    .option('--out <file>', 'where to write the workflow, relative to the repository root you run this from', DEFAULT_OUT)
    .option('--force', 'overwrite an existing file')
    .option('--env <environment>', 'environment the workflow deploys (default: $DATAMESH_ENV, else dev)')
    .option('--branch <name>', 'default branch: pull requests into it are planned, pushes to it applied', 'main')
    .addHelpText(
      'after',
      `
Run it from the repository root. Needs deployRoleName and an S3 backend with useLockfile in
platform.yaml: each job assumes arn:aws:iam::<domain account>:role/<deployRoleName> through
GitHub OIDC and keeps its state in S3. Regenerate (--force) when a domain, account or region changes.

Examples:
  $ datamesh ci github
  $ datamesh ci github --env prod --branch release --out .github/workflows/datamesh-prod.yml`,
    )
    .action((contracts: string | undefined, options: CiGithubOptions) => {
      context.exit(runCiGithub(contracts, options, context));
    });
}

function runCiGithub(contracts: string | undefined, options: CiGithubOptions, { terminal }: CliContext): ExitCode {
  const dir = existingContractsDir(contracts, terminal.env);
  const contractsPath = path.relative(process.cwd(), dir).split(path.sep).join('/') || '.';
  if (contractsPath.startsWith('..') || path.isAbsolute(contractsPath))
    throw new UsageError(`the contracts folder ${dir} is outside the working folder`, 'run datamesh ci github from the root of the repository that holds the contracts');
  const out = path.resolve(options.out);
  if (fs.existsSync(out) && !options.force) throw new UsageError(`${options.out} exists; not overwritten`, 'pass --force to replace it, or --out to write elsewhere');
  const { value: mesh, errors } = loadMesh(dir);
  const style = styleFor(terminal.errIsTTY, terminal.env);
  if (!mesh) {
    const findings = errors.map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\nno workflow was written.\n`);
    return EXIT_FINDINGS;
  }
  const environment = options.env ?? terminal.env.DATAMESH_ENV ?? 'dev';
  if (!mesh.platform.environments.includes(environment))
    throw new UsageError(`environment "${environment}" is not declared in platform.yaml`, `pass --env with one of ${mesh.platform.environments.join(', ')}`);
  let workflow: string;
  try {
    // Only the domains this repository builds: the registry's others deploy from their own.
    workflow = githubWorkflow({ platform: mesh.platform, domains: ownDomains(mesh) }, { environment, defaultBranch: options.branch, contractsPath });
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    terminal.err(`${style.red('error:')} ${error.message}\n    hint: ${error.hint}\nno workflow was written.\n`);
    return EXIT_FINDINGS;
  }
  const hint = 'pass --out a file path under a folder you may write to';
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
  } catch (error) {
    throw outputError(error, options.out, hint);
  }
  writeOutputFile(out, workflow, options.out, hint);
  const built = ownDomains(mesh).length;
  terminal.out(`wrote ${options.out}: plans the affected stacks of ${built} domain${built === 1 ? '' : 's'} on pull requests into ${options.branch}, applies them on push (${environment})\n`);
  return EXIT_OK;
}

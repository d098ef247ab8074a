/**
 * `datamesh registry pack`: the platform repository publishes its mesh (platform.yaml and every
 * domain's registry entry, no contracts) as a versioned npm package that domain repositories
 * install and point at from their own platform.yaml.
 */
import * as path from 'path';
import * as semver from 'semver';
import { Option, type Command } from 'commander';
import { loadMesh } from '../../contract/mesh';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings } from '../findings';
import { contractsOption, existingContractsDir, outputFormatOption, type OutputFormat } from '../options';
import { formatFinding, formatSummary } from '../report';
import { PACKAGE_NAME, packRegistry } from '../registry-package';
import { styleFor } from '../terminal';
import { display, validatePaths } from '../validation';

interface PackOptions {
  readonly packageVersion?: string;
  readonly name?: string;
  readonly out: string;
  readonly contracts?: string;
  readonly format: OutputFormat;
}

export function registerRegistry(program: Command, context: CliContext): void {
  const registry = program
    .command('registry')
    .description("the mesh registry: platform.yaml and every domain's registry entry, as an npm package for domain repositories")
    .addHelpText(
      'after',
      `
Examples:
  $ datamesh registry pack --package-version 1.2.0 --out dist/   dist/acme-mesh-registry-1.2.0.tgz
  $ datamesh registry pack --help                                its options`,
    );
  registry
    .command('pack')
    .description('validate the mesh, then pack platform.yaml and every domain.yaml (never a contract) into an npm tarball')
    .addOption(new Option('--package-version <semver>', 'version of the registry package, e.g. 1.2.0 (--version is the version of datamesh itself)').makeOptionMandatory())
    .addOption(new Option('--name <package>', 'npm package name (default: @<organization>/mesh-registry)'))
    .addOption(new Option('--out <dir>', 'folder to write the .tgz to').default('.'))
    .addOption(contractsOption())
    .addOption(outputFormatOption())
    .addHelpText(
      'after',
      `
Nothing is written when the mesh has an error (exit 1). Publish the tarball with npm publish, or
hand it to domain repositories, which install it (npm install <tarball>) and point at it from their
platform.yaml: registry: { package: "@acme/mesh-registry", version: "^1.2.0" }.

Examples:
  $ datamesh registry pack --package-version 1.2.0 --out dist/
  $ datamesh registry pack --package-version 1.3.0 --name @acme/mesh-registry --format json`,
    )
    .action((options: PackOptions) => {
      context.exit(runPack(options, context));
    });
}

function runPack(options: PackOptions, { terminal, evaluateRules }: CliContext): ExitCode {
  const version = semver.valid(options.packageVersion ?? '');
  if (!version || version !== options.packageVersion) throw new UsageError(`--package-version ${JSON.stringify(options.packageVersion)} is not a semver version`, 'give a version such as 1.2.0');
  if (options.name !== undefined && (!PACKAGE_NAME.test(options.name) || options.name.length > 214)) {
    throw new UsageError(`--name ${JSON.stringify(options.name)} is not an npm package name`, 'use a lowercase name such as @acme/mesh-registry');
  }
  const contracts = existingContractsDir(options.contracts, terminal.env);
  const style = styleFor(terminal.errIsTTY, terminal.env);
  // The same checks as `datamesh validate`: an invalid mesh would break every domain repository.
  const report = validatePaths([contracts], evaluateRules);
  const counts = countFindings(report.findings);
  const { value: mesh } = loadMesh(contracts);
  if (counts.errors > 0 || !mesh) {
    const errors = report.findings.filter((f) => f.severity === 'error');
    terminal.err(`${[...errors.map((f) => formatFinding(f, style)), formatSummary(counts, report.products, style)].join('\n')}\nnothing was packed.\n`);
    return EXIT_FINDINGS;
  }
  if (mesh.registry) {
    terminal.err(
      `${style.red('error:')} ${display(path.join(contracts, 'platform.yaml'))} points at the registry ${mesh.registry.package}: this is a domain repository\n    hint: pack the registry in the platform repository, whose platform.yaml holds the settings\n`,
    );
    return EXIT_FINDINGS;
  }
  const name = options.name ?? `@${mesh.platform.organization}/mesh-registry`;
  let packed;
  try {
    packed = packRegistry(contracts, mesh, name, version, path.resolve(options.out));
  } catch (error) {
    // npm missing or failing, or --out not writable: the tarball is moved into --out last, so nothing is half-written.
    const reason = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    terminal.err(
      `${style.red('error:')} could not pack the registry: ${reason.split('\n')[0]}\n    hint: run datamesh where npm is on the PATH (it comes with Node.js), with --out a folder it may write to\nnothing was packed.\n`,
    );
    return EXIT_FINDINGS;
  }
  if (options.format === 'json') {
    terminal.out(`${JSON.stringify({ name: packed.name, version: packed.version, tarball: packed.tarball, domains: packed.domains, files: packed.files }, null, 2)}\n`);
  } else {
    const out = styleFor(terminal.outIsTTY, terminal.env);
    terminal.out(`${out.green('packed')} ${packed.name}@${packed.version} into ${display(packed.tarball)}: platform.yaml and ${packed.domains.length} domain entries (${packed.domains.join(', ')})\n`);
  }
  return EXIT_OK;
}

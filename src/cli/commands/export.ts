/** `datamesh export odcs <file>`: any contract, native or ODCS, as ODCS v3.2.0, v3.1.0 or v3.0.2 YAML. */
import * as fs from 'fs';
import * as path from 'path';
import { Option, type Command } from 'commander';
import { loadDomainFile, loadPlatformFile, loadProductFile } from '../../contract/mesh';
import type { ContractError } from '../../contract/errors';
import { effectivePlatformFile, readPlatformKind } from '../../contract/registry';
import type { DataProductSpec } from '../../contract/model';
import { exportOdcs, odcsExportErrors, odcsExportLosses, ODCS_EXPORT_VERSIONS, type OdcsExportOptions, type OdcsExportVersion } from '../../contract/odcs';
import { DATA_PREFIX, glueDatabaseName, productBucketName } from '../../contract/naming';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { writeOutputFile } from '../output-file';
import { formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';
import { display, meshRootOf } from '../validation';

interface ExportOptions {
  readonly out?: string;
  readonly env?: string;
  readonly odcsVersion?: OdcsExportVersion;
}

export function registerExport(program: Command, context: CliContext): void {
  const exportCommand = program
    .command('export')
    .description('write a contract in another format')
    .addHelpText(
      'after',
      `
Examples:
  $ datamesh export odcs contracts/sales/orders.yaml   the contract as ODCS, on stdout
  $ datamesh export odcs --help                        its options`,
    );
  exportCommand
    .command('odcs')
    .description('write a contract (native or ODCS) as ODCS YAML, with our extra fields in customProperties')
    .argument('<file>', 'a data product contract')
    .addOption(new Option('--out <file>', 'write to a file instead of stdout'))
    .addOption(new Option('--env <environment>', 'environment whose bucket and database the server entry names (default: $DATAMESH_ENV, else dev)'))
    .addOption(new Option('--odcs-version <version>', 'ODCS version to write (default: the newest whose schema accepts the output)').choices([...ODCS_EXPORT_VERSIONS]))
    .addHelpText(
      'after',
      `
Inside a contracts folder (one with platform.yaml above the file), the ODCS server entry names the
product's bucket location and Glue database for --env (exit 1, nothing exported, when its
platform.yaml or domain.yaml does not load). Outside one, no server entry is written.
Without --odcs-version the newest version whose schema accepts the output is written (v3.2.0,
else v3.1.0, else v3.0.2); what an older version has no field for is named on stderr.

Examples:
  $ datamesh export odcs contracts/sales/orders.yaml
  $ datamesh export odcs contracts/sales/orders.yaml --odcs-version v3.1.0
  $ datamesh export odcs contracts/sales/orders.yaml --env prod --out orders.odcs.yaml`,
    )
    .action((file: string, options: ExportOptions) => {
      context.exit(runExport(file, options, context));
    });
}

function runExport(file: string, options: ExportOptions, { terminal }: CliContext): ExitCode {
  const target = path.resolve(file);
  if (!fs.existsSync(target) || !fs.statSync(target).isFile()) throw new UsageError(`no such contract file: ${file}`, 'pass the path of a .yaml contract');
  const { value: spec, errors } = loadProductFile(target);
  const server = spec && serverOptions(target, spec, options.env ?? terminal.env.DATAMESH_ENV ?? 'dev');
  if (!spec || !server || 'errors' in server) {
    const style = styleFor(terminal.errIsTTY, terminal.env);
    const findings = (server && 'errors' in server ? server.errors : errors).map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\nnothing was exported.\n`);
    return EXIT_FINDINGS;
  }
  const yaml = exportOdcs(spec, { ...server, odcsVersion: options.odcsVersion });
  if (options.odcsVersion) {
    // Asked for a version: its schema must accept what was written, and what it cannot say is named.
    const invalid = odcsExportErrors(yaml, options.odcsVersion);
    if (invalid.length > 0) {
      terminal.err(`${invalid.map((e) => `${e.path}: ${e.message}`).join('\n')}\nthe ODCS ${options.odcsVersion} schema does not accept the export; nothing was exported.\n`);
      return EXIT_FINDINGS;
    }
    for (const loss of odcsExportLosses(spec, options.odcsVersion)) terminal.err(`warning: ${loss}\n`);
  }
  if (options.out) {
    writeOutputFile(options.out, yaml, options.out, 'pass --out a file path in an existing folder you may write to');
    terminal.err(`wrote ${options.out}\n`);
  } else {
    terminal.out(yaml);
  }
  return EXIT_OK;
}

/**
 * The physical names of the product in its mesh, when the file is part of one. A mesh whose
 * platform.yaml or domain.yaml does not load is an error, not a reason to leave the names out:
 * the export would otherwise depend on whether, say, the registry package happens to be installed.
 */
function serverOptions(file: string, spec: DataProductSpec, environment: string): OdcsExportOptions | { readonly errors: readonly ContractError[] } {
  const root = meshRootOf(file);
  if (!root) return {};
  const own = path.join(root, 'platform.yaml');
  const kind = readPlatformKind(own, display(own));
  if (kind.kind === 'pointer' && kind.errors.length > 0) return { errors: kind.errors };
  // In a domain repository, the platform settings are the mesh registry's.
  const { value: platform, errors } = loadPlatformFile(effectivePlatformFile(root));
  if (!platform) return { errors };
  if (!platform.environments.includes(environment)) {
    throw new UsageError(`environment "${environment}" is not declared in ${path.join(root, 'platform.yaml')}`, `use one of ${platform.environments.join(', ')}`);
  }
  const { value: domain, errors: domainErrors } = loadDomainFile(path.join(root, spec.domain, 'domain.yaml'));
  if (!domain) return { errors: domainErrors };
  const names = { organization: platform.organization, environment, domain: spec.domain };
  return {
    location: `s3://${productBucketName(names, spec.name)}/${DATA_PREFIX}`,
    database: glueDatabaseName(names),
    account: domain.account,
    environment,
  };
}

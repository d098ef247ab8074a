/** `datamesh catalog`: catalog.json and the static index.html of every product of a mesh. */
import * as path from 'path';
import { Option, type Command } from 'commander';
import { buildCatalog } from '../../catalog/build-catalog';
import { writeCatalog } from '../../catalog/write-catalog';
import { loadMesh } from '../../contract/mesh';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { contractsDir, contractsOption, outputFormatOption, type OutputFormat } from '../options';
import { formatFinding, formatSummary } from '../report';
import { styleFor } from '../terminal';
import { display } from '../validation';

/** Where `cdktf synth` puts the catalog too, so one command line serves both. */
const DEFAULT_OUT = path.join('cdktf.out', 'catalog');

interface CatalogOptions {
  readonly out: string;
  readonly contracts?: string;
  readonly env?: string;
  readonly format: OutputFormat;
}

export function registerCatalog(program: Command, context: CliContext): void {
  program
    .command('catalog')
    .description('write catalog.json and a static, searchable index.html of every data product')
    .addOption(new Option('--out <dir>', 'folder to write catalog.json and index.html to').default(DEFAULT_OUT))
    .addOption(contractsOption())
    .addOption(new Option('--env <environment>', 'environment whose bucket and database names to show (default: $DATAMESH_ENV, else dev)'))
    .addOption(outputFormatOption())
    .addHelpText(
      'after',
      `
Nothing is written when a contract does not load (exit 1). Products with governance errors are
catalogued, marked as failing. Open index.html straight from disk: it needs no server or network.

Examples:
  $ datamesh catalog                                 into cdktf.out/catalog/
  $ datamesh catalog --out public/catalog --env prod
  $ datamesh catalog --format json                   print what was written, for scripts`,
    )
    .action((options: CatalogOptions) => {
      context.exit(runCatalog(options, context));
    });
}

function runCatalog(options: CatalogOptions, { terminal, evaluateRules }: CliContext): ExitCode {
  const contracts = contractsDir(options.contracts, terminal.env);
  const { value: mesh, errors } = loadMesh(contracts);
  if (!mesh) {
    const style = styleFor(terminal.errIsTTY, terminal.env);
    const findings = errors.map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\nno catalog was written.\n`);
    return EXIT_FINDINGS;
  }
  const environment = options.env ?? terminal.env.DATAMESH_ENV ?? 'dev';
  if (!mesh.platform.environments.includes(environment)) {
    throw new UsageError(`environment "${environment}" is not declared in ${mesh.platform.source.file}`, `use one of ${mesh.platform.environments.join(', ')}`);
  }
  const catalog = buildCatalog(mesh, { environment, findings: evaluateRules(mesh) });
  const written = writeCatalog(catalog, path.resolve(options.out));
  const failing = catalog.products.filter((p) => p.governance.status === 'fail').map((p) => p.id);
  if (options.format === 'json') {
    const summary = { json: written.json, html: written.html, environment, products: catalog.products.length, domains: catalog.domains.length, governanceEvaluated: catalog.governanceEvaluated, failing };
    terminal.out(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const style = styleFor(terminal.outIsTTY, terminal.env);
    const lines = [`${style.green('wrote')} ${display(written.json)} and ${display(written.html)} (${catalog.products.length} products in ${catalog.domains.length} domains, ${environment})`];
    if (failing.length > 0) lines.push(style.yellow(`governance errors in ${failing.join(', ')}: run datamesh validate for the details`));
    terminal.out(`${lines.join('\n')}\n`);
  }
  return EXIT_OK;
}

/**
 * `datamesh catalog`: catalog.json and the static index.html of every product of a mesh, or, with
 * --merge, of the catalogs several domain repositories wrote.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Option, type Command } from 'commander';
import { buildCatalog } from '../../catalog/build-catalog';
import type { Catalog } from '../../catalog/catalog';
import { mergeCatalogs } from '../../catalog/merge-catalogs';
import { writeCatalog } from '../../catalog/write-catalog';
import { loadMesh } from '../../contract/mesh';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { countFindings, loadErrorFinding } from '../findings';
import { contractsOption, existingContractsDir, outputFormatOption, type OutputFormat } from '../options';
import { outputError } from '../output-file';
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
  readonly merge?: string[];
}

/** A catalog.json of 100 domains x 100 products is about 30 MB; anything far larger is not one. */
const MAX_CATALOG_BYTES = 256 * 1024 * 1024;

export function registerCatalog(program: Command, context: CliContext): void {
  program
    .command('catalog')
    .description('write catalog.json and a static, searchable index.html of every data product')
    .addOption(new Option('--out <dir>', 'folder to write catalog.json and index.html to').default(DEFAULT_OUT))
    .addOption(contractsOption())
    .addOption(new Option('--env <environment>', 'environment whose bucket and database names to show (default: $DATAMESH_ENV, else dev)'))
    .addOption(outputFormatOption())
    .addOption(new Option('--merge <catalog.json...>', 'merge the catalog.json files of several repositories into one catalog, with the graph across them'))
    .addHelpText(
      'after',
      `
Nothing is written when a contract does not load (exit 1). Products with governance errors are
catalogued, marked as failing. Open index.html straight from disk: it needs no server or network.
--out must lie outside the contracts folder (exit 2), where datamesh validate would read it.

With --merge, the files are checked (schema, one mesh and environment, each product id in one
file only) and nothing is written when one is wrong (exit 1); the result does not depend on the
order of the files.

Examples:
  $ datamesh catalog                                 into cdktf.out/catalog/
  $ datamesh catalog --merge sales/catalog.json payments/catalog.json --out site/
  $ datamesh catalog --out public/catalog --env prod
  $ datamesh catalog --format json                   print what was written, for scripts`,
    )
    .action((options: CatalogOptions) => {
      context.exit(runCatalog(options, context));
    });
}

function runCatalog(options: CatalogOptions, context: CliContext): ExitCode {
  if (options.merge) return runMerge(options.merge, options, context);
  const { terminal, evaluateRules } = context;
  const contracts = existingContractsDir(options.contracts, terminal.env);
  const out = path.resolve(options.out);
  const inside = path.relative(contracts, out);
  // Run from inside the mesh, even the default cdktf.out/catalog lands there, and the loader
  // then reports cdktf.out as a domain folder without domain.yaml: the next validate fails.
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    throw new UsageError(
      `--out ${display(out)} is inside the contracts folder ${display(contracts)}: datamesh validate would read it`,
      'pass --out a folder outside the contracts folder, or run datamesh from the repository root',
    );
  }
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
  return report(catalog, options, environment, context);
}

function runMerge(files: readonly string[], options: CatalogOptions, context: CliContext): ExitCode {
  const { terminal } = context;
  if (options.contracts !== undefined || options.env !== undefined)
    throw new UsageError('--merge reads catalog.json files: --contracts and --env do not apply', 'leave them out; each catalog was written for its environment already');
  const resolved = [...new Set(files.map((f) => path.resolve(f)))];
  const missing = resolved.filter((f) => !fs.existsSync(f) || !fs.statSync(f).isFile());
  if (missing.length > 0) throw new UsageError(`no such file: ${missing.map(display).join(', ')}`, 'pass the catalog.json files that datamesh catalog or cdktf synth wrote');
  const tooLarge = resolved.filter((f) => fs.statSync(f).size > MAX_CATALOG_BYTES);
  const merged =
    tooLarge.length > 0
      ? {
          errors: tooLarge.map((f) => ({
            file: display(f),
            line: 1,
            column: 1,
            path: '',
            message: `larger than ${MAX_CATALOG_BYTES} bytes: not a catalog.json`,
            hint: 'pass the catalog.json that datamesh catalog wrote',
          })),
        }
      : mergeCatalogs(resolved.map((f) => ({ file: display(f), text: fs.readFileSync(f, 'utf8') })));
  if (!merged.catalog) {
    const style = styleFor(terminal.errIsTTY, terminal.env);
    const findings = merged.errors.map((e) => loadErrorFinding(e));
    terminal.err(`${[...findings.map((f) => formatFinding(f, style)), formatSummary(countFindings(findings), undefined, style)].join('\n')}\nno catalog was written.\n`);
    return EXIT_FINDINGS;
  }
  return report(merged.catalog, options, merged.catalog.environment, context, resolved.length);
}

/** Writes the catalog and says what was written. */
function report(catalog: Catalog, options: CatalogOptions, environment: string, { terminal }: CliContext, merged?: number): ExitCode {
  let written: ReturnType<typeof writeCatalog>;
  try {
    written = writeCatalog(catalog, path.resolve(options.out));
  } catch (error) {
    throw outputError(error, options.out, 'pass --out a folder, or a path where one can be created, that you may write to');
  }
  const failing = catalog.products.filter((p) => p.governance.status === 'fail').map((p) => p.id);
  if (options.format === 'json') {
    const summary = {
      json: written.json,
      html: written.html,
      environment,
      ...(merged !== undefined ? { merged } : {}),
      products: catalog.products.length,
      domains: catalog.domains.length,
      governanceEvaluated: catalog.governanceEvaluated,
      failing,
    };
    terminal.out(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const style = styleFor(terminal.outIsTTY, terminal.env);
    const lines = [
      `${style.green('wrote')} ${display(written.json)} and ${display(written.html)} (${catalog.products.length} products in ${catalog.domains.length} domains, ${environment}${merged !== undefined ? `, merged from ${merged} catalogs` : ''})`,
    ];
    if (failing.length > 0) lines.push(style.yellow(`governance errors in ${failing.join(', ')}: run datamesh validate for the details`));
    terminal.out(`${lines.join('\n')}\n`);
  }
  return EXIT_OK;
}

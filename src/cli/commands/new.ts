/** `datamesh new <domain>/<product>`: scaffold a contract that validates and synthesizes as it is. */
import * as fs from 'fs';
import * as path from 'path';
import { Option, type Command } from 'commander';
import { formatContractError } from '../../contract/errors';
import { loadDomainFile, loadProductFile } from '../../contract/mesh';
import { closestMatch } from '../../contract/suggest';
import type { CliContext } from '../main';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { contractsDir, contractsOption } from '../options';
import { outputError } from '../output-file';
import { CONTRACT_FORMATS, skeletonFor, type ContractFormat } from '../templates/skeleton';
import { styleFor } from '../terminal';
import { display } from '../validation';

/** The schema's rule for domain and product names. */
const SNAKE_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export function registerNew(program: Command, context: CliContext): void {
  program
    .command('new')
    .description('scaffold a data product contract in <contracts>/<domain>/<product>.yaml (never overwrites)')
    .argument('<domain/product>', 'the new product, e.g. sales/returns (snake_case names; the domain must exist)')
    .addOption(new Option('--format <format>', 'contract format').choices([...CONTRACT_FORMATS]).default('native'))
    .addOption(contractsOption())
    .addHelpText(
      'after',
      `
The owner comes from <contracts>/<domain>/domain.yaml. The skeleton validates and synthesizes as it
is: change its description and columns, then run datamesh validate.

Examples:
  $ datamesh new sales/returns                          contracts/sales/returns.yaml
  $ datamesh new sales/returns --format odcs            contracts/sales/returns.odcs.yaml (ODCS v3.1.0)
  $ datamesh new payments/settlements --contracts ../mesh/contracts`,
    )
    .action((target: string, options: { format: ContractFormat; contracts?: string }) => {
      context.exit(runNew(target, options.format, contractsDir(options.contracts, context.terminal.env), context));
    });
}

function runNew(target: string, format: ContractFormat, contracts: string, { terminal }: CliContext): ExitCode {
  const { domainName, productName } = parseTarget(target);
  const skeleton = skeletonFor(format);
  if (!skeleton) {
    throw new UsageError(`--format ${format} is not available yet`, 'leave out --format to scaffold a native contract');
  }
  if (!fs.existsSync(contracts) || !fs.statSync(contracts).isDirectory()) {
    throw new UsageError(`contracts folder not found: ${display(contracts)}`, 'pass --contracts <dir>, or set DATAMESH_CONTRACTS');
  }
  const domainFile = path.join(contracts, domainName, 'domain.yaml');
  if (!fs.existsSync(domainFile)) throw unknownDomain(domainName, contracts);

  const style = styleFor(terminal.errIsTTY, terminal.env);
  const domain = loadDomainFile(domainFile);
  if (!domain.value) {
    terminal.err(`${style.red('error:')} ${display(domainFile)} is invalid; fix it before adding products to the domain\n${domain.errors.map(formatContractError).join('\n')}\n`);
    return EXIT_FINDINGS;
  }
  const text = skeleton.write({ domain: domain.value, name: productName });

  const file = path.join(contracts, domainName, `${productName}${skeleton.extension}`);
  const taken = existingContract(path.join(contracts, domainName), `${domainName}.${productName}`);
  if (taken) {
    terminal.err(
      `${style.red('error:')} ${display(taken)} already defines ${domainName}.${productName}; datamesh new never overwrites a contract\n    hint: pick another product name, or edit the existing file\n`,
    );
    return EXIT_FINDINGS;
  }
  const created = createExclusive(file, text);
  if (created !== true) {
    terminal.err(`${style.red('error:')} ${created}\n`);
    return EXIT_FINDINGS;
  }
  const out = styleFor(terminal.outIsTTY, terminal.env);
  terminal.out(
    `${out.green('created')} ${display(file)} (${domainName}.${productName}, owner ${domain.value.owner.team})\n` +
      `next: describe the product and its columns, then run\n  datamesh validate ${display(file)}\nit is a draft: nothing is built until you set \`status: active\`\n`,
  );
  return EXIT_OK;
}

function parseTarget(target: string): { domainName: string; productName: string } {
  const parts = target.split('/');
  // Well formed but too long: say so, rather than a snake_case hint the name already follows.
  const long = parts.length === 2 ? parts.find((part) => part.length > 64 && /^[a-z][a-z0-9_]*$/.test(part)) : undefined;
  if (long !== undefined) {
    throw new UsageError(`the name "${long.slice(0, 64)}..." is ${long.length} characters long; a domain or product name has at most 64`, 'shorten it');
  }
  if (parts.length !== 2 || !SNAKE_NAME.test(parts[0]) || !SNAKE_NAME.test(parts[1])) {
    throw new UsageError(`"${target}" is not <domain>/<product>`, 'write both names in snake_case, e.g. sales/order_returns');
  }
  if (parts[1] === 'domain') throw new UsageError('"domain" cannot be a product name: domain.yaml describes the domain itself', 'pick another product name');
  return { domainName: parts[0], productName: parts[1] };
}

function unknownDomain(name: string, contracts: string): UsageError {
  const known = fs
    .readdirSync(contracts, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(contracts, entry.name, 'domain.yaml')))
    .map((entry) => entry.name)
    .sort();
  const suggestion = closestMatch(name, known);
  const hint = suggestion ? `did you mean "${suggestion}"?` : known.length ? `known domains: ${known.join(', ')}` : 'create <domain>/domain.yaml first (see the README)';
  return new UsageError(`domain "${name}" does not exist in ${display(contracts)} (no ${name}/domain.yaml)`, hint);
}

/** A file of the domain that already is this product: same file name, or same id in another file. */
function existingContract(folder: string, id: string): string | undefined {
  const name = id.split('.')[1];
  for (const ext of ['.yaml', '.yml', '.odcs.yaml', '.odcs.yml']) {
    if (fs.existsSync(path.join(folder, name + ext))) return path.join(folder, name + ext);
  }
  return fs
    .readdirSync(folder)
    .filter((entry) => /\.ya?ml$/.test(entry) && entry !== 'domain.yaml')
    .map((entry) => path.join(folder, entry))
    .find((file) => loadProductFile(file).value?.id === id);
}

/**
 * Writes `file` only if it does not exist, and only a skeleton that loads: the text is checked
 * in a hidden temporary file (ignored by the loader), then hard-linked into place, which fails
 * rather than replaces when the name was taken meanwhile. Returns true, or what went wrong.
 */
function createExclusive(file: string, text: string): true | string {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const hint = 'run datamesh new as a user who may write to the domain folder';
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
  } catch (error) {
    throw outputError(error, display(file), hint);
  }
  try {
    const check = loadProductFile(temporary);
    if (!check.value) return `the generated skeleton does not load (a bug in datamesh new):\n${check.errors.map(formatContractError).join('\n')}`;
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return `${display(file)} already exists; datamesh new never overwrites a contract`;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw outputError(error, display(file), hint);
      // File systems without hard links: an exclusive copy still never overwrites.
      fs.copyFileSync(temporary, file, fs.constants.COPYFILE_EXCL);
    }
    return true;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

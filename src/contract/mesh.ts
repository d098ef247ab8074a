/**
 * Loads a contracts folder (platform.yaml, <domain>/domain.yaml, <domain>/<product>.yaml) into a
 * validated MeshSpec. Every file is read and checked even after the first failure, so one run
 * reports every error of every file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { normalizeDomain, normalizePlatform } from './config';
import { MISSING_FILE_LINE, sortContractErrors, type ContractError } from './errors';
import { closestMatch } from './suggest';
import type { DataProductSpec, DomainSpec, MeshSpec, PlatformSpec } from './model';
import { columnTypeErrors, normalizeNativeContract } from './native';
import { looksLikeOdcs, unsupportedVersionError } from './odcs/header';
import { normalizeOdcsContract } from './odcs/normalize';
import { validateAgainstSchema } from './schema';
import { physicalNameErrors } from './physical-names';
import { lineageErrors } from './lineage';
import { SourceDocument } from './source';
import { compareText } from './order';

export interface LoadResult<T> {
  readonly value?: T;
  readonly errors: readonly ContractError[];
  /**
   * What is valid but not built or not enforced (an ODCS contract with several tables, a quality
   * check the platform cannot run). They never stop a build; print them next to the errors.
   */
  readonly warnings?: readonly ContractError[];
}

const CONTRACT_EXTENSIONS = new Set(['.yaml', '.yml']);

export function loadMesh(contractsDir: string): LoadResult<MeshSpec> {
  const root = path.resolve(contractsDir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    return { errors: [missingFileError(root, `contracts folder not found`, 'pass an existing folder, or set DATAMESH_CONTRACTS')] };
  }
  const errors: ContractError[] = [];
  const warnings: ContractError[] = [];
  const platformFile = path.join(root, 'platform.yaml');
  const platform = fs.existsSync(platformFile)
    ? collect(loadPlatformFile(platformFile), errors)
    : (errors.push(missingFileError(platformFile, 'missing file: the contracts folder has no platform.yaml', 'create platform.yaml with organization, region and environments (see the README)')), undefined);

  const domains: DomainSpec[] = [];
  const products: DataProductSpec[] = [];
  // Domains whose domain.yaml exists but did not load: their errors are reported already, and
  // references to them should not add "unknown domain" errors on top.
  const brokenDomains = new Set<string>();
  // Domains with a contract that did not load: an input naming one of their products may name it.
  const brokenContracts = new Set<string>();
  for (const folder of listDomainFolders(root)) {
    const domainFile = path.join(folder, 'domain.yaml');
    const folderName = path.basename(folder);
    if (!fs.existsSync(domainFile)) {
      errors.push(missingFileError(domainFile, `missing file: domain folder "${folderName}" has no domain.yaml`, 'add domain.yaml with name, owner and account, or move the folder out of the contracts folder'));
    } else {
      const domain = collect(loadDomainFile(domainFile), errors);
      if (domain && domain.name !== folderName) {
        errors.push({ ...domain.location, path: 'name', message: `domain name "${domain.name}" does not match its folder "${folderName}"`, hint: `set \`name: ${folderName}\` or rename the folder` });
      }
      if (domain) domains.push(domain);
      else brokenDomains.add(folderName);
    }
    for (const file of listContractFiles(folder)) {
      const loaded = loadProductFile(file);
      warnings.push(...(loaded.warnings ?? []));
      const product = collect(loaded, errors);
      if (!product) {
        brokenContracts.add(folderName);
        continue;
      }
      if (product.domain !== folderName) {
        errors.push({ ...product.location, path: 'domain', message: `contract declares domain "${product.domain}" but lives in folder "${folderName}"`, hint: `move the file into the ${product.domain}/ folder, or set \`domain: ${folderName}\`` });
      }
      products.push(product);
    }
  }

  errors.push(...crossFileErrors(domains, products, brokenDomains), ...physicalNameErrors(platform, domains, products), ...lineageErrors(products, new Set([...brokenDomains, ...brokenContracts])));
  if (errors.length > 0 || !platform) return { errors: sortContractErrors(errors), warnings: sortContractErrors(warnings) };
  return {
    errors: [],
    warnings: sortContractErrors(warnings),
    value: {
      platform,
      domains: [...domains].sort((a, b) => compareText(a.name, b.name)),
      products: [...products].sort((a, b) => compareText(a.id, b.id)),
    },
  };
}

export function loadPlatformFile(file: string): LoadResult<PlatformSpec> {
  return loadYaml(file, interpretPlatform);
}

export function loadDomainFile(file: string): LoadResult<DomainSpec> {
  return loadYaml(file, interpretDomain);
}

/** platform.yaml given as text, e.g. read from git at another revision. */
export function loadPlatformText(name: string, text: string): LoadResult<PlatformSpec> {
  return parseYamlMapping(name, text, interpretPlatform);
}

/** A domain.yaml given as text, e.g. read from git at another revision. */
export function loadDomainText(name: string, text: string): LoadResult<DomainSpec> {
  return parseYamlMapping(name, text, interpretDomain);
}

function interpretPlatform(document: SourceDocument, value: unknown): LoadResult<PlatformSpec> {
  const errors = validateAgainstSchema('platform', document, value);
  return errors.length ? { errors } : { value: normalizePlatform(document, value), errors };
}

function interpretDomain(document: SourceDocument, value: unknown): LoadResult<DomainSpec> {
  const errors = validateAgainstSchema('domain', document, value);
  return errors.length ? { errors } : { value: normalizeDomain(document, value), errors };
}

/**
 * A single data product contract, in any supported format: native (`apiVersion: datamesh/v1`) or
 * ODCS v3 (`kind: DataContract`). An ODCS contract without `domain` belongs to its folder's domain.
 */
export function loadProductFile(file: string): LoadResult<DataProductSpec> {
  const text = readText(file);
  if (typeof text !== 'string') return text;
  return loadProductText(displayPath(file), text, path.basename(path.dirname(path.resolve(file))));
}

/**
 * A contract given as text, e.g. read from git at another revision. `name` is how errors refer
 * to it; `folderDomain` is the domain folder it lives in.
 */
export function loadProductText(name: string, text: string, folderDomain: string): LoadResult<DataProductSpec> {
  return parseYamlMapping(name, text, (document, value) => {
    const header = value as { apiVersion?: unknown; kind?: unknown } | null;
    if (header?.apiVersion === 'datamesh/v1' || header?.kind === 'DataProduct') {
      const errors = validateAgainstSchema('data-product', document, value);
      if (errors.length) return { errors: [...errors, ...columnTypeErrors(document, value)] };
      const { spec, errors: normalizeErrors } = normalizeNativeContract(document, value);
      return { value: spec, errors: normalizeErrors };
    }
    if (header && looksLikeOdcs(header)) {
      const unsupported = unsupportedVersionError(document, header.apiVersion);
      if (unsupported) return { errors: [unsupported] };
      const errors = validateAgainstSchema('odcs', document, value);
      if (errors.length) return { errors };
      const { spec, errors: normalizeErrors, warnings } = normalizeOdcsContract(document, value, { folderDomain });
      return { value: spec, errors: normalizeErrors, warnings };
    }
    const found = header && typeof header === 'object' ? `apiVersion ${JSON.stringify(header.apiVersion)}, kind ${JSON.stringify(header.kind)}` : 'no mapping';
    return {
      errors: [
        {
          ...document.locate(['apiVersion'], 'key'),
          path: 'apiVersion',
          message: `not a data product contract (${found})`,
          hint: 'start the file with `apiVersion: datamesh/v1` and `kind: DataProduct`, or with `apiVersion: v3.1.0` and `kind: DataContract` for ODCS',
        },
      ],
    };
  });
}

function loadYaml<T>(file: string, interpret: (document: SourceDocument, value: unknown) => LoadResult<T>): LoadResult<T> {
  const text = readText(file);
  return typeof text === 'string' ? parseYamlMapping(displayPath(file), text, interpret) : text;
}

function readText(file: string): string | LoadResult<never> {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { errors: [fileError(file, `cannot read file: ${(error as Error).message}`, 'check that the file exists and is readable')] };
  }
}

function parseYamlMapping<T>(name: string, text: string, interpret: (document: SourceDocument, value: unknown) => LoadResult<T>): LoadResult<T> {
  const { document, errors } = SourceDocument.parse(name, text);
  if (!document) return { errors };
  const value = document.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { errors: [{ ...document.locate([]), path: '', message: 'the file must hold a YAML mapping', hint: 'start with `apiVersion:` and `kind:` at the top level' }] };
  }
  return interpret(document, value);
}

/** Checks that need more than one file: the product's domain, unique ids, known consumer domains. */
function crossFileErrors(domains: readonly DomainSpec[], products: readonly DataProductSpec[], brokenDomains: ReadonlySet<string>): ContractError[] {
  const errors: ContractError[] = [];
  const domainNames = domains.map((d) => d.name);
  const byName = new Map(domains.map((d) => [d.name, d]));
  const seen = new Map<string, DataProductSpec>();
  for (const product of products) {
    if (!byName.has(product.domain) && !brokenDomains.has(product.domain)) {
      const suggestion = closestMatch(product.domain, domainNames);
      errors.push({ ...product.location, path: 'domain', message: `"${product.domain}" is not a domain of the mesh`, hint: suggestion ? `did you mean "${suggestion}"?` : `known domains: ${domainNames.join(', ')}` });
    }
    const first = seen.get(product.id);
    if (first) {
      errors.push({ ...product.location, path: 'id', message: `product id "${product.id}" is already used by ${first.source.file}`, hint: 'give each product a unique name within its domain' });
    }
    seen.set(product.id, product);
    product.consumers.forEach((consumer, index) => {
      if (consumer.kind !== 'domain') return;
      // An ODCS contract names its consumers in `roles`.
      const path = product.source.format === 'odcs' ? `roles[${index}].role` : `consumers[${index}].domain`;
      const domain = byName.get(consumer.domain);
      if (brokenDomains.has(consumer.domain)) return;
      if (!domain) {
        const suggestion = closestMatch(consumer.domain, domainNames);
        errors.push({ ...consumer.location, path, message: `unknown consumer domain "${consumer.domain}"`, hint: suggestion ? `did you mean "${suggestion}"?` : `known domains: ${domainNames.join(', ')}` });
      } else if (consumer.access === 'read' && domain.roles.consumers.length === 0 && product.status !== 'retired') {
        errors.push({ ...consumer.location, path, message: `domain "${consumer.domain}" declares no consumer roles to grant`, hint: `add roles.consumers to ${domain.source.file}` });
      } else if (consumer.access === 'write' && !domain.roles.producer && product.status !== 'retired') {
        errors.push({ ...consumer.location, path, message: `domain "${consumer.domain}" declares no producer role to grant write access to`, hint: `add roles.producer to ${domain.source.file}` });
      }
    });
  }
  return errors;
}

function listDomainFolders(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
    .map((entry) => path.join(root, entry.name))
    .sort();
}

function listContractFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && CONTRACT_EXTENSIONS.has(path.extname(entry.name)) && entry.name !== 'domain.yaml')
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

function collect<T>(result: LoadResult<T>, errors: ContractError[]): T | undefined {
  errors.push(...result.errors);
  return result.value;
}

/** An error about a file or folder that does not exist: it has no line to point at. */
function missingFileError(file: string, message: string, hint: string): ContractError {
  return { file: displayPath(file), line: MISSING_FILE_LINE, column: MISSING_FILE_LINE, path: '', message, hint };
}

function fileError(file: string, message: string, hint: string): ContractError {
  return { file: displayPath(file), line: 1, column: 1, path: '', message, hint };
}

/** Paths in messages are relative to the working directory when they are inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

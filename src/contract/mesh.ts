/**
 * Loads a contracts folder (platform.yaml, <domain>/domain.yaml, <domain>/<product>.yaml) into a
 * validated MeshSpec. Every file is read and checked even after the first failure, so one run
 * reports every error of every file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { normalizeDomain, normalizePlatform, settingsErrors } from './config';
import { discoverMesh, type DomainFolder } from './discovery';
import { fileTooLarge, MISSING_FILE_LINE, sortContractErrors, type ContractError } from './errors';
import { readContractText } from './input-file';
import { excerpt, MAX_FILE_BYTES, quote } from './limits';
import { crossFileErrors, outlineOf, outlineOfRaw, type ProductOutline } from './cross-file';
import type { DataProductSpec, DomainSpec, MeshSpec, PlatformSpec } from './model';
import { columnTypeErrors, normalizeNativeContract, qualityPatternErrors } from './native';
import { looksLikeOdcs } from './odcs/header';
import { readOdcsContract } from './odcs/read';
import { declaredPlacementErrors } from './placement';
import { validateAgainstSchema } from './schema';
import { physicalNameErrors } from './physical-names';
import { lineageErrors } from './lineage';
import { SourceDocument } from './source';
import { compareText } from './order';
import { inheritedTagClashes, tagKeyErrors, tagKeysOf, type TagLayer } from './tag-keys';
import { fitProduct } from './target-fit';
import { compareWithRegistry, meshRegistry, readPlatformKind, registryDomainFolders, unregisteredDomains, type ResolvedRegistry } from './registry';

export interface LoadResult<T> {
  readonly value?: T;
  readonly errors: readonly ContractError[];
  /**
   * What is valid but not built or not enforced (an ODCS contract with several tables, a quality
   * check the platform cannot run, a file under the contracts folder that is not read). They never
   * stop a build; print them next to the errors.
   */
  readonly warnings?: readonly ContractError[];
  /** Files read (platform.yaml, domain.yaml files and contracts), for the summary line. */
  readonly filesRead?: number;
}

/** A file as read: the result, plus the document and its raw value when the YAML parsed. */
interface ReadFile<T> {
  readonly result: LoadResult<T>;
  readonly document?: SourceDocument;
  readonly raw?: Record<string, unknown>;
}

export function loadMesh(contractsDir: string): LoadResult<MeshSpec> {
  const root = path.resolve(contractsDir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    return { errors: [missingFileError(root, `contracts folder not found`, 'pass an existing folder, or set DATAMESH_CONTRACTS')] };
  }
  const layout = discoverMesh(root, displayPath);
  const errors: ContractError[] = [...layout.errors];
  const warnings: ContractError[] = [...layout.skipped];
  let filesRead = 0;
  const localPlatformFile = path.join(root, 'platform.yaml');
  // A domain repository's platform.yaml may point at the mesh registry instead (registry.ts).
  const kind = fs.existsSync(localPlatformFile) ? readPlatformKind(localPlatformFile, displayPath(localPlatformFile)) : ({ kind: 'platform' } as const);
  // Without its registry, every reference to another domain would be reported as unknown: the registry's errors come alone.
  if (kind.kind === 'pointer' && !kind.registry) return { errors: sortContractErrors([...errors, ...kind.errors]), warnings: sortContractErrors(warnings), filesRead: 1 };
  const registry = kind.kind === 'pointer' ? kind.registry : undefined;
  if (registry) filesRead++;
  const platformFile = registry ? path.join(registry.root, 'platform.yaml') : localPlatformFile;
  let platform: PlatformSpec | undefined;
  let platformTags: TagLayer | undefined;
  if (!fs.existsSync(platformFile)) {
    errors.push(missingFileError(platformFile, 'missing file: the contracts folder has no platform.yaml', 'create platform.yaml with organization, region and environments (see the README)'));
  } else if (!layout.errors.some((e) => e.file === displayPath(platformFile))) {
    const read = guarded(platformFile, () => readPlatform(platformFile));
    filesRead++;
    platform = collect(read.result, errors);
    platformTags = tagLayer(read, 'in platform.yaml');
  }

  const domains: DomainSpec[] = [];
  const products: ProductOutline[] = [];
  // Domains whose domain.yaml exists but did not load: their errors are reported already, and
  // references to them should not add "unknown domain" errors on top.
  const brokenDomains = new Set<string>();
  // Domains with a contract that did not load: an input naming one of their products may name it.
  const brokenContracts = new Set<string>();
  const registryFolders = registry ? registryDomainFolders(registry, displayPath, errors, warnings) : new Map<string, DomainFolder>();
  const localNames = new Set(layout.domains.map((d) => d.name));
  if (registry) warnings.push(...unregisteredDomains(layout.domains, registryFolders, registry, displayPath));
  const folders = [...layout.domains, ...[...registryFolders.values()].filter((f) => !localNames.has(f.name))];
  for (const { folder, name: folderName, contracts } of folders) {
    const domainFile = path.join(folder, 'domain.yaml');
    let domainTags: TagLayer | undefined;
    if (!fs.existsSync(domainFile)) {
      errors.push(
        missingFileError(domainFile, `missing file: domain folder "${folderName}" has no domain.yaml`, 'add domain.yaml with name, owner and account, or move the folder out of the contracts folder'),
      );
      brokenDomains.add(folderName);
    } else if (layout.errors.some((e) => e.file === displayPath(domainFile))) {
      brokenDomains.add(folderName);
    } else {
      const read = guarded(domainFile, () => readDomain(domainFile));
      filesRead++;
      const domain = collect(read.result, errors);
      if (read.document && read.raw) errors.push(...inheritedTagClashes(read.document, read.raw, platformTags ? [platformTags] : []));
      domainTags = tagLayer(read, `in ${displayPath(domainFile)}`);
      const entry = registry && localNames.has(folderName) ? registryFolders.get(folderName) : undefined;
      if (entry && registry && read.document && read.raw) filesRead += checkAgainstEntry(read, path.join(entry.folder, 'domain.yaml'), registry, errors, warnings);
      if (domain && domain.name !== folderName) {
        errors.push({ ...domain.location, path: 'name', message: `domain name "${domain.name}" does not match its folder "${folderName}"`, hint: `set \`name: ${folderName}\` or rename the folder` });
      }
      if (domain) domains.push(domain);
      else brokenDomains.add(folderName);
    }
    for (const file of contracts) {
      const read = guarded(file, () => readProduct(displayPath(file), file, folderName));
      filesRead++;
      warnings.push(...(read.result.warnings ?? []));
      const product = collect(read.result, errors);
      if (!product) brokenContracts.add(folderName);
      if (read.document && read.raw)
        errors.push(
          ...inheritedTagClashes(
            read.document,
            read.raw,
            [platformTags, domainTags].filter((l): l is TagLayer => l !== undefined),
          ),
        );
      // Cross-file checks run on every file that parsed, valid or not, so a second round of
      // errors never waits for the first to be fixed.
      const outline = product ? outlineOf(product) : read.document && read.raw ? outlineOfRaw(read.document, read.raw, folderName) : undefined;
      if (!outline) continue;
      if (outline.domain !== undefined && outline.domain !== folderName) {
        errors.push({
          ...outline.domainLocation,
          path: 'domain',
          message: `contract declares domain "${outline.domain}" but lives in folder "${folderName}"`,
          hint: `move the file into the ${outline.domain}/ folder, or set \`domain: ${folderName}\``,
        });
      }
      products.push(outline);
    }
  }

  const loaded = products.flatMap((p) => (p.spec ? [p.spec] : []));
  const registryOnly = [...registryFolders.keys()].filter((name) => !localNames.has(name)).sort(compareText);
  // Products of registry domains are not known here: an input naming one cannot be checked.
  errors.push(
    ...crossFileErrors(domains, products, brokenDomains),
    ...physicalNameErrors(platform, domains, products),
    ...lineageErrors(loaded, new Set([...brokenDomains, ...brokenContracts, ...registryOnly])),
  );
  if (platform) errors.push(...declaredPlacementErrors(platform, domains, loaded));
  if (errors.length > 0 || !platform) return { errors: sortContractErrors(errors), warnings: sortContractErrors(warnings), filesRead };
  return {
    errors: [],
    warnings: sortContractErrors(warnings),
    filesRead,
    value: {
      platform,
      domains: [...domains].sort((a, b) => compareText(a.name, b.name)),
      products: products.map((p) => p.spec!).sort((a, b) => compareText(a.id, b.id)),
      ...(registry ? { registry: meshRegistry(registry, registryOnly) } : {}),
    },
  };
}

/** A local domain.yaml that the registry also holds: validated both, compared; returns the files read. */
function checkAgainstEntry(local: ReadFile<DomainSpec>, entryFile: string, registry: ResolvedRegistry, errors: ContractError[], warnings: ContractError[]): number {
  if (!fs.existsSync(entryFile)) return 0;
  const entry = guarded(entryFile, () => readDomain(entryFile));
  errors.push(...entry.result.errors);
  if (entry.document && entry.raw) {
    const compared = compareWithRegistry(local.document!, local.raw!, entry.document, entry.raw, registry);
    errors.push(...compared.errors);
    warnings.push(...compared.warnings);
  }
  return 1;
}

export function loadPlatformFile(file: string): LoadResult<PlatformSpec> {
  return guarded(file, () => readPlatform(file)).result;
}

export function loadDomainFile(file: string): LoadResult<DomainSpec> {
  return guarded(file, () => readDomain(file)).result;
}

/** platform.yaml given as text, e.g. read from git at another revision. */
export function loadPlatformText(name: string, text: string): LoadResult<PlatformSpec> {
  return guarded(name, () => parseYamlMapping(name, text, interpretPlatform)).result;
}

/** A domain.yaml given as text, e.g. read from git at another revision. */
export function loadDomainText(name: string, text: string): LoadResult<DomainSpec> {
  return guarded(name, () => parseYamlMapping(name, text, interpretDomain)).result;
}

function readPlatform(file: string): ReadFile<PlatformSpec> {
  return readYaml(file, interpretPlatform);
}

function readDomain(file: string): ReadFile<DomainSpec> {
  return readYaml(file, interpretDomain);
}

function interpretPlatform(document: SourceDocument, value: unknown): LoadResult<PlatformSpec> {
  const errors = [...validateAgainstSchema('platform', document, value), ...settingsErrors(document, value), ...tagKeyErrors(document, value as Record<string, unknown>)];
  return errors.length ? { errors } : { value: normalizePlatform(document, value), errors };
}

function interpretDomain(document: SourceDocument, value: unknown): LoadResult<DomainSpec> {
  const errors = [...validateAgainstSchema('domain', document, value), ...settingsErrors(document, value), ...tagKeyErrors(document, value as Record<string, unknown>)];
  return errors.length ? { errors } : { value: normalizeDomain(document, value), errors };
}

/**
 * A single data product contract, in any supported format: native (`apiVersion: datamesh/v1`) or
 * ODCS v3 (`kind: DataContract`). An ODCS contract without `domain` belongs to its folder's domain.
 */
export function loadProductFile(file: string): LoadResult<DataProductSpec> {
  return guarded(file, () => readProduct(displayPath(file), file, path.basename(path.dirname(path.resolve(file))))).result;
}

/**
 * A contract given as text, e.g. read from git at another revision. `name` is how errors refer
 * to it; `folderDomain` is the domain folder it lives in.
 */
export function loadProductText(name: string, text: string, folderDomain: string): LoadResult<DataProductSpec> {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) return { errors: [fileTooLarge(name, Buffer.byteLength(text))] };
  return guarded(name, () => parseProduct(name, text, folderDomain)).result;
}

function readProduct(name: string, file: string, folderDomain: string): ReadFile<DataProductSpec> {
  const read = readContractText(file, name);
  return 'text' in read ? parseProduct(name, read.text, folderDomain) : { result: { errors: read.errors } };
}

function parseProduct(name: string, text: string, folderDomain: string): ReadFile<DataProductSpec> {
  return parseYamlMapping(name, text, (document, value) => {
    const header = value as { apiVersion?: unknown; kind?: unknown } | null;
    if (header?.apiVersion === 'datamesh/v1' || header?.kind === 'DataProduct') {
      const errors = validateAgainstSchema('data-product', document, value);
      const patterns = qualityPatternErrors(document, value);
      const tags = tagKeyErrors(document, value as Record<string, unknown>);
      if (errors.length) return { errors: [...errors, ...columnTypeErrors(document, value), ...patterns, ...tags] };
      const { spec, errors: normalizeErrors } = normalizeNativeContract(document, value);
      return fitToTargets(spec, [...normalizeErrors, ...patterns, ...tags]);
    }
    if (header && looksLikeOdcs(header)) {
      // Each ODCS version is validated by its own schema, then normalized (odcs/read.ts).
      const { spec, errors, warnings } = readOdcsContract(document, value, { folderDomain });
      return { ...fitToTargets(spec, [...errors]), warnings };
    }
    const found = header && typeof header === 'object' ? `apiVersion ${quote(header.apiVersion)}, kind ${quote(header.kind)}` : 'no mapping';
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

/** The model as the AWS services take it: folded comments, bounded durations. */
function fitToTargets(spec: DataProductSpec | undefined, errors: ContractError[]): LoadResult<DataProductSpec> {
  if (!spec) return { errors };
  const fitted = fitProduct(spec);
  const all = [...errors, ...fitted.errors];
  return all.length ? { errors: all } : { value: fitted.spec, errors: [] };
}

function readYaml<T>(file: string, interpret: (document: SourceDocument, value: unknown) => LoadResult<T>): ReadFile<T> {
  const name = displayPath(file);
  const read = readContractText(file, name);
  return 'text' in read ? parseYamlMapping(name, read.text, interpret) : { result: { errors: read.errors } };
}

function parseYamlMapping<T>(name: string, text: string, interpret: (document: SourceDocument, value: unknown) => LoadResult<T>): ReadFile<T> {
  const { document, errors: parseErrors } = SourceDocument.parse(name, text);
  if (!document) return { result: { errors: parseErrors } };
  const value = document.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { result: { errors: [...parseErrors, { ...document.locate([]), path: '', message: 'the file must hold a YAML mapping', hint: 'start with `apiVersion:` and `kind:` at the top level' }] } };
  }
  const result = interpret(document, value);
  const raw = value as Record<string, unknown>;
  // Errors of values (a control character, an inexact number) fail the file, with everything else found in it.
  return { document, raw, result: parseErrors.length ? { errors: [...parseErrors, ...result.errors], warnings: result.warnings } : result };
}

/**
 * Reading a file never throws: whatever a file holds, the answer is an error that names it, not
 * a stack trace. Anything that still throws here is a bug, reported as one.
 */
function guarded<T>(file: string, read: () => ReadFile<T>): ReadFile<T> {
  try {
    return read();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { result: { errors: [fileError(file, `could not be read: ${excerpt(reason)}`, 'this is a bug in datamesh; please report it with this file')] } };
  }
}

function tagLayer(read: ReadFile<unknown>, where: string): TagLayer | undefined {
  const keys = tagKeysOf(read.raw);
  return keys.length > 0 ? { keys, where } : undefined;
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

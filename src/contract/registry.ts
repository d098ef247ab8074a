/**
 * The mesh registry, seen from a domain repository. The platform team publishes platform.yaml and
 * every domain's registry entry (domain.yaml) as an npm package (`datamesh registry pack`); a
 * domain repository's platform.yaml is then only a pointer to it:
 *
 *   registry: { package: "@acme/mesh-registry", version: "^1.2.0" }
 *
 * The package is resolved from node_modules like any dependency, its version checked against the
 * range, and its files read with exactly the checks of a monorepo's files: registry text is as
 * untrusted as a contract. A registry carries domain entries only: a contract inside it is refused,
 * so a registry can never add a product to a repository's stacks.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';
import { discoverMesh, type DomainFolder } from './discovery';
import type { ContractError } from './errors';
import { readContractText } from './input-file';
import { excerpt, quote } from './limits';
import type { DomainSpec, MeshRegistry, MeshSpec, SourceLocation } from './model';
import { validateAgainstSchema } from './schema';
import { SourceDocument } from './source';

/** Where the YAML files sit inside the package: `registry/platform.yaml`, `registry/<domain>/domain.yaml`. */
export const REGISTRY_FOLDER = 'registry';
/** `datamesh.registry` in the package's package.json: the layout version this loader reads. */
export const REGISTRY_FORMAT = 1;
const MAX_MANIFEST_BYTES = 64 * 1024;

export interface RegistryPointer {
  readonly package: string;
  readonly range: string;
  /** Where `registry.package` is written: errors about the installed package point here. */
  readonly location: SourceLocation;
  readonly rangeLocation: SourceLocation;
}

export interface ResolvedRegistry {
  readonly pointer: RegistryPointer;
  /** The installed version, which satisfies the range. */
  readonly version: string;
  /** The folder holding platform.yaml and one folder per domain. */
  readonly root: string;
}

export type PlatformFileKind = { readonly kind: 'platform' } | { readonly kind: 'pointer'; readonly registry?: ResolvedRegistry; readonly errors: readonly ContractError[] };

/**
 * Whether platform.yaml is a registry pointer (a mapping with a `registry` key) and, when it is,
 * the registry it resolves to. Anything else is left to the platform.yaml loader, which reports it.
 */
export function readPlatformKind(file: string, name: string): PlatformFileKind {
  const read = readContractText(file, name);
  if (!('text' in read)) return { kind: 'platform' };
  const { document, value } = pointerDocument(name, read.text);
  if (!document) return { kind: 'platform' };
  const errors = validateAgainstSchema('registry-pointer', document, value);
  if (errors.length > 0) return { kind: 'pointer', errors };
  const { registry } = value as { registry: { package: string; version: string } };
  const pointer: RegistryPointer = { package: registry.package, range: registry.version, location: document.locate(['registry', 'package']), rangeLocation: document.locate(['registry', 'version']) };
  if (semver.validRange(pointer.range) === null) {
    return {
      kind: 'pointer',
      errors: [{ ...pointer.rangeLocation, path: 'registry.version', message: `${quote(pointer.range)} is not a semver range`, hint: 'write a range such as `^1.2.0` or `1.2.x`' }],
    };
  }
  return resolveRegistry(pointer, path.dirname(path.resolve(file)));
}

/** The platform.yaml whose settings a contracts folder uses: the registry's when its own is a pointer that resolves. */
export function effectivePlatformFile(contractsDir: string): string {
  const own = path.join(contractsDir, 'platform.yaml');
  const kind = isFile(own) ? readPlatformKind(own, own) : undefined;
  return kind?.kind === 'pointer' && kind.registry ? path.join(kind.registry.root, 'platform.yaml') : own;
}

/** Whether a platform.yaml text is a registry pointer (a YAML mapping with a `registry` key). */
export function isRegistryPointer(text: string): boolean {
  return pointerDocument('platform.yaml', text).document !== undefined;
}

function pointerDocument(name: string, text: string): { document?: SourceDocument; value?: object } {
  const { document } = SourceDocument.parse(name, text);
  const value = document?.toJS();
  return document && value !== null && typeof value === 'object' && !Array.isArray(value) && 'registry' in value ? { document, value } : {};
}

/** Finds the package the way Node does (node_modules of this folder, then of each folder above) and checks it. */
function resolveRegistry(pointer: RegistryPointer, from: string): PlatformFileKind {
  const packageDir = installedPackage(pointer.package, from);
  if (!packageDir) return { kind: 'pointer', errors: [registryNotInstalled(pointer, from)] };
  const manifestFile = path.join(packageDir, 'package.json');
  const manifest = readManifest(manifestFile);
  if (typeof manifest === 'string') return { kind: 'pointer', errors: [notARegistry(pointer, manifestFile, manifest)] };
  if (manifest.name !== pointer.package) return { kind: 'pointer', errors: [notARegistry(pointer, manifestFile, `its name is ${quote(manifest.name)}`)] };
  if ((manifest.datamesh as { registry?: unknown } | undefined)?.registry !== REGISTRY_FORMAT) {
    return { kind: 'pointer', errors: [notARegistry(pointer, manifestFile, `it has no \`"datamesh": { "registry": ${REGISTRY_FORMAT} }\` entry`)] };
  }
  const version = typeof manifest.version === 'string' ? semver.valid(manifest.version) : null;
  if (!version) return { kind: 'pointer', errors: [notARegistry(pointer, manifestFile, `its version ${quote(manifest.version)} is not semver`)] };
  if (!semver.satisfies(version, pointer.range)) return { kind: 'pointer', errors: [registryVersionMismatch(pointer, version)] };
  const root = path.join(packageDir, REGISTRY_FOLDER);
  if (!isFile(path.join(root, 'platform.yaml'))) return { kind: 'pointer', errors: [notARegistry(pointer, manifestFile, `it has no ${REGISTRY_FOLDER}/platform.yaml`)] };
  return { kind: 'pointer', registry: { pointer, version, root }, errors: [] };
}

function installedPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (isFile(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readManifest(file: string): Record<string, unknown> | string {
  try {
    if (fs.statSync(file).size > MAX_MANIFEST_BYTES) return `its package.json is larger than ${MAX_MANIFEST_BYTES} bytes`;
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : 'its package.json is not a JSON object';
  } catch (error) {
    return `its package.json cannot be read: ${excerpt((error as Error).message)}`;
  }
}

/**
 * Fields of a domain.yaml that say where the domain lives: a local copy that disagrees with the
 * registry on them is an error, because every other repository grants to the registry's account.
 */
const IDENTITY_FIELDS = new Set(['name', 'account', 'region']);

/**
 * A domain folder present both here and in the registry: the local domain.yaml is the one used
 * (the team's change may not be published yet), with a warning naming the fields that differ,
 * except where it lives (name, account, region), which must match.
 */
export function compareWithRegistry(
  local: SourceDocument,
  localValue: Record<string, unknown>,
  entry: SourceDocument,
  entryValue: Record<string, unknown>,
  registry: ResolvedRegistry,
): { errors: ContractError[]; warnings: ContractError[] } {
  const errors: ContractError[] = [];
  const differing: string[] = [];
  const keys = [...new Set([...Object.keys(localValue), ...Object.keys(entryValue)])].sort();
  const published = `${registry.pointer.package}@${registry.version}`;
  for (const key of keys) {
    if (canonical(localValue[key]) === canonical(entryValue[key])) continue;
    if (!IDENTITY_FIELDS.has(key)) {
      differing.push(key);
      continue;
    }
    const theirs = entryValue[key] === undefined ? 'not set' : quote(entryValue[key]);
    errors.push({
      ...local.locate([key]),
      path: key,
      message: `${key} differs from the registry entry in ${published} (${theirs} in ${entry.file})`,
      hint: `other domains grant to the registry's ${key}: make them agree, or ask the platform team to publish the change`,
    });
  }
  const warnings: ContractError[] =
    differing.length === 0
      ? []
      : [
          {
            ...local.locate([]),
            path: '',
            message: `differs from its registry entry in ${published} (${differing.join(', ')}): this repository's domain.yaml is used here, other repositories still see the registry's`,
            hint: 'ask the platform team to publish the change in the registry, or make the two agree',
          },
        ];
  return { errors, warnings };
}

/** The registry's domain folders by name; a contract inside one is an error, never read. */
export function registryDomainFolders(registry: ResolvedRegistry, display: (file: string) => string, errors: ContractError[], warnings: ContractError[]): Map<string, DomainFolder> {
  const layout = discoverMesh(registry.root, display);
  errors.push(...layout.errors);
  warnings.push(...layout.skipped);
  for (const domain of layout.domains) errors.push(...domain.contracts.map((file) => productInRegistry(display(file), registry)));
  return new Map(layout.domains.map((d) => [d.name, { ...d, contracts: [] }]));
}

/** The domains this repository builds: all of them, except those known only from the mesh registry. */
export function ownDomains(mesh: MeshSpec): readonly DomainSpec[] {
  const elsewhere = new Set(mesh.registry?.domains ?? []);
  return mesh.domains.filter((d) => !elsewhere.has(d.name));
}

export function meshRegistry(registry: ResolvedRegistry, domains: readonly string[]): MeshRegistry {
  return { package: registry.pointer.package, range: registry.pointer.range, version: registry.version, domains };
}

/** Local domains the registry does not know yet: they build, but no other repository can grant to them. */
export function unregisteredDomains(local: readonly DomainFolder[], registered: ReadonlyMap<string, DomainFolder>, registry: ResolvedRegistry, display: (file: string) => string): ContractError[] {
  return local
    .filter((domain) => !registered.has(domain.name))
    .map((domain) => ({
      file: display(path.join(domain.folder, 'domain.yaml')),
      line: 1,
      column: 1,
      path: '',
      message: `domain "${domain.name}" is not in the registry ${registry.pointer.package}@${registry.version}: other repositories cannot name it as a consumer yet`,
      hint: `ask the platform team to add ${domain.name}/domain.yaml to the platform repository and publish a new registry version`,
    }));
}

/** A registry holds registry entries only: a contract in it would be built by every repository that installs it. */
export function productInRegistry(file: string, registry: ResolvedRegistry): ContractError {
  return {
    file,
    line: 1,
    column: 1,
    path: '',
    message: `the registry package ${registry.pointer.package}@${registry.version} holds a data product contract; a registry carries domain entries only, so it is not read`,
    hint: 'products are built only from the repository that owns them: republish the registry with `datamesh registry pack`, which never includes contracts',
  };
}

function registryNotInstalled(pointer: RegistryPointer, from: string): ContractError {
  return {
    ...pointer.location,
    path: 'registry.package',
    message: `the mesh registry ${pointer.package} is not installed (no node_modules/${pointer.package} in ${from} or any folder above it)`,
    hint: `run \`npm install ${pointer.package}@"${pointer.range}"\` (from the registry your .npmrc names for its scope), or \`npm install <path to the registry .tgz>\``,
  };
}

function registryVersionMismatch(pointer: RegistryPointer, version: string): ContractError {
  return {
    ...pointer.rangeLocation,
    path: 'registry.version',
    message: `the installed mesh registry ${pointer.package} is version ${version}, which does not satisfy ${quote(pointer.range)}`,
    hint: `run \`npm install ${pointer.package}@"${pointer.range}"\`, or change the range if ${version} is the one to use`,
  };
}

function notARegistry(pointer: RegistryPointer, manifest: string, why: string): ContractError {
  return {
    ...pointer.location,
    path: 'registry.package',
    message: `${pointer.package} is not a mesh registry package: ${why} (${manifest})`,
    hint: 'install the package the platform team published with `datamesh registry pack`',
  };
}

/** JSON with sorted keys, so two values compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
    ) ?? 'undefined'
  );
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads every contract of a contracts folder as it was at a git revision, straight from the object
 * database: no checkout, no temporary worktree, the working tree is never touched.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { ContractError } from '../contract/errors';
import { loadDomainText, loadPlatformText, loadProductText } from '../contract/mesh';
import type { DataProductSpec, DomainSpec, PlatformSpec } from '../contract/model';
import { isRegistryPointer } from '../contract/registry';

export interface Baseline {
  readonly ref: string;
  /** Products at the base revision, by id. */
  readonly products: ReadonlyMap<string, DataProductSpec>;
  /** Domains at the base revision, by name: their roles decide who every grant reaches. */
  readonly domains: ReadonlyMap<string, DomainSpec>;
  /** platform.yaml at the base revision, when it existed and loaded. */
  readonly platform?: PlatformSpec;
  /** Base contracts that could not be read; their products are compared as if absent. */
  readonly errors: readonly ContractError[];
}

const NOT_CONTRACTS = new Set(['platform.yaml', 'domain.yaml']);

export function loadBaseline(ref: string, contractsDir: string): Baseline {
  const dir = fs.realpathSync(path.resolve(contractsDir));
  const root = git(dir, ['rev-parse', '--show-toplevel']).trim();
  // A bad ref fails here, with git's own words, before anything is compared.
  git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const relative = path.relative(fs.realpathSync(root), dir).split(path.sep).join('/');
  const listed = git(root, ['ls-tree', '-r', '-z', '--name-only', ref, '--', relative || '.']).split('\0').filter(Boolean);
  // Contracts live exactly one level down: <contracts>/<domain>/<product>.yaml, as loadMesh reads them.
  const files = listed.filter((file) => /\.ya?ml$/.test(file) && !NOT_CONTRACTS.has(path.posix.basename(file)) && path.posix.dirname(path.posix.dirname(file)) === (relative || '.'));

  const products = new Map<string, DataProductSpec>();
  const errors: ContractError[] = [];
  const domains = new Map<string, DomainSpec>();
  const domainFiles = listed.filter((file) => path.posix.basename(file) === 'domain.yaml' && path.posix.dirname(path.posix.dirname(file)) === (relative || '.'));
  for (const file of domainFiles.sort()) {
    const loaded = loadDomainText(`${ref}:${file}`, git(root, ['show', `${ref}:${file}`]));
    errors.push(...loaded.errors);
    if (loaded.value) domains.set(loaded.value.name, loaded.value);
  }
  const platformFile = path.posix.join(relative || '.', 'platform.yaml').replace(/^\.\//, '');
  let platform: PlatformSpec | undefined;
  const platformText = listed.includes(platformFile) ? git(root, ['show', `${ref}:${platformFile}`]) : undefined;
  // A domain repository's platform.yaml points at the mesh registry: no platform settings at the base.
  if (platformText !== undefined && !isRegistryPointer(platformText)) {
    const loaded = loadPlatformText(`${ref}:${platformFile}`, platformText);
    errors.push(...loaded.errors);
    platform = loaded.value;
  }
  for (const file of files.sort()) {
    const text = git(root, ['show', `${ref}:${file}`]);
    const folderDomain = path.posix.basename(path.posix.dirname(file));
    const loaded = loadProductText(`${ref}:${file}`, text, folderDomain);
    errors.push(...loaded.errors);
    if (loaded.value) products.set(loaded.value.id, loaded.value);
  }
  return { ref, products, domains, platform, errors };
}

function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BaselineError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/** The base revision cannot be read (not a git repository, unknown ref). */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

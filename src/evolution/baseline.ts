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
  // A bad ref fails here, before anything is compared. --quiet leaves git nothing to say, so say it.
  try {
    git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new BaselineError(`unknown revision ${JSON.stringify(ref.slice(0, 200))}: no commit, branch or tag of that name in the git repository at ${root}`);
  }
  const relative = path.relative(fs.realpathSync(root), dir).split(path.sep).join('/');
  const blobs = new Map<string, string>();
  for (const entry of git(root, ['ls-tree', '-r', '-z', ref, '--', relative || '.'])
    .split('\0')
    .filter(Boolean)) {
    // `<mode> blob <object>\t<path>`
    const tab = entry.indexOf('\t');
    const [, type, object] = entry.slice(0, tab).split(' ');
    if (type === 'blob') blobs.set(entry.slice(tab + 1), object);
  }
  const listed = [...blobs.keys()];
  // Contracts live exactly one level down: <contracts>/<domain>/<product>.yaml, as loadMesh reads them.
  const files = listed.filter((file) => /\.ya?ml$/.test(file) && !NOT_CONTRACTS.has(path.posix.basename(file)) && path.posix.dirname(path.posix.dirname(file)) === (relative || '.'));

  // Every file the comparison needs, read by one git process: one `git show` per file costs a
  // process start each, seconds on a mesh of a thousand contracts.
  const wanted = listed.filter(
    (file) => (/\.ya?ml$/.test(file) && path.posix.dirname(path.posix.dirname(file)) === (relative || '.')) || file === path.posix.join(relative || '.', 'platform.yaml').replace(/^\.\//, ''),
  );
  const texts = readBlobs(
    root,
    wanted.map((file) => blobs.get(file)!),
  );
  const show = (file: string): string => texts.get(blobs.get(file)!) ?? '';
  const products = new Map<string, DataProductSpec>();
  const errors: ContractError[] = [];
  const domains = new Map<string, DomainSpec>();
  const domainFiles = listed.filter((file) => path.posix.basename(file) === 'domain.yaml' && path.posix.dirname(path.posix.dirname(file)) === (relative || '.'));
  for (const file of domainFiles.sort()) {
    const loaded = loadDomainText(`${ref}:${file}`, show(file));
    errors.push(...loaded.errors);
    if (loaded.value) domains.set(loaded.value.name, loaded.value);
  }
  const platformFile = path.posix.join(relative || '.', 'platform.yaml').replace(/^\.\//, '');
  let platform: PlatformSpec | undefined;
  const platformText = listed.includes(platformFile) ? show(platformFile) : undefined;
  // A domain repository's platform.yaml points at the mesh registry: no platform settings at the base.
  if (platformText !== undefined && !isRegistryPointer(platformText)) {
    const loaded = loadPlatformText(`${ref}:${platformFile}`, platformText);
    errors.push(...loaded.errors);
    platform = loaded.value;
  }
  for (const file of files.sort()) {
    const text = show(file);
    const folderDomain = path.posix.basename(path.posix.dirname(file));
    const loaded = loadProductText(`${ref}:${file}`, text, folderDomain);
    errors.push(...loaded.errors);
    if (loaded.value) products.set(loaded.value.id, loaded.value);
  }
  return { ref, products, domains, platform, errors };
}

/** Blob contents by object id, through one `git cat-file --batch`. */
function readBlobs(root: string, objects: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (objects.length === 0) return texts;
  let output: Buffer;
  try {
    output = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: `${objects.join('\n')}\n`, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    throw new BaselineError(`git cat-file --batch failed: ${String((error as { stderr?: Buffer }).stderr ?? '').trim()}`);
  }
  // Each object: `<id> <type> <size>\n<content>\n`; sizes are in bytes, so the buffer is cut in bytes.
  let offset = 0;
  while (offset < output.length) {
    const end = output.indexOf(10, offset);
    const [id, type, size] = output.subarray(offset, end).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined) throw new BaselineError(`git cat-file: object ${id} is missing`);
    const length = Number(size);
    texts.set(id, output.subarray(end + 1, end + 1 + length).toString('utf8'));
    offset = end + 1 + length + 1;
  }
  return texts;
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

/**
 * Which files of a contracts folder are read. The layout is fixed (platform.yaml, one folder per
 * domain with domain.yaml and its contracts), and every other file under the folder is named in a
 * warning that says why it is not read, so no contract is ever skipped without a word. Symbolic
 * links are followed while they stay inside the contracts folder; one that leads out is an error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { folderNotReadable, notRead, symlinkLeavesContracts, type ContractError } from './errors';

export interface DomainFolder {
  /** The folder's name, which is the domain's name. */
  readonly name: string;
  readonly folder: string;
  /** Contract files, sorted; domain.yaml is not among them. */
  readonly contracts: readonly string[];
}

export interface MeshLayout {
  readonly domains: readonly DomainFolder[];
  /** Files that are not read, each with the reason. */
  readonly skipped: readonly ContractError[];
  /** Links that leave the contracts folder. */
  readonly errors: readonly ContractError[];
}

const CONTRACT_EXTENSION = /\.ya?ml$/;
const ANY_CASE_YAML = /\.ya?ml$/i;

/** `display` turns a path into the name errors use for it. */
export function discoverMesh(root: string, display: (file: string) => string): MeshLayout {
  const realRoot = fs.realpathSync(root);
  const skipped: ContractError[] = [];
  const errors: ContractError[] = [];
  const domains: DomainFolder[] = [];
  const skip = (file: string, why: string, hint: string) => skipped.push(notRead(display(file), why, hint));

  for (const entry of readableEntries(root, display, errors)) {
    const full = path.join(root, entry.name);
    const kind = entryKind(full, entry, realRoot, display, errors, skip);
    if (kind === undefined || entry.name === 'platform.yaml') continue;
    if (entry.name.startsWith('.')) {
      if (kind === 'file' && ANY_CASE_YAML.test(entry.name)) skip(full, 'hidden files (names starting with ".") are not read', 'rename it without the leading dot, inside its domain folder');
      continue;
    }
    if (kind === 'file') {
      skip(
        full,
        'only platform.yaml and domain folders are read at the top of the contracts folder',
        ANY_CASE_YAML.test(entry.name) ? `move it into its domain folder: ${display(path.join(root, '<domain>', entry.name))}` : 'move it out of the contracts folder',
      );
    } else if (entry.name.startsWith('_')) {
      skipTree(full, 'folders whose name starts with "_" are not read', 'rename the folder without the "_" to make it a domain, or move it out of the contracts folder', skip);
    } else {
      domains.push(readDomainFolder(full, entry.name, realRoot, display, errors, skip));
    }
  }
  return { domains, skipped, errors };
}

function readDomainFolder(folder: string, name: string, realRoot: string, display: (file: string) => string, errors: ContractError[], skip: Skip): DomainFolder {
  const contracts: string[] = [];
  for (const entry of readableEntries(folder, display, errors)) {
    const full = path.join(folder, entry.name);
    const kind = entryKind(full, entry, realRoot, display, errors, skip);
    if (kind === undefined || entry.name === 'domain.yaml') continue;
    if (kind === 'folder') {
      skipTree(full, `contracts sit directly in their domain folder; nested folders are not read`, `move it to ${display(path.join(folder, '<product>.yaml'))}, or out of the contracts folder`, skip);
    } else if (entry.name.startsWith('.')) {
      if (ANY_CASE_YAML.test(entry.name)) skip(full, 'hidden files (names starting with ".") are not read', `rename it to ${entry.name.replace(/^\.+/, '')}`);
    } else if (CONTRACT_EXTENSION.test(entry.name)) {
      contracts.push(full);
    } else if (ANY_CASE_YAML.test(entry.name)) {
      const renamed = entry.name.replace(ANY_CASE_YAML, (ext) => ext.toLowerCase());
      skip(full, `the extension ${path.extname(entry.name)} is not lower case`, `rename it to ${renamed}`);
    } else {
      skip(full, 'only .yaml and .yml files are contracts', 'move it out of the contracts folder, or give it a .yaml extension if it is a contract');
    }
  }
  return { name, folder, contracts };
}

type Skip = (file: string, why: string, hint: string) => void;

/**
 * A file or a folder, following a symbolic link that stays inside the contracts folder. A link
 * that leaves it is an error and one that leads nowhere is skipped with a warning; both are
 * undefined, as is anything that is neither a file nor a folder.
 */
function entryKind(full: string, entry: fs.Dirent, realRoot: string, display: (file: string) => string, errors: ContractError[], skip: Skip): 'file' | 'folder' | undefined {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (!entry.isSymbolicLink()) {
    skip(full, 'it is neither a file nor a folder', 'move it out of the contracts folder');
    return undefined;
  }
  let target: string;
  try {
    target = fs.realpathSync(full);
  } catch {
    skip(full, 'it is a symbolic link to nothing', 'remove the link, or point it at a file inside the contracts folder');
    return undefined;
  }
  if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
    errors.push(symlinkLeavesContracts(display(full), target));
    return undefined;
  }
  const stat = fs.statSync(target);
  return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : undefined;
}

/** Names every file under a folder that is not read; links inside it are named, not followed. */
function skipTree(folder: string, why: string, hint: string, skip: Skip): void {
  let entries: fs.Dirent[];
  try {
    entries = sortedEntries(folder);
  } catch {
    skip(folder, why, hint);
    return;
  }
  if (entries.length === 0) return;
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) skipTree(full, why, hint, skip);
    else if (!entry.name.startsWith('.') || ANY_CASE_YAML.test(entry.name)) skip(full, why, hint);
  }
}

/** A folder that cannot be listed (no permission) is an error: its contracts would go unchecked. */
function readableEntries(folder: string, display: (file: string) => string, errors: ContractError[]): fs.Dirent[] {
  try {
    return sortedEntries(folder);
  } catch (error) {
    errors.push(folderNotReadable(display(folder), error));
    return [];
  }
}

function sortedEntries(folder: string): fs.Dirent[] {
  return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

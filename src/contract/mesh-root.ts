/**
 * Where the mesh is when nobody says: like git finding its repository, walk up from the working
 * folder to the first folder that holds platform.yaml, or whose `contracts/` subfolder does. So
 * `datamesh validate` works from `contracts/sales/` as well as from the repository root.
 */
import * as fs from 'fs';
import * as path from 'path';

const PLATFORM_FILE = 'platform.yaml';

/** The contracts folder above or at `start`, or undefined when no folder up to the root has one. */
export function findMeshRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isFile(path.join(dir, PLATFORM_FILE))) return dir;
    if (isFile(path.join(dir, 'contracts', PLATFORM_FILE))) return path.join(dir, 'contracts');
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The contracts folder, absolute: an explicit choice (option, then $DATAMESH_CONTRACTS) wins;
 * otherwise the mesh found walking up from `cwd`; otherwise `contracts`, whose absence the
 * caller reports.
 */
export function resolveContractsDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  const chosen = option ?? env.DATAMESH_CONTRACTS;
  if (chosen) return path.resolve(cwd, chosen);
  return findMeshRoot(cwd) ?? path.resolve(cwd, 'contracts');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

import type { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import { MeshValidationError } from './contract/errors';

/**
 * Ends an app whose mesh is invalid: prints every error, removes stacks left in the output folder
 * by an earlier synth (cdktf does not, and a stale stack could be deployed by mistake) and exits
 * with status 1. Errors other than MeshValidationError are rethrown untouched.
 */
export function exitOnInvalidMesh(app: App, error: unknown): never {
  if (!(error instanceof MeshValidationError)) throw error;
  console.error(error.message);
  fs.rmSync(path.join(app.outdir, 'stacks'), { recursive: true, force: true });
  fs.rmSync(path.join(app.outdir, 'manifest.json'), { force: true });
  process.exit(1);
}

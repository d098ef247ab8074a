/**
 * How much a synthesis says. A clean synth prints one summary; notes (what a construct decided,
 * e.g. no managed read policy for a product with protected columns) and the details of each
 * warning come with DATAMESH_VERBOSE=1, or the `datamesh:verbose` context of the app.
 */
import type { IConstruct } from 'constructs';

export const VERBOSE_CONTEXT = 'datamesh:verbose';

/** True when DATAMESH_VERBOSE is 1, true or yes. */
export function verboseFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.DATAMESH_VERBOSE ?? '');
}

/** Whether constructs under `scope` should add informational annotations. */
export function isVerbose(scope: IConstruct): boolean {
  const value: unknown = scope.node.tryGetContext(VERBOSE_CONTEXT);
  if (value === undefined) return verboseFromEnv();
  return value === true || value === 'true' || value === '1';
}

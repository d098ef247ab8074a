/**
 * One resolution of a stack's Terraform JSON, handed from the governance check to the write that
 * follows it. cdktf's synthesis resolves each stack for the validations (the resource rules read
 * its JSON) and right after, unchanged, to write it; resolving is the bulk of synthesis, so the
 * write takes the first result instead of computing it again. The hand-off is taken at most once,
 * only within the synchronous run that made it (synthesis is synchronous), and only while the
 * stack holds exactly as many constructs as when it was resolved.
 */
import type { IConstruct } from 'constructs';

interface Resolution {
  readonly json: unknown;
  readonly constructs: number;
}

const pending = new WeakMap<IConstruct, Resolution>();

/** Offers the JSON just resolved for `stack` to its next `toTerraform()` in this run. */
export function handOffResolution(stack: IConstruct, json: unknown): void {
  const resolution = { json, constructs: stack.node.findAll().length };
  pending.set(stack, resolution);
  queueMicrotask(() => {
    if (pending.get(stack) === resolution) pending.delete(stack);
  });
}

/** The JSON handed off for `stack` if it is still current; consumed either way. */
export function takeResolution(stack: IConstruct): unknown {
  const resolution = pending.get(stack);
  pending.delete(stack);
  return resolution && resolution.constructs === stack.node.findAll().length ? resolution.json : undefined;
}

/**
 * The explicit hand-off of a stack's resolved Terraform JSON from the governance check to the
 * write that follows it. cdktf resolves each stack for its validations (the resource rules read
 * that JSON) and right after, unchanged, to write it; resolving is the bulk of synthesis, so a
 * stack that implements this interface can write the first result instead of computing it again.
 * The governance check offers; the stack decides whether the offer is still current.
 */
import type { TerraformJsonStack } from './stack-resources';

export type { TerraformJsonStack };

/** A stack that can write the JSON the governance check has just resolved for it. */
export interface ReusesResolution {
  /**
   * Offered by the governance check with the stack's JSON, resolved once every aspect has run.
   * The stack may write it instead of resolving again, as long as nothing changed in between.
   */
  reuseResolution(json: TerraformJsonStack): void;
}

/** Whether `stack` takes the hand-off (a DomainStack does; a plain TerraformStack does not). */
export function reusesResolution(stack: object): stack is ReusesResolution {
  return typeof (stack as Partial<ReusesResolution>).reuseResolution === 'function';
}

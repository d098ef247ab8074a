/**
 * A stack's copy of the JSON the governance check resolved (see governance/resolution.ts). The
 * copy is used at most once, only within the synchronous run that made it (synthesis is
 * synchronous), and only while the stack holds exactly as many constructs as when it was resolved.
 */
import type { IConstruct } from 'constructs';
import type { TerraformJsonStack } from '../governance/resolution';

interface Offer {
  readonly json: TerraformJsonStack;
  readonly constructs: number;
}

export class PendingResolution {
  // The task that voids an offer runs only once the whole synthesis has returned, so it reaches
  // the offer through this slot alone: neither the stack's tree nor a taken JSON stays alive
  // until then (a WeakRef would: its target is kept until the synchronous run ends).
  private readonly slot: { offer?: Offer; held: number } = { held: 0 };

  constructor(private readonly stack: IConstruct) {}

  /** Keeps `json` for the stack's next write in this run. */
  hold(json: TerraformJsonStack): void {
    const slot = this.slot;
    const held = ++slot.held;
    slot.offer = { json, constructs: this.stack.node.findAll().length };
    queueMicrotask(() => {
      if (slot.held === held) slot.offer = undefined;
    });
  }

  /** The JSON held if it is still current; released either way. */
  take(): TerraformJsonStack | undefined {
    const offer = this.slot.offer;
    this.slot.offer = undefined;
    return offer && offer.constructs === this.stack.node.findAll().length ? offer.json : undefined;
  }
}

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
  private offer?: Offer;
  /** Counts the offers made, so that a late task clears only its own. */
  private held = 0;

  constructor(private readonly stack: IConstruct) {}

  /** Keeps `json` for the stack's next write in this run. */
  hold(json: TerraformJsonStack): void {
    const held = ++this.held;
    this.offer = { json, constructs: this.stack.node.findAll().length };
    // The task runs only once the whole synthesis has returned: it must not keep the JSON or the
    // stack's tree alive until then, so it reaches this object only weakly.
    const self = new WeakRef(this);
    queueMicrotask(() => {
      const resolution = self.deref();
      if (resolution?.held === held) resolution.offer = undefined;
    });
  }

  /** The JSON held if it is still current; released either way. */
  take(): TerraformJsonStack | undefined {
    const offer = this.offer;
    this.offer = undefined;
    return offer && offer.constructs === this.stack.node.findAll().length ? offer.json : undefined;
  }
}

/**
 * Where the nodes of a file read the fast way (fast-yaml.ts) start, as the offsets the `yaml`
 * package gives the same nodes (`range[0]`). They are taken from js-yaml's events in the walk that
 * builds the values; a location is then a plain `{file, line, column}` found at once, with no
 * `yaml` document and nothing deferred.
 *
 * Only offsets known to be the same are kept: plain and quoted scalars (js-yaml starts a quoted
 * one inside its quote), block mappings and sequences, and keys. A block scalar, a flow
 * collection, an empty value, or anything inside a flow collection gets NO_SPOT, and its
 * location is found the deferred way (positions.ts). test/contract/fast-yaml.test.ts compares
 * every location of every path with the `yaml` package's.
 */
import { SCALAR_STYLE, type ScalarEvent } from 'js-yaml';
import type { DocPath } from './positions';

/** An offset this module does not vouch for. */
export const NO_SPOT = -1;

export type Spot = ScalarSpot | MapSpot | SeqSpot;

interface ScalarSpot {
  readonly kind: 'scalar';
  /** The `yaml` package's range[0], or NO_SPOT. */
  readonly at: number;
  /** Where the scalar's text starts, for offsets inside it: after the quote of a quoted one; NO_SPOT for a block scalar. */
  readonly text: number;
}

export interface MapSpot {
  readonly kind: 'map';
  readonly at: number;
  /** Keys in document order, and their pairs at the same index. */
  readonly keys: readonly string[];
  readonly pairs: readonly { readonly key: Spot; readonly value: Spot }[];
}

export interface SeqSpot {
  readonly kind: 'seq';
  readonly at: number;
  readonly items: readonly Spot[];
}

/** A scalar's spot; `insideFlow` when any collection around it is a flow one. */
export function scalarSpot(event: ScalarEvent, insideFlow: boolean): Spot {
  // An empty value (`key:`) has no node of its own in every reader: left to the deferred way.
  if (insideFlow || event.valueEnd <= event.valueStart) return { kind: 'scalar', at: NO_SPOT, text: NO_SPOT };
  switch (event.style) {
    case SCALAR_STYLE.PLAIN:
      return { kind: 'scalar', at: event.valueStart, text: event.valueStart };
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return { kind: 'scalar', at: event.valueStart - 1, text: event.valueStart };
    default:
      return { kind: 'scalar', at: NO_SPOT, text: NO_SPOT };
  }
}

/**
 * The offset positions.ts would find for `path` in the `yaml` document (the node at the end of
 * the path, or of its longest existing part; the key of the last step with `key`; `within`
 * characters into a scalar's text), or NO_SPOT when this module does not vouch for it.
 */
export function spotOffset(root: Spot | undefined, path: DocPath, at: 'value' | 'key', within?: number): number {
  if (!root) return NO_SPOT;
  let node: Spot = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (node.kind === 'map') {
      const index = node.keys.indexOf(String(step));
      if (index === -1) break;
      const pair = node.pairs[index];
      node = i === path.length - 1 && at === 'key' ? pair.key : pair.value;
    } else if (node.kind === 'seq' && typeof step === 'number') {
      const item = node.items[step];
      if (!item) break;
      node = item;
    } else {
      break;
    }
  }
  if (within === undefined || node.kind !== 'scalar') return node.at;
  return node.at === NO_SPOT || node.text === NO_SPOT ? NO_SPOT : node.text + within;
}

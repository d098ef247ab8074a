/**
 * Where the nodes of a file read the fast way (fast-yaml.ts) start, taken from js-yaml's events,
 * as the offsets the `yaml` package gives the same nodes (`range[0]`): then a location is a plain
 * `{file, line, column}` found at once, with no `yaml` document and nothing deferred.
 *
 * Only offsets known to be the same are kept: plain and quoted scalars (js-yaml starts a quoted
 * one inside its quote), block mappings and sequences, and keys. A block scalar, a flow
 * collection, an empty value, or anything inside a flow collection gets NO_SPOT, and its
 * location is found the deferred way (positions.ts). test/contract/fast-yaml.test.ts compares
 * every location of every path with the `yaml` package's.
 */
import { EVENT_ID, getScalarValue, SCALAR_STYLE, COLLECTION_STYLE, type Event, type ScalarEvent } from 'js-yaml';
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

interface MapSpot {
  readonly kind: 'map';
  readonly at: number;
  /** Keys in document order, and their pairs at the same index. */
  readonly keys: readonly string[];
  readonly pairs: readonly { readonly key: Spot; readonly value: Spot }[];
}

interface SeqSpot {
  readonly kind: 'seq';
  readonly at: number;
  readonly items: readonly Spot[];
}

/** The spots of a one-document event stream that fast-yaml.ts accepted; undefined when it holds no node. */
export function spotsOf(events: readonly Event[], source: string): Spot | undefined {
  let next = events.findIndex((e) => e.type === EVENT_ID.DOCUMENT) + 1;
  if (next === 0 || next >= events.length || events[next].type === EVENT_ID.POP) return undefined;

  function read(insideFlow: boolean): Spot {
    const event = events[next++];
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return scalarSpot(event, insideFlow);
      case EVENT_ID.MAPPING: {
        const flow = insideFlow || event.style === COLLECTION_STYLE.FLOW;
        const keys: string[] = [];
        const pairs: { key: Spot; value: Spot }[] = [];
        while (events[next].type !== EVENT_ID.POP) {
          const keyEvent = events[next];
          const key = read(flow);
          const value = read(flow);
          // fast-yaml.ts takes text keys only, each once; a lookup finds the first, as in the `yaml` document.
          keys.push(keyEvent.type === EVENT_ID.SCALAR ? getScalarValue(source, keyEvent) : '');
          pairs.push({ key, value });
        }
        next++;
        return { kind: 'map', at: flow ? NO_SPOT : event.start, keys, pairs };
      }
      case EVENT_ID.SEQUENCE: {
        const flow = insideFlow || event.style === COLLECTION_STYLE.FLOW;
        const items: Spot[] = [];
        while (events[next].type !== EVENT_ID.POP) items.push(read(flow));
        next++;
        return { kind: 'seq', at: flow ? NO_SPOT : event.start, items };
      }
      default:
        // Aliases and anything else fast-yaml.ts refuses before this is asked.
        throw new Error(`unexpected YAML event ${event.type}`);
    }
  }
  return read(false);
}

function scalarSpot(event: ScalarEvent, insideFlow: boolean): ScalarSpot {
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

/**
 * Where the values of a YAML file were written. Built from the `yaml` package's document, which
 * keeps every node's range; for a file read the fast way (fast-yaml.ts) that document is built
 * only when a location's line or column is first read, once per file, so that checking a clean
 * mesh never pays for it.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package';
import type { SourceLocation } from './model';
import { NO_SPOT, spotOffset, type Spot } from './spots';

/** A path into a YAML document: keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/** The `yaml` package's document of a file and its line starts. */
export interface Tree {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

let treesBuilt = 0;

/** How many `yaml` documents this process has built: tests check that a clean mesh builds none. */
export function yamlTreesBuilt(): number {
  return treesBuilt;
}

/** The one way this package builds a `yaml` document, so both paths read the same tree. */
export function buildTree(text: string): Tree {
  treesBuilt++;
  const { LineCounter, parseDocument } = yamlPackage();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  return { doc, lines };
}

/** How a location not found yet finds its line; not enumerable, so spread, JSON and equality ignore it. */
const FINDER = Symbol('finder');

interface Finder {
  readonly find: () => SourceLocation;
  found?: SourceLocation;
}

type Deferred = SourceLocation & { readonly [FINDER]: Finder };

function found(location: Deferred): SourceLocation {
  const finder = location[FINDER];
  return (finder.found ??= finder.find());
}

// One pair of getters for all locations (rather than two closures each): a mesh holds many.
const DEFERRED: PropertyDescriptorMap = {
  line: {
    enumerable: true,
    get(this: Deferred) {
      return found(this).line;
    },
  },
  column: {
    enumerable: true,
    get(this: Deferred) {
      return found(this).column;
    },
  },
};

function deferredLocation(file: string, find: () => SourceLocation): SourceLocation {
  const location = { file };
  Object.defineProperty(location, FINDER, { value: { find } });
  return Object.defineProperties(location, DEFERRED) as SourceLocation;
}

/**
 * A copy of a location with its file name changed (e.g. escaped), that finds its line and column
 * only when they are read, as the original does; undefined when `value` is not such a location.
 * Copying it property by property would read them, and build the file's `yaml` document.
 */
export function copyDeferredLocation(value: object, file: (name: string) => string): SourceLocation | undefined {
  if (!(FINDER in value)) return undefined;
  const location = value as unknown as SourceLocation;
  return deferredLocation(file(location.file), () => ({ file: location.file, line: location.line, column: location.column }));
}

/**
 * Holds only the file's name, text and node offsets (not its values), so a location that is kept
 * keeps little. A file read the fast way comes with its spots (spots.ts): most locations are then
 * found at once from them; the others, and any location in a file read the full way, from the
 * `yaml` document.
 */
export class Positions {
  private lineStarts?: number[];

  constructor(
    readonly file: string,
    private readonly text: string,
    private tree?: Tree,
    private readonly spots?: Spot,
  ) {}

  locate(path: DocPath, at: 'value' | 'key'): SourceLocation {
    if (this.tree) return this.position(this.nodeAt(path, at));
    const spot = spotOffset(this.spots, path, at);
    if (spot !== NO_SPOT) return this.spotLocation(spot);
    const steps = [...path];
    return this.lazyLocation(() => this.position(this.nodeAt(steps, at)));
  }

  locateWithin(path: DocPath, offset: number): SourceLocation {
    if (this.tree) return this.offsetWithin(path, offset);
    const spot = spotOffset(this.spots, path, 'value', offset);
    if (spot !== NO_SPOT) return this.spotLocation(spot);
    const steps = [...path];
    return this.lazyLocation(() => this.offsetWithin(steps, offset));
  }

  /** Line and column of a spot, as the `yaml` package's LineCounter counts them (1-based; lines end at \n only: fast-yaml.ts takes no \r). */
  private spotLocation(offset: number): SourceLocation {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: this.file, line: low + 1, column: offset - starts[low] + 1 };
  }

  /** Own enumerable getters, so that spreading the location, comparing it or writing it as JSON reads them. */
  private lazyLocation(find: () => SourceLocation): SourceLocation {
    return deferredLocation(this.file, find);
  }

  private offsetWithin(path: DocPath, offset: number): SourceLocation {
    const { isScalar } = yamlPackage();
    const node = this.nodeAt(path, 'value');
    if (isScalar(node) && node.range && (node.type === 'PLAIN' || node.type === undefined)) {
      return this.offsetLocation(node.range[0] + offset);
    }
    if (isScalar(node) && node.range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      return this.offsetLocation(node.range[0] + 1 + offset);
    }
    return this.position(node);
  }

  private built(): Tree {
    return (this.tree ??= buildTree(this.text));
  }

  private nodeAt(path: DocPath, at: 'value' | 'key'): Node | undefined {
    const { isMap, isPair, isScalar, isSeq } = yamlPackage();
    let node: unknown = this.built().doc.contents;
    let found: Node | undefined = node as Node | undefined;
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        const isLast = i === path.length - 1;
        node = isLast && at === 'key' ? pair.key : pair.value;
        // `key:` with no value: point at the key.
        found = (node as Node | null) ?? (pair.key as Node);
        if (!node) break;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
        if (!node) break;
        found = node as Node;
      } else {
        break;
      }
    }
    return found;
  }

  private position(node: Node | undefined): SourceLocation {
    return this.offsetLocation(node?.range?.[0] ?? 0);
  }

  private offsetLocation(offset: number): SourceLocation {
    const { line, col } = this.built().lines.linePos(offset);
    return { file: this.file, line, column: col };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

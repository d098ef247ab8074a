/**
 * The values of a YAML file read by js-yaml, about ten times faster than building the `yaml`
 * package's document, for the files that have nothing to report (nearly all of them). It answers
 * only when it can prove the result is the one the `yaml` path gives with no error: anything this
 * reader does not handle the same way, or that the `yaml` path would report, makes it answer
 * `undefined`, and the caller parses the file the full way. A fallback is only slower, never
 * different.
 */
import { COLLECTION_STYLE, defineScalarTag, EVENT_ID, getScalarValue, NOT_RESOLVED, parseEvents, SCALAR_STYLE, Schema, strTag, type Event } from 'js-yaml';
import { NO_SPOT, scalarSpot, type Spot } from './spots';
import { numberChange, SUSPECT_TEXT } from './yaml-checks';

/** Thrown by a resolver when a scalar needs the full path (a number it would report); caught below. */
class NeedsFullParse extends Error {}

// The YAML 1.2 core schema exactly as the `yaml` package resolves plain scalars
// (node_modules/yaml/dist/schema/core and common/null.js): same tests, same order, same values.
// js-yaml's own core schema differs (`1_000`, `0b1`, `-.nan`), so none of its scalar tags are used.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A number is only kept when the `yaml` path would not report it (see yaml-checks' scalarProblem). */
function exactNumber(written: string, value: number): number {
  if (!Number.isFinite(value) || numberChange(written, value) !== undefined) throw new NeedsFullParse();
  return value;
}

const nullTag = defineScalarTag('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N'],
  resolve: (source) => (NULL.test(source) ? null : NOT_RESOLVED),
  identify: (value) => value === null,
});

const boolTag = defineScalarTag('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: ['t', 'T', 'f', 'F'],
  resolve: (source) => (BOOL.test(source) ? source[0] === 't' || source[0] === 'T' : NOT_RESOLVED),
  identify: (value) => typeof value === 'boolean',
});

const intTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: [...DIGITS, '-', '+'],
  resolve: (source) => {
    if (INT_OCT.test(source)) return exactNumber(source, parseInt(source.substring(2), 8));
    if (INT.test(source)) return exactNumber(source, parseInt(source, 10));
    if (INT_HEX.test(source)) return exactNumber(source, parseInt(source.substring(2), 16));
    return NOT_RESOLVED;
  },
  identify: (value) => Number.isInteger(value),
});

const floatTag = defineScalarTag('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: [...DIGITS, '-', '+', '.'],
  resolve: (source) => {
    // .inf and .nan are reported as not finite.
    if (FLOAT_NAN.test(source)) throw new NeedsFullParse();
    if (FLOAT_EXP.test(source) || FLOAT.test(source)) return exactNumber(source, parseFloat(source));
    return NOT_RESOLVED;
  },
  identify: (value) => typeof value === 'number',
});

/** The scalar tags of plain scalars; other scalars are text. Collections are built by construct() below. */
const FAST_SCHEMA = new Schema([strTag, nullTag, boolTag, intTag, floatTag]);

/**
 * Characters either reader may treat differently, or the `yaml` path reports: tabs (indentation
 * errors), carriage returns, a byte order mark, Unicode line separators, control characters.
 */
const UNSURE_CHARACTER = new RegExp(`[\\t\\r\\u2028\\u2029\\ufeff]|${SUSPECT_TEXT.source}`);

/** An explicit key (`? key`): `yaml` and js-yaml check its form differently. Also matches some plain text; that only falls back. */
const EXPLICIT_KEY = /(?:^|[\s[{,])\?(?:[ \n]|$)/m;

/** An indented `---` or `...`: js-yaml takes it for a document marker, where `yaml` reads text (or reports an error). */
const INDENTED_MARKER = /^[ ]+(?:---|\.\.\.)(?:[ \n]|$)/m;

/** `yaml` refuses an implicit key whose `:` is more than 1024 characters after its start. */
const LONGEST_LINE = 1024;

/** The values of `text`, and where its nodes start, when the full `yaml` path would give the same values and report nothing; else undefined. */
export function fastYamlValue(text: string): { readonly value: unknown; readonly spots: Spot | undefined } | undefined {
  // The `includes` first: most files have no `?` or marker, and searching for a character is far cheaper than a pattern.
  if (UNSURE_CHARACTER.test(text) || (text.includes('?') && EXPLICIT_KEY.test(text)) || hasIndentedMarker(text) || hasLongLine(text)) return undefined;
  try {
    const events = parseEvents(text, {});
    if (!plainEvents(events)) return undefined;
    const read = construct(events, text);
    // Without a backslash, every string is made of the text's own characters, which passed UNSURE_CHARACTER: only escapes make new ones.
    if (text.includes('\\') && !cleanValue(read.value, new Set())) return undefined;
    return read;
  } catch {
    // Syntax errors, duplicate keys, numbers to report, keys this path does not take: the full path says which.
    return undefined;
  }
}

/** Thrown while building when a node needs the full path (a key that is not text, a duplicate key); caught above. */
class NotPlain extends Error {}

/**
 * The document's values and its spots, in one walk over events that plainEvents accepted (one
 * document, no tags, anchors or aliases): plain scalars resolved by FAST_SCHEMA's implicit tags,
 * other scalars text, plain objects with text keys only, each once. `yaml` turns other keys into
 * text its own way (`null` into ""), reports collection keys, and its duplicate check compares
 * values, not text: all of that is left to it. `__proto__` also goes the full way: safer not to
 * reason about it twice.
 */
function construct(events: readonly Event[], source: string): { value: unknown; spots: Spot | undefined } {
  let next = events.findIndex((e) => e.type === EVENT_ID.DOCUMENT) + 1;
  // An empty document: no node, the value null.
  if (events[next].type === EVENT_ID.POP) return { value: null, spots: undefined };

  function read(insideFlow: boolean): { value: unknown; spot: Spot } {
    const event = events[next++];
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const text = getScalarValue(source, event);
        const value = event.style === SCALAR_STYLE.PLAIN ? FAST_SCHEMA.resolveImplicitScalarTag(text).value : text;
        return { value, spot: scalarSpot(event, insideFlow) };
      }
      case EVENT_ID.MAPPING: {
        const flow = insideFlow || event.style === COLLECTION_STYLE.FLOW;
        const map: Record<string, unknown> = {};
        const keys: string[] = [];
        const pairs: { key: Spot; value: Spot }[] = [];
        while (events[next].type !== EVENT_ID.POP) {
          const key = read(flow);
          const value = read(flow);
          if (typeof key.value !== 'string' || key.value === '__proto__' || Object.prototype.hasOwnProperty.call(map, key.value)) throw new NotPlain();
          map[key.value] = value.value;
          keys.push(key.value);
          pairs.push({ key: key.spot, value: value.spot });
        }
        next++;
        return { value: map, spot: { kind: 'map', at: flow ? NO_SPOT : event.start, keys, pairs } };
      }
      case EVENT_ID.SEQUENCE: {
        const flow = insideFlow || event.style === COLLECTION_STYLE.FLOW;
        const items: unknown[] = [];
        const spots: Spot[] = [];
        while (events[next].type !== EVENT_ID.POP) {
          const item = read(flow);
          items.push(item.value);
          spots.push(item.spot);
        }
        next++;
        return { value: items, spot: { kind: 'seq', at: flow ? NO_SPOT : event.start, items: spots } };
      }
      default:
        throw new NotPlain();
    }
  }
  const root = read(false);
  return { value: root.value, spots: root.spot };
}

function hasIndentedMarker(text: string): boolean {
  return (text.includes('---') || text.includes('...')) && INDENTED_MARKER.test(text);
}

function hasLongLine(text: string): boolean {
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > LONGEST_LINE) return true;
    start = stop + 1;
  }
  return false;
}

/** One document, no directives, no tags, no anchors, no aliases: what the `yaml` path checks or reports. */
function plainEvents(events: readonly Event[]): boolean {
  let documents = 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return false;
        break;
      case EVENT_ID.ALIAS:
        return false;
      case EVENT_ID.SCALAR:
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        if (event.tagStart !== -1 || event.anchorStart !== -1) return false;
        break;
    }
  }
  return documents === 1;
}

/** No text the `yaml` path reports (control characters, lone surrogates), and no value reached twice (an alias: refused above already). */
function cleanValue(value: unknown, seen: Set<object>): boolean {
  if (typeof value === 'string') return !SUSPECT_TEXT.test(value);
  if (value === null || typeof value !== 'object') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => cleanValue(item, seen));
  for (const [key, item] of Object.entries(value)) {
    if (SUSPECT_TEXT.test(key) || !cleanValue(item, seen)) return false;
  }
  return true;
}

/**
 * The values of a YAML file read by js-yaml, about ten times faster than building the `yaml`
 * package's document, for the files that have nothing to report (nearly all of them). It answers
 * only when it can prove the result is the one the `yaml` path gives with no error: anything this
 * reader does not handle the same way, or that the `yaml` path would report, makes it answer
 * `undefined`, and the caller parses the file the full way. A fallback is only slower, never
 * different.
 */
import { constructFromEvents, defineMappingTag, defineScalarTag, EVENT_ID, NOT_RESOLVED, parseEvents, Schema, seqTag, strTag, type Event } from 'js-yaml';
import { spotsOf, type Spot } from './spots';
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

/**
 * Plain objects with text keys only. `yaml` turns other keys into text its own way (`null` into
 * ""), reports collection keys, and its duplicate check compares values, not text: all of that
 * is left to it. `__proto__` also goes the full way: safer not to reason about it twice.
 */
const mapTag = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (typeof key !== 'string' || key === '__proto__') return 'a key the fast path does not take';
    map[key] = value;
    return '';
  },
  has: (map, key) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[key as string],
  identify: () => false,
});

const FAST_SCHEMA = new Schema([strTag, seqTag, mapTag, nullTag, boolTag, intTag, floatTag]);

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
    const documents = constructFromEvents(events, { source: text, schema: FAST_SCHEMA, maxAliases: 0 });
    if (documents.length !== 1) return undefined;
    // Without a backslash, every string is made of the text's own characters, which passed UNSURE_CHARACTER: only escapes make new ones.
    if (text.includes('\\') && !cleanValue(documents[0], new Set())) return undefined;
    return { value: documents[0], spots: spotsOf(events, text) };
  } catch {
    // Syntax errors, duplicate keys, numbers to report, keys this path does not take: the full path says which.
    return undefined;
  }
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

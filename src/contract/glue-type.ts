/**
 * Parser for AWS Glue / Hive column types such as `array<struct<sku:string,qty:int>>`. Contracts are
 * written by people, so the point is precise errors (exact offset plus a hint), not a yes/no: hence a
 * tokenizer + recursive-descent parser rather than a regex.
 */
import { closestMatch } from './suggest';

export type GluePrimitiveName = 'boolean' | 'tinyint' | 'smallint' | 'int' | 'bigint' | 'float' | 'double' | 'string' | 'date' | 'timestamp' | 'binary';

export type GlueType =
  | { readonly kind: 'primitive'; readonly name: GluePrimitiveName }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'varchar'; readonly length: number }
  | { readonly kind: 'char'; readonly length: number }
  | { readonly kind: 'array'; readonly element: GlueType }
  | { readonly kind: 'map'; readonly key: GlueType; readonly value: GlueType }
  | { readonly kind: 'struct'; readonly fields: readonly GlueStructField[] };

export interface GlueStructField {
  readonly name: string;
  readonly type: GlueType;
}

/** A parse failure: offset is the 0-based character offset into the input where the problem is. */
export interface GlueTypeError {
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

export type GlueTypeResult = { readonly ok: true; readonly type: GlueType } | { readonly ok: false; readonly error: GlueTypeError };

const PRIMITIVES: readonly GluePrimitiveName[] = ['boolean', 'tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'string', 'date', 'timestamp', 'binary'];
// Maps (not object literals) so that inputs like "constructor" or "__proto__" never hit Object.prototype.
const ALIASES = new Map<string, GluePrimitiveName>([['integer', 'int']]);
// Hive spellings that Glue/Athena reject: naming the Glue equivalent beats a generic "unknown type".
const NOT_GLUE = new Map<string, string>([
  ['long', 'bigint'],
  ['short', 'smallint'],
]);
const KNOWN_NAMES = [...PRIMITIVES, ...ALIASES.keys(), 'decimal', 'varchar', 'char', 'array', 'map', 'struct'];
const LENGTH_LIMITS = { varchar: 65535, char: 255 } as const;
const MAX_DECIMAL_PRECISION = 38;
// Recursion guard: without it a hostile "array<array<..." string would overflow the JS stack and
// throw, breaking the "never throws" promise. Real schemas are nowhere near this deep.
const MAX_DEPTH = 1000;

const TYPE_HINT = `use a Glue type: ${PRIMITIVES.join(', ')}, decimal(p,s), varchar(n), char(n), array<T>, map<K,V> or struct<name:T,...>`;
const FIELD_NAME_HINT = 'field names must be identifiers: a letter or "_" followed by letters, digits or "_"';

type TokenKind = 'ident' | 'number' | 'punct' | 'other' | 'end';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number) => tokens.push({ kind, text: text.slice(start, i), offset: start });
  while (i < text.length) {
    const start = i;
    const c = text[i++];
    if (/\s/.test(c)) continue;
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      push('ident', start);
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9]/.test(text[i])) i++;
      push('number', start);
    } else {
      // Unknown characters become tokens too, so the parser can report them in context
      // ("expected a type but found "$"") instead of the tokenizer failing blind.
      push('<>(),:'.includes(c) ? 'punct' : 'other', start);
    }
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of input' : JSON.stringify(token.text);
}

/** Closest known type name, if it is plausibly a typo (short words get less slack to avoid silly guesses). */
function suggest(word: string): string | undefined {
  return closestMatch(word, KNOWN_NAMES, word.length <= 4 ? 1 : 2);
}

/** Internal control flow only: unwinding the recursion on the first error; never escapes parseGlueType. */
class ParseFailure extends Error {
  constructor(readonly error: GlueTypeError) {
    super(error.message);
  }
}

function fail(offset: number, message: string, hint: string): never {
  throw new ParseFailure({ offset, message, hint });
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseDocument(): GlueType {
    const type = this.parseType(0);
    const extra = this.next();
    if (extra.kind !== 'end') {
      fail(extra.offset, `unexpected ${describe(extra)} after the end of the type`, 'remove the trailing text; to describe several columns use struct<name:type,...>');
    }
    return type;
  }

  // Both clamp to the final "end" token, so reading past the end keeps reporting end of input.
  private peek(): Token {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)];
  }
  private next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }
  private peekIs(punct: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === punct;
  }
  private accept(punct: string): boolean {
    if (!this.peekIs(punct)) return false;
    this.pos++;
    return true;
  }

  private expect(punct: string, message: string, hint: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== punct) fail(t.offset, `${message} but found ${describe(t)}`, hint);
  }

  private expectNumber(what: string, hint: string): { value: number; text: string; offset: number } {
    const t = this.next();
    if (t.kind !== 'number') fail(t.offset, `expected ${what} (a whole number) but found ${describe(t)}`, hint);
    return { value: Number(t.text), text: t.text, offset: t.offset };
  }

  private parseType(depth: number): GlueType {
    const tok = this.next();
    if (tok.kind !== 'ident') fail(tok.offset, `expected a type but found ${describe(tok)}`, TYPE_HINT);
    if (depth >= MAX_DEPTH) fail(tok.offset, `type is nested more than ${MAX_DEPTH} levels deep`, 'flatten the type');
    const word = tok.text.toLowerCase();
    switch (word) {
      case 'array': {
        this.expect('<', 'expected "<" after array', 'write array<T>, e.g. array<string>');
        const element = this.parseType(depth + 1);
        this.expect('>', 'expected ">" to close array<...>', 'array<...> takes exactly one element type; close it with ">"');
        return { kind: 'array', element };
      }
      case 'map': {
        this.expect('<', 'expected "<" after map', 'write map<K,V>, e.g. map<string,int>');
        const keyOffset = this.peek().offset;
        const key = this.parseType(depth + 1);
        if (!isScalarGlueType(key)) {
          fail(keyOffset, `map key must be a scalar type but found ${formatGlueType(key)}`, 'map keys must be primitive (e.g. string, int, decimal(p,s)); put complex types in the value');
        }
        this.expect(',', 'expected "," between the map key and value types', 'write map<K,V>, e.g. map<string,int>');
        const value = this.parseType(depth + 1);
        this.expect('>', 'expected ">" to close map<...>', 'map<...> takes exactly two types, key and value; close it with ">"');
        return { kind: 'map', key, value };
      }
      case 'struct':
        return this.parseStruct(depth);
      case 'decimal':
        return this.parseDecimal();
      case 'varchar':
      case 'char':
        return this.parseLength(word);
    }
    const primitive = (PRIMITIVES as readonly string[]).includes(word) ? (word as GluePrimitiveName) : ALIASES.get(word);
    if (primitive !== undefined) {
      if (this.peekIs('(')) {
        fail(this.peek().offset, `type ${primitive} does not take parameters`, `remove the "(...)" after ${tok.text}`);
      }
      const after = this.peek();
      if (primitive === 'timestamp' && after.kind === 'ident' && after.text.toLowerCase() === 'with') {
        fail(after.offset, '"timestamp with time zone" is not supported by Glue', 'use plain timestamp (store times in UTC)');
      }
      return { kind: 'primitive', name: primitive };
    }
    const glueName = NOT_GLUE.get(word);
    if (glueName !== undefined) {
      fail(tok.offset, `${JSON.stringify(tok.text)} is a Hive type that Glue does not support`, `use ${glueName} instead`);
    }
    const guess = suggest(word);
    return fail(tok.offset, `unknown type ${JSON.stringify(tok.text)}`, guess ? `did you mean "${guess}"?` : TYPE_HINT);
  }

  private parseStruct(depth: number): GlueType {
    this.expect('<', 'expected "<" after struct', 'write struct<name:type,...>, e.g. struct<id:string>');
    if (this.peekIs('>')) fail(this.peek().offset, 'struct<...> must have at least one field', 'add a field, e.g. struct<id:string>');
    const fields: GlueStructField[] = [];
    const seen = new Set<string>();
    for (;;) {
      const nameTok = this.next();
      if (nameTok.kind !== 'ident') {
        const hint = nameTok.text === '`' ? `backquoted names are not supported; ${FIELD_NAME_HINT}` : nameTok.text === '>' ? 'remove the trailing "," or add another field' : FIELD_NAME_HINT;
        fail(nameTok.offset, `expected a field name but found ${describe(nameTok)}`, hint);
      }
      // Glue/Athena treat column names case-insensitively, so "Id" and "id" would collide there.
      if (seen.has(nameTok.text.toLowerCase())) {
        fail(nameTok.offset, `duplicate field name "${nameTok.text}" in struct<...>`, 'rename or remove one of the fields (names are case-insensitive)');
      }
      seen.add(nameTok.text.toLowerCase());
      this.expect(':', `expected ":" after field name "${nameTok.text}"`, 'write fields as name:type, e.g. id:string');
      fields.push({ name: nameTok.text, type: this.parseType(depth + 1) });
      if (this.accept('>')) return { kind: 'struct', fields };
      this.expect(',', 'expected "," or ">" in struct<...>', 'separate fields with "," and close the struct with ">"');
    }
  }

  private parseDecimal(): GlueType {
    // Bare "decimal" follows Hive's default of decimal(10,0).
    if (!this.accept('(')) return { kind: 'decimal', precision: 10, scale: 0 };
    const hint = 'write decimal(p,s) with 1 <= p <= 38 and 0 <= s <= p, e.g. decimal(12,2)';
    const p = this.expectNumber('a decimal precision', hint);
    if (p.value < 1 || p.value > MAX_DECIMAL_PRECISION) {
      fail(p.offset, `decimal precision must be between 1 and ${MAX_DECIMAL_PRECISION} but found ${p.text}`, hint);
    }
    let scale = 0;
    if (this.accept(',')) {
      const s = this.expectNumber('a decimal scale', hint);
      if (s.value > p.value) fail(s.offset, `decimal scale must be between 0 and the precision (${p.value}) but found ${s.text}`, hint);
      scale = s.value;
    }
    this.expect(')', 'expected ")" to close decimal(...)', hint);
    return { kind: 'decimal', precision: p.value, scale };
  }

  private parseLength(name: 'varchar' | 'char'): GlueType {
    const max = LENGTH_LIMITS[name];
    const hint = `write ${name}(n) with 1 <= n <= ${max}, e.g. ${name}(${name === 'char' ? 2 : 255})`;
    this.expect('(', `${name} requires a length: expected "("`, hint);
    const n = this.expectNumber(`a ${name} length`, hint);
    if (n.value < 1 || n.value > max) fail(n.offset, `${name} length must be between 1 and ${max} but found ${n.text}`, hint);
    this.expect(')', `expected ")" to close ${name}(...)`, hint);
    return { kind: name, length: n.value };
  }
}

/** Parses a Glue/Hive type string. Never throws: every problem comes back as `{ ok: false }`. */
export function parseGlueType(text: string): GlueTypeResult {
  // Callers may be plain JS reading YAML, where a column type can be a number or null.
  if (typeof text !== 'string') {
    return { ok: false, error: { offset: 0, message: `expected a type string but found ${typeof text}`, hint: 'quote the type, e.g. "string"' } };
  }
  let result = parsed.get(text);
  if (!result) {
    result = deepFreeze(parse(text));
    if (parsed.size >= REMEMBERED_TYPES) parsed.clear();
    parsed.set(text, result);
  }
  return result;
}

/**
 * A mesh writes the same few dozen types on thousands of columns: each text is parsed once and
 * its (frozen, so shareable) result handed out again.
 */
const parsed = new Map<string, GlueTypeResult>();
const REMEMBERED_TYPES = 10_000;

function parse(text: string): GlueTypeResult {
  try {
    return { ok: true, type: new Parser(tokenize(text)).parseDocument() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Canonical lowercase Glue/Hive spelling, no spaces: e.g. "array<struct<sku:string,qty:int>>", "decimal(12,2)". Round-trips through parseGlueType. */
export function formatGlueType(type: GlueType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'decimal':
      return `decimal(${type.precision},${type.scale})`;
    case 'varchar':
    case 'char':
      return `${type.kind}(${type.length})`;
    case 'array':
      return `array<${formatGlueType(type.element)}>`;
    case 'map':
      return `map<${formatGlueType(type.key)},${formatGlueType(type.value)}>`;
    // Field names keep their written case: they are data, not keywords.
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}:${formatGlueType(f.type)}`).join(',')}>`;
  }
}

/** true for primitive, decimal, varchar, char */
export function isScalarGlueType(type: GlueType): boolean {
  return type.kind === 'primitive' || type.kind === 'decimal' || type.kind === 'varchar' || type.kind === 'char';
}

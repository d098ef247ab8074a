/**
 * What YAML allows but a contract must not hold, found on the parsed document before it becomes
 * JavaScript values: tags the loader would drop (`!!js/function`), aliases that refer to nothing or
 * to themselves, keys that are lists, text AWS refuses, and numbers JavaScript cannot keep exactly.
 * Each is an error at its line, never a crash or a silent change of the value.
 */
import type { Alias, Document, LineCounter, Node, Pair, Scalar } from 'yaml';
import { yamlPackage } from './yaml-package';
import { controlCharacter, inexactNumber, invalidCharacter, nonFiniteNumber, nonTextKey, recursiveAlias, unknownTag, unresolvedAlias, unsupportedTag, type At, type ContractError } from './errors';

/** Tags of the YAML 1.2 core schema, and the non-specific `!`: they only say what the plain value already is. */
const CORE_TAGS = new Set([
  '!',
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

type Ancestors = readonly (Document | Node | Pair)[];

export interface DocumentCheck {
  /** Errors of the document's shape: the values cannot be trusted (a dropped tag, a broken alias). */
  readonly structure: ContractError[];
  /** Errors of the values themselves: the document is usable, so later checks still run. */
  readonly content: ContractError[];
}

export function checkDocument(file: string, text: string, doc: Document.Parsed, lines: LineCounter): DocumentCheck {
  const { isAlias, isCollection, isPair, visit } = yamlPackage();
  const structure: ContractError[] = [];
  const content: ContractError[] = [];
  const at = (node: Node | Pair, ancestors: Ancestors) => {
    const range = isPair(node) ? (node.key as Node | null)?.range : node.range;
    const { line, col } = lines.linePos(range?.[0] ?? 0);
    return { file, line, column: col, path: pathOf(ancestors, node) };
  };
  // yaml's tag-resolution warnings name the tag; this check gives its line and path as well.
  const checkTag = (node: Node, ancestors: Ancestors) => {
    if (!node.tag || CORE_TAGS.has(node.tag)) return;
    const tag = shortTag(node.tag);
    const where = { ...at(node, ancestors), ...tagPosition(text, node, lines) };
    structure.push(isKnownTag(doc, node.tag) ? unsupportedTag(where, tag) : unknownTag(where, tag));
  };
  visit(doc, {
    Map(_key, node, ancestors) {
      checkTag(node, ancestors);
    },
    Seq(_key, node, ancestors) {
      checkTag(node, ancestors);
    },
    Pair(_key, pair, ancestors) {
      if (isCollection(pair.key) || isAlias(pair.key)) structure.push(nonTextKey(at(pair.key, [...ancestors, pair])));
    },
    Alias(_key, alias, ancestors) {
      const source = alias.resolve(doc);
      if (!source) structure.push(unresolvedAlias(at(alias, ancestors), alias.source));
      else if (ancestors.includes(source)) structure.push(recursiveAlias(at(alias, ancestors), alias.source));
    },
    Scalar(_key, scalar, ancestors) {
      checkTag(scalar, ancestors);
      const problem = scalarProblem(scalar, text);
      if (problem) content.push(problem(at(scalar, ancestors)));
    },
  });
  return { structure, content };
}

/** The first alias of the document, where an alias bomb is reported. */
export function firstAlias(doc: Document.Parsed, file: string, lines: LineCounter): At {
  const { visit } = yamlPackage();
  let found: { alias: Alias; ancestors: Ancestors } | undefined;
  visit(doc, {
    Alias(_key, alias, ancestors) {
      found = { alias, ancestors };
      return visit.BREAK;
    },
  });
  const { line, col } = lines.linePos(found?.alias.range?.[0] ?? 0);
  return { file, line, column: col, path: found ? pathOf(found.ancestors, found.alias) : '' };
}

/** Control characters (but tab, line feed, carriage return), surrogates and the two non-characters. */
export const SUSPECT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/;

function scalarProblem(scalar: Scalar, text: string): ((at: At) => ContractError) | undefined {
  const value = scalar.value;
  if (typeof value === 'string') {
    // Most text is clean: one native scan decides, the loop below only finds what and where.
    if (!SUSPECT_TEXT.test(value)) return undefined;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) {
        return (at) => controlCharacter(at, code);
      }
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = value.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
        return (at) => invalidCharacter(at, code);
      }
      if ((code >= 0xdc00 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) return (at) => invalidCharacter(at, code);
    }
    return undefined;
  }
  if (typeof value === 'number' && scalar.range) {
    const written = text.slice(scalar.range[0], scalar.range[1]).trim();
    if (!Number.isFinite(value)) return (at) => nonFiniteNumber(at, written);
    const becomes = numberChange(written, value);
    if (becomes !== undefined) return (at) => inexactNumber(at, written, becomes);
  }
  return undefined;
}

/**
 * What a written number turns into when it is not kept exactly (an integer past 2^53, more
 * significant digits than a double holds), else undefined. Compared as decimal digits, so `1.50`
 * and `1.5e0` keep their value and `9007199254740993` does not.
 */
export function numberChange(written: string, value: number): string | undefined {
  const integer = /^([-+]?)(0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$/.exec(written);
  if (integer) {
    const exact = BigInt(integer[2].startsWith('0o') ? `0o${integer[2].slice(2)}` : integer[2]) * (integer[1] === '-' ? -1n : 1n);
    return Number.isInteger(value) && BigInt(value) === exact ? undefined : formatNumber(value);
  }
  const source = decimalDigits(written);
  if (!source) return undefined;
  const kept = decimalDigits(String(value));
  return kept && kept.sign === source.sign && kept.digits === source.digits && kept.exponent === source.exponent ? undefined : formatNumber(value);
}

/** A decimal as sign, significant digits and the exponent of the last digit, so equal numbers compare equal. */
function decimalDigits(text: string): { sign: string; digits: string; exponent: number } | undefined {
  const match = /^([-+]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', power = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  let exponent = Number(power) - fraction.length;
  if (digits === '') return { sign: '', digits: '0', exponent: 0 };
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return { sign: sign === '-' ? '-' : '', digits, exponent };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
}

/** Where the tag is written: just before its value (the node's range starts after the tag). */
function tagPosition(text: string, node: Node, lines: LineCounter): { line: number; column: number } | undefined {
  const start = node.range?.[0];
  if (start === undefined) return undefined;
  const before = text.slice(Math.max(0, start - 1024), start);
  const match = /!\S*\s*$/.exec(before);
  if (!match) return undefined;
  const { line, col } = lines.linePos(start - before.length + match.index);
  return { line, column: col };
}

function isKnownTag(doc: Document.Parsed, tag: string): boolean {
  return doc.schema.tags.some((t) => t.tag === tag);
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** `schema[2].description` style path of a node, from its ancestors. */
function pathOf(ancestors: Ancestors, node: Node | Pair): string {
  const { isPair, isScalar, isSeq } = yamlPackage();
  let out = '';
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) out += `[${parent.items.indexOf(child)}]`;
    else if (isPair(parent) && isScalar(parent.key)) {
      const key = String(parent.key.value);
      out += out ? `.${key}` : key;
    }
  }
  return out;
}

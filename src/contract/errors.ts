import { EXCERPT_CHARACTERS, MAX_ALIAS_COUNT, MAX_DURATION_DAYS, MAX_FILE_BYTES, PLATFORM_TAG_KEYS, quote } from './limits';
import type { SourceLocation } from './model';
import { compareText } from './order';

/**
 * One problem in one input file. Errors are values: loaders collect every one of them across
 * every file and report them together, so a user fixes a whole mesh in one pass.
 */
export interface ContractError extends SourceLocation {
  /** Path of the offending field in the document, e.g. `schema[2].type`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

/** Line of an error about a file that does not exist: there is no line to point at. */
export const MISSING_FILE_LINE = 0;

/** `file:line:col`, or only the file when the error is that the file is missing. */
export function formatLocation(location: SourceLocation): string {
  return location.line === MISSING_FILE_LINE ? location.file : `${location.file}:${location.line}:${location.column}`;
}

export function formatContractError(error: ContractError): string {
  const where = formatLocation(error);
  const field = error.path ? ` ${bounded(error.path)}:` : '';
  return `${where}:${field} ${bounded(error.message)}\n    hint: ${bounded(error.hint)}`;
}

/**
 * The last guard against a huge value in a message (every factory quotes excerpts already): a
 * message never grows past a few lines, whatever a file holds.
 */
const MAX_MESSAGE = 20 * EXCERPT_CHARACTERS;
function bounded(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** Stable order: by file, then position, so reports do not depend on discovery order. */
export function sortContractErrors(errors: readonly ContractError[]): ContractError[] {
  return [...errors].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message));
}

/** What the loader read, for the summary line of a failed build. */
export interface LoadSummary {
  /** Files read: platform.yaml, domain.yaml files and contracts. */
  readonly filesRead?: number;
  /** Warnings of the load, among them every file under the contracts folder that was not read. */
  readonly warnings?: readonly ContractError[];
}

/** Thrown at the edge (buildMesh) when a mesh has errors; carries all of them. */
export class MeshValidationError extends Error {
  constructor(
    readonly errors: readonly ContractError[],
    readonly summary: LoadSummary = {},
  ) {
    const sorted = sortContractErrors(errors);
    const files = new Set(sorted.map((e) => e.file)).size;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const warnings = sortContractErrors(summary.warnings ?? []);
    const skipped = warnings.filter(isNotRead).length;
    const read = summary.filesRead === undefined ? '' : ` ${plural(summary.filesRead, 'file')} read${skipped > 0 ? `, ${skipped} not read` : ''}.`;
    super(
      `${plural(sorted.length, 'error')} in ${plural(files, 'file')}; nothing was synthesized.${read}\n` +
        [...sorted.map(formatContractError), ...warnings.map((w) => `warning: ${formatContractError(w)}`)].join('\n'),
    );
    this.name = 'MeshValidationError';
  }
}

const NOT_READ = 'not read: ';

/** A warning about a file under the contracts folder that the loader does not read. */
export function isNotRead(warning: { readonly message: string }): boolean {
  return warning.message.startsWith(NOT_READ);
}

/*
 * Errors about what a file is before it is a contract: its size, its encoding, its YAML, the files
 * that are never read. One factory per message, so each is written and tested once.
 */

/** Where an error is: a location and the field path. */
export type At = SourceLocation & { readonly path: string };

export function fileTooLarge(file: string, bytes: number): ContractError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    file,
    line: 1,
    column: 1,
    path: '',
    message: `file is ${mb(bytes)}, more than the ${mb(MAX_FILE_BYTES)} a contract file may have; it was not parsed`,
    hint: 'a contract describes a data product in a few kilobytes; keep data and generated text out of it',
  };
}

export function invalidUtf8(file: string, line: number, column: number, byte: number | undefined): ContractError {
  const shown = byte === undefined ? 'end of file inside a character' : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    file,
    line,
    column,
    path: '',
    message: `not valid UTF-8: ${shown} does not start or continue a UTF-8 character`,
    hint: 'save the file as UTF-8 (a Latin-1 or Windows-1252 "é" is a single byte that UTF-8 does not allow)',
  };
}

export function yamlVersionUnsupported(at: SourceLocation, version: string): ContractError {
  return {
    ...at,
    path: '',
    message: `%YAML ${excerptOf(version)} is not supported: contracts are YAML 1.2`,
    hint: 'remove the %YAML directive; YAML 1.1 reads yes/no, 0777 and 1:20 as booleans and numbers',
  };
}

export function unknownTag(at: At, tag: string): ContractError {
  return {
    ...at,
    message: `unknown YAML tag ${excerptOf(tag)}: the value would be read as plain text`,
    hint: 'remove the tag; contracts use plain YAML values (strings, numbers, true/false, lists and mappings)',
  };
}

export function unsupportedTag(at: At, tag: string): ContractError {
  return { ...at, message: `YAML tag ${excerptOf(tag)} is not supported in contracts`, hint: 'remove the tag; contracts use plain YAML values (strings, numbers, true/false, lists and mappings)' };
}

export function yamlWarning(at: At, code: string, message: string): ContractError {
  return { ...at, message: `YAML problem (${code}): ${excerptOf(message)}`, hint: 'fix the YAML at this position' };
}

export function tooManyAliases(at: At): ContractError {
  return {
    ...at,
    message: `aliases expand past the limit of ${MAX_ALIAS_COUNT}: anchors nested in anchors (a "billion laughs" document)`,
    hint: 'write the values out instead of nesting aliases (*name) of anchors (&name)',
  };
}

export function unresolvedAlias(at: At, name: string): ContractError {
  return { ...at, message: `alias *${excerptOf(name)} refers to no anchor before it`, hint: `define &${excerptOf(name)} before using *${excerptOf(name)}, or write the value out` };
}

export function recursiveAlias(at: At, name: string): ContractError {
  return { ...at, message: `alias *${excerptOf(name)} is inside the value it refers to (a value cannot contain itself)`, hint: 'write the value out instead of the alias' };
}

export function nonTextKey(at: At): ContractError {
  return { ...at, message: 'a mapping key must be text, not a list or a mapping', hint: 'write the key as a plain word, e.g. `name:`' };
}

export function controlCharacter(at: At, codePoint: number): ContractError {
  const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    ...at,
    message: `control character ${name} in text: AWS refuses control characters in names, descriptions and tags`,
    hint: 'remove it; line breaks and tabs are fine in descriptions and are folded to spaces where AWS needs one line',
  };
}

export function invalidCharacter(at: At, codeUnit: number): ContractError {
  const name = `U+${codeUnit.toString(16).toUpperCase().padStart(4, '0')}`;
  return { ...at, message: `${name} is not a character AWS accepts in text (a lone surrogate or a non-character)`, hint: 'remove the escape sequence; write the character itself in UTF-8' };
}

export function nonFiniteNumber(at: At, written: string): ContractError {
  return { ...at, message: `${excerptOf(written)} is not a finite number`, hint: 'write a number such as 0, 42 or 12.5' };
}

export function inexactNumber(at: At, written: string, becomes: string): ContractError {
  return {
    ...at,
    message: `the number ${excerptOf(written)} cannot be kept exactly: it would become ${becomes}`,
    hint: 'use at most 15 significant digits; integers up to 9007199254740991 are exact',
  };
}

export function notRead(file: string, why: string, hint: string): ContractError {
  return { file, line: 1, column: 1, path: '', message: `${NOT_READ}${why}`, hint };
}

export function folderNotReadable(folder: string, error: unknown): ContractError {
  return { file: folder, line: 1, column: 1, path: '', message: `cannot read folder: ${(error as Error).message}`, hint: 'check that the folder exists and is readable' };
}

export function symlinkLeavesContracts(file: string, target: string): ContractError {
  return {
    file,
    line: 1,
    column: 1,
    path: '',
    message: `symbolic link leads outside the contracts folder (to ${excerptOf(target)})`,
    hint: 'copy the file into the contracts folder, or link only to files inside it',
  };
}

export function durationTooLong(at: At, what: string, days: number): ContractError {
  return {
    ...at,
    message: `${what} of ${days} days is longer than ${MAX_DURATION_DAYS / 365} years (${MAX_DURATION_DAYS} days), the most the platform accepts`,
    hint: `use at most ${MAX_DURATION_DAYS / 365}y (${MAX_DURATION_DAYS}d)${what === 'retention' ? ', or leave retention out to keep the data' : ''}`,
  };
}

export function platformTagKeyError(at: At, key: string, reserved: string): ContractError {
  const spelling = key === reserved ? '' : ` (as "${reserved}")`;
  return {
    ...at,
    message: `tag key "${excerptOf(key)}" is set by the platform${spelling} and cannot be set here`,
    hint: `remove the ${excerptOf(key)} tag; the platform sets ${PLATFORM_TAG_KEYS.join(', ')} itself`,
  };
}

export function tagKeyCaseClash(at: At, key: string, other: string, where: string): ContractError {
  return {
    ...at,
    message: `tag key "${excerptOf(key)}" differs only in case from "${excerptOf(other)}" ${where}`,
    hint: `spell it "${excerptOf(other)}"; AWS treats tag keys that differ only in case as duplicates in IAM and other services`,
  };
}

export function textTooLong(at: At, target: string, length: number, max: number): ContractError {
  return { ...at, message: `${length} characters: ${target} holds at most ${max}`, hint: `shorten it to ${max} characters; put longer documentation in the catalog or a linked page` };
}

function excerptOf(text: string): string {
  return quote(text).slice(1, -1);
}

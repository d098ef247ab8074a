/**
 * What the loader accepts, in one place: the limits of the AWS services a contract becomes, and
 * the limits that keep the tool itself safe from a hostile or broken file. The README's "Errors
 * you can act on" lists the same figures.
 */

/** A contract is a few kilobytes; a file past this is refused before it is parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Aliases (`*name`) one file may expand; more is a YAML "billion laughs" document. */
export const MAX_ALIAS_COUNT = 100;

/** Characters of an offending value an error message quotes. */
export const EXCERPT_CHARACTERS = 60;

/** Glue `Column.Comment`: 255 characters, single line (no line breaks). */
export const GLUE_COLUMN_COMMENT_MAX = 255;
/** Glue `TableInput.Description` and `DatabaseInput.Description`: 2048 characters, line breaks allowed. */
export const GLUE_DESCRIPTION_MAX = 2048;
/** AWS tags: keys 1-128, values 0-256 characters. */
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;

/** The longest retention, freshness or age a contract may declare: 100 years, in days. */
export const MAX_DURATION_DAYS = 36500;

/**
 * Tags the platform sets on every resource from the contract and the domain. A contract, domain
 * or platform tag may not set them, in any spelling: IAM and several other services treat tag keys
 * that differ only in case as duplicates, and the provider's default_tags would fight over them.
 */
export const PLATFORM_TAG_KEYS: readonly string[] = ['Domain', 'DataProduct', 'Owner', 'Classification', 'ContractVersion', 'Status', 'Sunset', 'Environment', 'ManagedBy'];

/** The platform tag that `key` spells, ignoring case, if any. */
export function platformTagKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  return PLATFORM_TAG_KEYS.find((reserved) => reserved.toLowerCase() === lower);
}

/** Length as AWS counts it: characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * At most a short, printable excerpt of a value for an error message, so a 50 MB value yields a
 * one-line error. Control characters are shown as `\u0007`, so the excerpt is safe to print.
 */
export function excerpt(value: string, max: number = EXCERPT_CHARACTERS): string {
  const characters = Array.from(value);
  const head = characters.slice(0, max).join('');
  const shown = head.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return characters.length > max ? `${shown}…` : shown;
}

/** `JSON.stringify` for messages, cut to an excerpt for long strings and collections. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${excerpt(value).replace(/"/g, '\\"')}"`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > EXCERPT_CHARACTERS ? `${json.slice(0, EXCERPT_CHARACTERS)}…` : json;
}

/**
 * Text for a target that takes one line (a Glue column comment): line breaks, tabs and runs of
 * white space become single spaces. A folded YAML block (`description: |`) reads the same.
 */
export function foldToOneLine(text: string): string {
  // Most text is one line already: returned as it is, not copied.
  return NOT_ONE_LINE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** White space other than a single space between words: what folding changes. */
const NOT_ONE_LINE = /[^\S ]| \s|^\s|\s$/;

/**
 * DQDL literals, written the way the Glue Data Quality parser reads them back (awslabs/dqdl:
 * `QUOTED_STRING: '"' (ESC | .)*? '"'` with `ESC: '\"' | '\\'`). The parser treats the three kinds
 * of quoted text differently, so each has its own writer. Each returns undefined for what it
 * cannot write faithfully: the caller reports the rule instead of deploying a different one.
 */

/**
 * A column name. DQDL strips the quotes of a rule parameter but does not unescape it, so a name
 * with a quote, a backslash or a line break cannot be written at all. Contract columns are
 * snake_case, so this only guards hand-built models.
 */
export function columnName(name: string): string | undefined {
  return /["\\\r\n]/.test(name) ? undefined : `"${name}"`;
}

/** A value of an `in [...]` list: the parser unescapes `\"` and `\\` there. */
export function stringValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A regular expression for `matches`. The parser hands it to the regex engine without unescaping,
 * so backslashes stay as written (`\s` must reach the engine as `\s`, not `\\s`). Only a quote
 * needs a backslash, which the engine reads as a literal quote again; a quote that the pattern
 * already escapes is left alone, since an odd run of backslashes before it pairs with it.
 */
export function regexValue(pattern: string): string | undefined {
  let out = '';
  let backslashes = 0;
  for (const char of pattern) {
    if (char === '"' && backslashes % 2 === 0) out += '\\';
    out += char;
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  // A trailing lone backslash would escape the closing quote (and is no valid regex anyway).
  return backslashes % 2 === 1 ? undefined : `"${out}"`;
}

/**
 * A number as DQDL's grammar spells it: digits, an optional fraction, an optional minus sign and
 * no exponent (JavaScript writes 1e-7 and 1e21 with one).
 */
export function numberValue(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const [, sign, whole, fraction = '', power] = exponent;
  const digits = whole + fraction;
  const point = whole.length + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A duration for `now() - ...`: whole hours as hours, anything else in minutes (the DQDL units are days, hours, minutes). */
export function durationValue(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

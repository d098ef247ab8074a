/**
 * Text order by UTF-16 code unit, not by locale: `localeCompare` depends on the machine's ICU
 * data and LANG, and output that must be byte-identical everywhere cannot.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Our extras in ODCS `customProperties`: what the native format says and ODCS has no field for.
 * Prefixed so that they never collide with another tool's custom properties; their values are
 * checked by the ODCS schema against the native schema's definitions.
 */
import type { OdcsCustomProperty } from './document';

export const EXTRA = {
  /** Contract level: AWS tags for every resource of the product (native `tags`). */
  tags: 'datameshTags',
  /** Contract level: governance exceptions (native `governance.exceptions`). */
  exceptions: 'datameshExceptions',
  /** Contract level: the date a deprecated product stops being served (native `sunset`). */
  sunset: 'datameshSunset',
  /** Contract level: when the quality rules are evaluated, a cron(...)/rate(...) expression (native `sla.checkSchedule`). */
  checkSchedule: 'datameshCheckSchedule',
  /** Contract level: the output format when no server names one. */
  format: 'datameshFormat',
  /** Role level: the consumer is approved to read PII columns. */
  pii: 'datameshPii',
} as const;

/** The engine name of ODCS custom quality checks whose implementation is a native quality rule. */
export const DATAMESH_ENGINE = 'datamesh';

export function findExtra(list: readonly OdcsCustomProperty[] | undefined, name: string): { value: unknown; index: number } | undefined {
  const index = (list ?? []).findIndex((p) => p.property === name);
  return index < 0 ? undefined : { value: list![index].value, index };
}

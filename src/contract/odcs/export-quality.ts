/**
 * Quality rules -> ODCS checks. Rules ODCS has a library metric for are written as that metric
 * with `mustBe: 0` (or the row-count bounds), so other ODCS tools understand them: from v3.1.0 as
 * `metric:`, in v3.0.x as the `rule:` names of its documentation. Range and freshness have no
 * metric and travel as `datamesh` custom checks whose implementation is the native rule, as do
 * rules v3.0.x has no library form for. Reading them back gives the same rules.
 */
import type { QualityRule } from '../model';
import { DATAMESH_ENGINE } from './custom-properties';
import type { OdcsMetric } from './document';
import type { OdcsExportVersion } from './header';

type Check = Record<string, unknown>;

export interface PlacedChecks {
  /** Checks of one column, by column name. */
  readonly byColumn: ReadonlyMap<string, Check[]>;
  /** Checks of the whole table. */
  readonly table: readonly Check[];
}

/** The v3.0.x library rule each metric was called, as the v3.0.x reader understands it again. */
const V30_RULE: Record<OdcsMetric, string> = {
  nullValues: 'nullCheck',
  missingValues: 'missingValues',
  invalidValues: 'validValues',
  duplicateValues: 'duplicateCount',
  rowCount: 'rowCount',
};

/** `propertyOf` names a column as the exported table's properties do (a table-level check refers to them by that name). */
export function placeQualityRules(rules: readonly QualityRule[], version: OdcsExportVersion, propertyOf: (column: string) => string = (column) => column): PlacedChecks {
  const v30 = version.startsWith('v3.0.');
  const byColumn = new Map<string, Check[]>();
  const table: Check[] = [];
  const onColumn = (column: string, check: Check) => byColumn.set(column, [...(byColumn.get(column) ?? []), check]);
  const library = (metric: OdcsMetric, rest: Check): Check => (v30 ? { rule: V30_RULE[metric], ...rest } : { metric, ...rest });
  for (const rule of rules) {
    const described = (check: Check): Check => (rule.description ? { ...check, description: rule.description } : check);
    const native = (implementation: Check, dimension: string) => described(datameshCheck(implementation, dimension));
    switch (rule.kind) {
      case 'not_null':
        onColumn(rule.column, described(library('nullValues', { mustBe: 0, dimension: 'completeness' })));
        break;
      case 'unique':
        if (rule.columns.length === 1) onColumn(rule.columns[0], described(library('duplicateValues', { mustBe: 0, dimension: 'uniqueness' })));
        // v3.0.x has no `arguments` to name the columns of a table-level check.
        else if (v30) table.push(native({ rule: 'unique', columns: [...rule.columns] }, 'uniqueness'));
        else table.push(described({ metric: 'duplicateValues', mustBe: 0, dimension: 'uniqueness', arguments: { properties: rule.columns.map(propertyOf) } }));
        break;
      case 'accepted_values':
        if (v30) onColumn(rule.column, described({ rule: 'validValues', validValues: [...rule.values], dimension: 'conformity' }));
        else onColumn(rule.column, described({ metric: 'invalidValues', mustBe: 0, dimension: 'conformity', arguments: { validValues: [...rule.values] } }));
        break;
      case 'pattern':
        if (v30) onColumn(rule.column, native({ rule: 'pattern', column: rule.column, pattern: rule.pattern }, 'conformity'));
        else onColumn(rule.column, described({ metric: 'invalidValues', mustBe: 0, dimension: 'conformity', arguments: { pattern: rule.pattern } }));
        break;
      case 'row_count':
        table.push(described(library('rowCount', { ...rowCountOperator(rule.min, rule.max), dimension: 'completeness' })));
        break;
      case 'range':
        onColumn(rule.column, native({ rule: 'range', column: rule.column, ...bounds(rule.min, rule.max) }, 'accuracy'));
        break;
      case 'freshness':
        onColumn(rule.column, native({ rule: 'freshness', column: rule.column, maxAge: duration(rule.maxAgeMinutes) }, 'timeliness'));
        break;
    }
  }
  return { byColumn, table };
}

function rowCountOperator(min: number | undefined, max: number | undefined): Check {
  if (min !== undefined && max !== undefined) return min === max ? { mustBe: min } : { mustBeBetween: [min, max] };
  return min !== undefined ? { mustBeGreaterOrEqualTo: min } : { mustBeLessOrEqualTo: max };
}

function datameshCheck(implementation: Check, dimension: string): Check {
  return { type: 'custom', engine: DATAMESH_ENGINE, implementation, dimension };
}

function bounds(min: number | undefined, max: number | undefined): Check {
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** Minutes as a count of the largest unit that divides them: 120 -> 2 h. */
export function durationParts(minutes: number): { value: number; unit: 'y' | 'w' | 'd' | 'h' | 'm' } {
  for (const [unit, size] of [
    ['y', 525600],
    ['w', 10080],
    ['d', 1440],
    ['h', 60],
  ] as const) {
    if (minutes > 0 && minutes % size === 0) return { value: minutes / size, unit };
  }
  return { value: minutes, unit: 'm' };
}

/** Minutes in the native duration syntax (`2h`, `90m`). */
function duration(minutes: number): string {
  const { value, unit } = durationParts(minutes);
  return `${value}${unit}`;
}

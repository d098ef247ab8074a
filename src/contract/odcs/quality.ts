/**
 * ODCS quality checks -> quality rules. Library metrics with a zero tolerance and `datamesh`
 * custom checks become rules the platform enforces; every other check is valid ODCS that the
 * platform does not enforce, and says so in a warning rather than disappearing.
 */
import { quote } from '../limits';
import { normalizeQualityRule, type Fail, type NativeQualityRule } from '../native';
import type { QualityCheck, QualityRule } from '../model';
import { dqdlPatternProblem } from '../patterns';
import type { DocPath } from '../source';
import { DATAMESH_ENGINE } from './custom-properties';
import { OPERATORS, type OdcsMetric, type OdcsProperty, type OdcsQualityCheck } from './document';
import type { DocumentIssues } from './issues';
import type { OdcsColumns, OdcsTable } from './table';

const NOT_ENFORCED = 'the check stays in the contract; express it as a library metric with `mustBe: 0`, or as a `datamesh` custom check, to have it enforced';

/**
 * ODCS v3.0.x library checks name a `rule`, free text: the ones its documentation and common tools
 * use, as the v3.1.0 metric they became. `zero`: without an operator, the name itself says that no
 * row may fail (a not-null check, a list of valid values).
 */
const V30_RULES = new Map<string, { metric: OdcsMetric; zero?: boolean }>([
  ['nullcheck', { metric: 'nullValues', zero: true }],
  ['notnull', { metric: 'nullValues', zero: true }],
  ['nullvalues', { metric: 'nullValues' }],
  ['nullcount', { metric: 'nullValues' }],
  ['missingvalues', { metric: 'missingValues' }],
  ['duplicatecount', { metric: 'duplicateValues' }],
  ['duplicatevalues', { metric: 'duplicateValues' }],
  ['unique', { metric: 'duplicateValues', zero: true }],
  ['validvalues', { metric: 'invalidValues', zero: true }],
  ['invalidvalues', { metric: 'invalidValues' }],
  ['invalid', { metric: 'invalidValues' }],
  ['rowcount', { metric: 'rowCount' }],
]);

export function readQualityChecks({ table, index }: OdcsTable, columns: OdcsColumns, issues: DocumentIssues): QualityRule[] {
  const rules: QualityRule[] = [];
  const base: DocPath = ['schema', index];
  (table.properties ?? []).forEach((property, p) => {
    const column = columns.byPropertyName.get(property.name!)!;
    const path: DocPath = [...base, 'properties', p];
    const own = (property.quality ?? []).flatMap((check, q) => readCheck(check, [...path, 'quality', q], column, columns, issues));
    rules.push(...own, ...propertyConstraints(property, path, column, own, issues), ...enumValues(property, path, column, own, issues));
    warnNested(property, path, issues);
  });
  (table.quality ?? []).forEach((check, q) => rules.push(...readCheck(check, [...base, 'quality', q], undefined, columns, issues)));
  return rules;
}

function readCheck(written: OdcsQualityCheck, path: DocPath, column: string | undefined, columns: OdcsColumns, issues: DocumentIssues): QualityRule[] {
  const rule = (kind: QualityCheck): QualityRule => ({ ...kind, description: written.description, location: issues.document.locate(path) });
  const type = written.type ?? (written.metric || written.rule ? 'library' : 'text');
  const check = type === 'library' ? asMetric(written, path, issues) : written;
  if (!check) return [];
  if (type === 'custom' && check.engine === DATAMESH_ENGINE) return datameshCheck(check, path, columns, issues);
  if (type !== 'library') {
    const what = type === 'custom' ? `custom checks for engine "${check.engine}"` : `${type} checks`;
    issues.warn(path, `${what} are not enforced by the platform`, NOT_ENFORCED);
    return [];
  }
  const operators = OPERATORS.filter((o) => check[o] !== undefined);
  const operator = operators[0];
  if (operators.length === 0) {
    issues.warn(path, `${check.rule ?? check.metric} without an operator is not enforced`, 'compare the result with an operator, e.g. `mustBe: 0`');
    return [];
  }
  if (check.metric === 'rowCount') {
    const bounds = operators.map((o) => rowCountBounds({ [o]: check[o] })).reduce(intersect);
    if (!bounds)
      issues.warn(
        [...path, operator],
        `rowCount with ${operator} is not enforced by the platform`,
        'bound the row count with mustBe, mustBeGreaterThan, mustBeLessThan (or their OrEqualTo forms) or mustBeBetween',
      );
    return bounds ? [rule({ kind: 'row_count', ...bounds })] : [];
  }
  const args = check.arguments ?? {};
  if (column === undefined && check.metric !== 'duplicateValues') {
    issues.warn(path, `${check.metric} at table level names no column and is not enforced`, 'move the check under the property it checks');
    return [];
  }
  // At table level, duplicateValues checks the combination of `arguments.properties`.
  const group = column !== undefined ? [column] : columnsOfArguments(args, path, columns, issues);
  if (!group) return [];
  if (operators.length > 1) {
    issues.warn([...path, operators[1]], `${check.metric} with ${operators.join(' and ')} is not enforced: the platform enforces ${check.metric} with \`mustBe: 0\``, NOT_ENFORCED);
    return [];
  }
  if (!isZeroTolerance(check)) {
    issues.warn(
      [...path, operator],
      `${check.metric} with ${operator}: ${JSON.stringify(check[operator])}${check.unit ? ` ${check.unit}` : ''} is not enforced: the platform enforces ${check.metric} with \`mustBe: 0\``,
      NOT_ENFORCED,
    );
    return [];
  }
  switch (check.metric) {
    case 'nullValues':
      return [rule({ kind: 'not_null', column: group[0] })];
    case 'missingValues': {
      const missing = (args.missingValues as unknown[] | undefined) ?? [null];
      if (missing.every((v) => v === null)) return [rule({ kind: 'not_null', column: group[0] })];
      issues.warn(
        [...path, 'arguments', 'missingValues'],
        'missingValues with values other than null is not enforced by the platform',
        'check the allowed values with invalidValues and `arguments.validValues`, and nulls with nullValues',
      );
      return [];
    }
    case 'duplicateValues':
      return [rule({ kind: 'unique', columns: group })];
    case 'invalidValues':
      return invalidValues(args, path, group[0], issues).map(rule);
    default:
      return [];
  }
}

/**
 * Constraints ODCS states on the property itself rather than as checks: `unique: true`, and the
 * inclusive `minimum`/`maximum` of `logicalTypeOptions`. A check already saying the same wins.
 */
function propertyConstraints(property: OdcsProperty, path: DocPath, column: string, own: readonly QualityRule[], issues: DocumentIssues): QualityRule[] {
  const rules: QualityRule[] = [];
  if (property.unique === true && !own.some((r) => r.kind === 'unique' && r.columns.length === 1)) {
    rules.push({ kind: 'unique', columns: [column], location: issues.document.locate([...path, 'unique']) });
  }
  const options = property.logicalTypeOptions ?? {};
  // v3.0.x: `exclusiveMinimum: true` makes `minimum` itself exclusive (false: inclusive); from v3.1.0 the exclusive bound is a number of its own.
  const inclusive = (bound: 'minimum' | 'maximum', exclusive: 'exclusiveMinimum' | 'exclusiveMaximum') =>
    typeof options[bound] === 'number' && options[exclusive] !== true ? options[bound] : undefined;
  const [min, max] = [inclusive('minimum', 'exclusiveMinimum'), inclusive('maximum', 'exclusiveMaximum')];
  if ((min !== undefined || max !== undefined) && !own.some((r) => r.kind === 'range')) {
    rules.push({ kind: 'range', column, min, max, location: issues.document.locate([...path, 'logicalTypeOptions']) });
  }
  for (const bound of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const value = options[bound];
    if (value === undefined || value === false) continue;
    const what =
      value === true
        ? `${bound}: true (an exclusive ${bound === 'exclusiveMinimum' ? 'minimum' : 'maximum'} of ${JSON.stringify(options[bound === 'exclusiveMinimum' ? 'minimum' : 'maximum'])})`
        : bound;
    issues.warn([...path, 'logicalTypeOptions', bound], `${what} is not enforced by the platform`, 'use the inclusive minimum or maximum');
  }
  for (const bound of ['minimum', 'maximum'] as const) {
    // Dates and timestamps give their bounds as text; range rules compare numbers.
    if (typeof options[bound] === 'string') issues.warn([...path, 'logicalTypeOptions', bound], `a ${bound} of ${property.logicalType} values is not enforced by the platform`, NOT_ENFORCED);
  }
  return rules;
}

/**
 * A v3.0.x check (`rule: duplicateCount`, `validValues: [...]`) as the v3.1.0 check it became
 * (`metric: duplicateValues`, `arguments.validValues`); a v3.1.0 check as it is. Undefined, with
 * a warning, for a v3.0.x rule that has no v3.1.0 metric.
 */
function asMetric(check: OdcsQualityCheck, path: DocPath, issues: DocumentIssues): OdcsQualityCheck | undefined {
  if (check.metric || check.rule === undefined) return check;
  const known = V30_RULES.get(check.rule.toLowerCase());
  if (!known) {
    issues.warn(
      [...path, 'rule'],
      `ODCS v3.0.x library rule "${check.rule}" has no ODCS v3.1.0 metric and is not enforced by the platform`,
      'use rule nullCheck, duplicateCount, validValues or rowCount, or a `datamesh` custom check, to have it enforced',
    );
    return undefined;
  }
  const hasOperator = OPERATORS.some((o) => check[o] !== undefined);
  return {
    ...check,
    metric: known.metric,
    ...(check.validValues !== undefined ? { arguments: { ...check.arguments, validValues: check.validValues } } : {}),
    ...(known.zero && !hasOperator ? { mustBe: 0 } : {}),
  };
}

/**
 * ODCS v3.2.0 `enum`: the values a property may take, as an accepted-values rule. A check that
 * already lists accepted values wins; nulls are allowed anyway, and values other than text and
 * numbers cannot be compared by the rule and are said.
 */
function enumValues(property: OdcsProperty, path: DocPath, column: string, own: readonly QualityRule[], issues: DocumentIssues): QualityRule[] {
  if (!property.enum || own.some((r) => r.kind === 'accepted_values')) return [];
  const values = property.enum.map((e) => e.value).filter((v) => v !== null);
  if (values.length === 0) return [];
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    issues.warn(
      [...path, 'enum'],
      `an enum of ${typeof values.find((v) => typeof v !== 'string' && typeof v !== 'number')} values is not enforced by the platform`,
      'list text or numbers, or check the values with a sql or custom check',
    );
    return [];
  }
  return [{ kind: 'accepted_values', column, values: values, location: issues.document.locate([...path, 'enum'], 'key') }];
}

function intersect(a: { min?: number; max?: number } | undefined, b: { min?: number; max?: number } | undefined): { min?: number; max?: number } | undefined {
  if (!a || !b) return undefined;
  const pick = (x: number | undefined, y: number | undefined, f: (...n: number[]) => number) => (x === undefined ? y : y === undefined ? x : f(x, y));
  return { min: pick(a.min, b.min, Math.max), max: pick(a.max, b.max, Math.min) };
}

/** Zero bad rows: `mustBe: 0`, `mustBeLessOrEqualTo: 0`, or fewer than one row. */
function isZeroTolerance(check: OdcsQualityCheck): boolean {
  if (check.mustBe === 0 || check.mustBeLessOrEqualTo === 0) return true;
  const lessThan = check.mustBeLessThan as number | undefined;
  return check.unit !== 'percent' && lessThan !== undefined && lessThan > 0 && lessThan <= 1;
}

function rowCountBounds(check: OdcsQualityCheck): { min?: number; max?: number } | undefined {
  const n = (key: keyof OdcsQualityCheck) => check[key] as number;
  if (typeof check.mustBe === 'number') return { min: check.mustBe, max: check.mustBe };
  if (check.mustBeGreaterThan !== undefined) return { min: Math.floor(n('mustBeGreaterThan')) + 1 };
  if (check.mustBeGreaterOrEqualTo !== undefined) return { min: Math.ceil(n('mustBeGreaterOrEqualTo')) };
  if (check.mustBeLessThan !== undefined) return { max: Math.ceil(n('mustBeLessThan')) - 1 };
  if (check.mustBeLessOrEqualTo !== undefined) return { max: Math.floor(n('mustBeLessOrEqualTo')) };
  if (check.mustBeBetween !== undefined) {
    const [low, high] = check.mustBeBetween as [number, number];
    return { min: Math.ceil(low), max: Math.floor(high) };
  }
  return undefined;
}

function invalidValues(args: Record<string, unknown>, path: DocPath, column: string, issues: DocumentIssues): QualityCheck[] {
  const checks: QualityCheck[] = [];
  if (Array.isArray(args.validValues)) {
    // A null among the valid values allows nulls, which accepted_values does anyway.
    const values = args.validValues.filter((v) => v !== null);
    if (values.length > 0 && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      checks.push({ kind: 'accepted_values', column, values: values });
    } else {
      issues.error([...path, 'arguments', 'validValues'], 'validValues must list strings or numbers', 'list the allowed values, e.g. [open, shipped, delivered]');
    }
  }
  if (typeof args.pattern === 'string') {
    // Checked in the dialect Glue runs it in (Java), not as a JavaScript regex.
    const problem = dqdlPatternProblem(args.pattern);
    if (!problem) checks.push({ kind: 'pattern', column, pattern: args.pattern });
    else issues.error([...path, 'arguments', 'pattern'], `pattern ${quote(args.pattern)}: ${problem.message}`, problem.hint);
  }
  if (!Array.isArray(args.validValues) && args.pattern === undefined) {
    issues.warn([...path, 'arguments'], 'invalidValues without `validValues` or `pattern` is not enforced', 'add `arguments.validValues` or `arguments.pattern`');
  }
  return checks;
}

/** `arguments.properties` of a table-level check, as column names; undefined after an error. */
function columnsOfArguments(args: Record<string, unknown>, path: DocPath, columns: OdcsColumns, issues: DocumentIssues): string[] | undefined {
  if (!Array.isArray(args.properties) || args.properties.length === 0) {
    issues.warn(path, 'duplicateValues at table level without `arguments.properties` is not enforced', 'list the columns whose combination is unique in `arguments.properties`');
    return undefined;
  }
  const names = args.properties.map((name) => columns.byPropertyName.get(String(name)));
  const unknown = args.properties.findIndex((_, i) => !names[i]);
  if (unknown >= 0) {
    issues.error(
      [...path, 'arguments', 'properties', unknown],
      `quality check refers to unknown property "${args.properties[unknown]}"`,
      `use a property of the table: ${[...columns.byPropertyName.keys()].join(', ')}`,
    );
    return undefined;
  }
  return names as string[];
}

/** A custom check of our own engine: its implementation is a native rule, already schema-checked. */
function datameshCheck(check: OdcsQualityCheck, path: DocPath, columns: OdcsColumns, issues: DocumentIssues): QualityRule[] {
  const implementation = check.implementation as NativeQualityRule;
  const declared = new Map(columns.all.map((c) => [c.name, c]));
  const fail: Fail = (at, message, hint) => issues.error(at, message, hint);
  const rule = normalizeQualityRule(issues.document, implementation, [...path, 'implementation'], declared, fail);
  return rule ? [{ ...rule, description: check.description ?? rule.description, location: issues.document.locate(path) }] : [];
}

function warnNested(property: OdcsProperty, path: DocPath, issues: DocumentIssues): void {
  const nested: [OdcsProperty, DocPath][] = [
    ...(property.properties ?? []).map((p, i): [OdcsProperty, DocPath] => [p, [...path, 'properties', i]]),
    ...(property.items ? [[property.items, [...path, 'items']] as [OdcsProperty, DocPath]] : []),
  ];
  for (const [child, at] of nested) {
    (child.quality ?? []).forEach((_, q) => issues.warn([...at, 'quality', q], 'quality checks on nested fields are not enforced by the platform', 'check the top-level column instead'));
    warnNested(child, at, issues);
  }
}

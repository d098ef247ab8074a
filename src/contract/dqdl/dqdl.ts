/**
 * A contract's quality rules as a Glue Data Quality ruleset (DQDL): a rendering of the model, like
 * the ODCS export, so it lives with the model. The construct that deploys the ruleset and the
 * governance rule that reports what cannot be compiled (DM115, which `datamesh validate` runs
 * without loading any synthesis code) share this one compiler, so they can never disagree.
 *
 * | contract rule      | DQDL |
 * |---|---|
 * | not_null           | `IsComplete "c"` |
 * | unique, one column | `IsUnique "c"` |
 * | unique, columns    | `IsPrimaryKey "a" "b"` when every column is required (unique and complete is then exactly the rule), else `IsUnique "a" "b"` |
 * | accepted_values    | `ColumnValues "c" in ["a", "b"]` (unquoted numbers on a numeric column) |
 * | range              | `ColumnValues "c" >= min`, `<= max`, both: `(... >= min) and (... <= max)` |
 * | pattern            | `ColumnValues "c" matches "regex"` |
 * | row_count          | `RowCount >= min`, `<= max`, both: `(RowCount >= min) and (RowCount <= max)` |
 * | freshness          | `ColumnValues "c" >= (now() - N hours) with threshold > 0` |
 *
 * - The contract's min and max are inclusive; DQDL's `between` excludes its bounds, hence `>=` and
 *   `<=` joined with `and`: each must hold for every row, which is the inclusive range.
 * - A `ColumnValues` rule fails NULL rows. On a column the contract does not require, the contract
 *   constrains the values that are present, so the rule gets `where "\`c\` is not null"`.
 * - Freshness means the newest row is at most that old (like the SLA). `DataFreshness` instead
 *   requires every row to be that recent, and takes no threshold, so it would fail every table that
 *   keeps history; a date condition that at least one row (threshold > 0) meets says what we mean.
 */
import type { ColumnSpec, DataProductSpec, QualityRule, SourceLocation } from '../model';
import { columnName, durationValue, numberValue, regexValue, stringValue } from './syntax';

export interface UnsupportedRule {
  readonly rule: QualityRule;
  /** Why DQDL cannot express it, in a phrase that completes "cannot be enforced: ...". */
  readonly reason: string;
  readonly location: SourceLocation;
}

export interface CompiledRuleset {
  /** The DQDL document, `Rules = [ ... ]`; an empty list when no rule compiled. */
  readonly ruleset: string;
  /** One DQDL rule per compiled contract rule, in contract order. */
  readonly rules: readonly string[];
  readonly unsupported: readonly UnsupportedRule[];
}

type Compiled = { readonly dqdl: string } | { readonly reason: string };

// Governance asks for a product's ruleset twice (DM115, DM119), synthesis and the catalog again:
// compiled once per product. The model is read-only, and so is what is remembered.
const compiledOf = new WeakMap<DataProductSpec, CompiledRuleset>();

export function compileDqdl(product: DataProductSpec): CompiledRuleset {
  let compiled = compiledOf.get(product);
  if (!compiled) {
    compiled = Object.freeze(compileRuleset(product));
    compiledOf.set(product, compiled);
  }
  return compiled;
}

function compileRuleset(product: DataProductSpec): CompiledRuleset {
  const columns = new Map([...product.columns, ...product.partitionKeys].map((c) => [c.name, c]));
  const rules: string[] = [];
  const unsupported: UnsupportedRule[] = [];
  for (const rule of product.quality) {
    const compiled = compileRule(rule, columns);
    if ('dqdl' in compiled) rules.push(compiled.dqdl);
    else unsupported.push({ rule, reason: compiled.reason, location: rule.location });
  }
  const ruleset = rules.length === 0 ? 'Rules = [ ]' : `Rules = [\n${rules.map((r) => `    ${r}`).join(',\n')}\n]`;
  return { ruleset, rules: Object.freeze(rules), unsupported: Object.freeze(unsupported) };
}

function compileRule(rule: QualityRule, columns: ReadonlyMap<string, ColumnSpec>): Compiled {
  if (rule.kind === 'row_count') return all(bounds('RowCount', rule.min, rule.max));
  const names = rule.kind === 'unique' ? rule.columns : [rule.column];
  const specs: ColumnSpec[] = [];
  for (const name of names) {
    const column = columns.get(name);
    if (!column) return { reason: `column "${name}" is not in the schema` };
    if (!isScalar(column)) return { reason: `column "${name}" is ${column.glueType}, and DQDL does not check nested or list-type columns` };
    if (!columnName(name)) return { reason: `column name "${name}" cannot be quoted in DQDL` };
    specs.push(column);
  }
  const [column] = specs;
  const quoted = columnName(column.name)!;
  switch (rule.kind) {
    case 'not_null':
      return { dqdl: `IsComplete ${quoted}` };
    case 'unique':
      if (specs.length === 1) return { dqdl: `IsUnique ${quoted}` };
      return { dqdl: `${specs.every(isRequired) ? 'IsPrimaryKey' : 'IsUnique'} ${specs.map((c) => columnName(c.name)).join(' ')}` };
    case 'accepted_values':
      return acceptedValues(column, rule.values);
    case 'range':
      if (!isNumeric(column)) return { reason: `range needs a numeric column, and "${column.name}" is ${column.glueType}` };
      return all(bounds(`ColumnValues ${quoted}`, rule.min, rule.max), column);
    case 'pattern': {
      if (!isText(column)) return { reason: `pattern needs a string column, and "${column.name}" is ${column.glueType}` };
      const regex = regexValue(rule.pattern);
      if (!regex) return { reason: 'the pattern ends with an unpaired backslash' };
      return all([`ColumnValues ${quoted} matches ${regex}`], column);
    }
    case 'freshness':
      if (!isTemporal(column)) return { reason: `freshness needs a date or timestamp column, and "${column.name}" is ${column.glueType}` };
      return { dqdl: `ColumnValues ${quoted} >= (now() - ${durationValue(rule.maxAgeMinutes)}) with threshold > 0` };
  }
}

/** `subject >= min` and `subject <= max`, for the bounds the contract sets: inclusive, unlike `between`. */
function bounds(subject: string, min: number | undefined, max: number | undefined): string[] | { reason: string } {
  const conditions: string[] = [];
  for (const [operator, value] of [
    ['>=', min],
    ['<=', max],
  ] as const) {
    if (value === undefined) continue;
    const number = numberValue(value);
    if (number === undefined) return { reason: `${value} is not a finite number` };
    conditions.push(`${subject} ${operator} ${number}`);
  }
  return conditions;
}

/**
 * Joins rules with `and`. Given the column, a rule about its values applies to present values
 * only when the column may be null (ColumnValues fails NULL rows); the where clause is Spark SQL,
 * so the name goes in backticks.
 */
function all(rules: string[] | { reason: string }, column?: ColumnSpec): Compiled {
  if (!Array.isArray(rules)) return rules;
  const where = column && !isRequired(column) ? ` where "\`${column.name}\` is not null"` : '';
  const scoped = rules.map((r) => `${r}${where}`);
  return { dqdl: scoped.length === 1 ? scoped[0] : scoped.map((r) => `(${r})`).join(' and ') };
}

function acceptedValues(column: ColumnSpec, values: readonly (string | number)[]): Compiled {
  const quoted = columnName(column.name)!;
  if (isNumeric(column)) {
    const numbers = values.map((v) => (typeof v === 'number' ? numberValue(v) : undefined));
    if (numbers.some((n) => n === undefined)) return { reason: `accepted values of numeric column "${column.name}" must be finite numbers` };
    return all([`ColumnValues ${quoted} in [${numbers.join(', ')}]`], column);
  }
  if (!isText(column)) return { reason: `accepted_values needs a string or numeric column, and "${column.name}" is ${column.glueType}` };
  return all([`ColumnValues ${quoted} in [${values.map((v) => stringValue(String(v))).join(', ')}]`], column);
}

const isRequired = (c: ColumnSpec) => c.required || c.primaryKey;
const isScalar = (c: ColumnSpec) => !['array', 'map', 'struct'].includes(c.type.kind);
const isText = (c: ColumnSpec) => c.type.kind === 'varchar' || c.type.kind === 'char' || (c.type.kind === 'primitive' && c.type.name === 'string');
const isTemporal = (c: ColumnSpec) => c.type.kind === 'primitive' && (c.type.name === 'date' || c.type.name === 'timestamp');
const NUMERIC = ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'];
const isNumeric = (c: ColumnSpec) => c.type.kind === 'decimal' || (c.type.kind === 'primitive' && NUMERIC.includes(c.type.name));

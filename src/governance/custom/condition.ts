/**
 * CEL conditions of custom rules: parsed and checked once, when the mesh loads, then evaluated
 * per product, column, consumer or quality rule. The checker walks the parsed expression and
 * follows every field access through the variables' shapes (variables.ts), so `product.tagz`
 * is refused before anything is evaluated; what the shapes cannot know (a map key, a value
 * computed at run time) is left to evaluation, whose errors become findings, never crashes.
 */
import { celEnv, celList, celMap, isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import { RE2JS } from '@bufbuild/re2';
import { closestMatch } from '../../contract/suggest';
import { VARIABLES, type Shape } from './variables';

/** What went wrong in a condition, and where in its text (1-based). */
export interface ConditionProblem {
  readonly message: string;
  readonly hint: string;
  readonly line: number;
  readonly column: number;
}

/** A condition that parsed and names only known variables and fields. */
export interface CompiledCondition {
  readonly source: string;
  /** True when compliant; a string says why it could not be evaluated (a missing map key, a non-boolean result). */
  evaluate(bindings: Readonly<Record<string, unknown>>): boolean | string;
}

/** Names CEL itself defines: type denotations usable as values (`type(x) == string`). */
const CEL_IDENTIFIERS = new Set(['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'dyn']);

/**
 * The library compiles a `matches()` pattern on every call; a rule runs on thousands of columns
 * with the same few patterns, so compiled ones are kept (RE2 semantics unchanged: linear time).
 */
const PATTERNS = new Map<string, { test(text: string): boolean }>();
const ENV = celEnv({
  re2: {
    compile(pattern: string) {
      let matcher = PATTERNS.get(pattern);
      if (!matcher) {
        if (PATTERNS.size >= 1000) PATTERNS.clear();
        matcher = RE2JS.compile(pattern);
        PATTERNS.set(pattern, matcher);
      }
      return matcher;
    },
  },
});

export function compileCondition(source: string, variables: readonly string[]): { condition?: CompiledCondition; problems: ConditionProblem[] } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source);
  } catch (error) {
    const e = error as { rawMessage?: string; message: string; location?: { start?: { line: number; column: number } } };
    return {
      problems: [
        {
          message: `condition does not parse: ${e.rawMessage ?? e.message}`,
          hint: 'write a CEL expression that is true when compliant, e.g. "\'data_owner\' in product.tags"',
          line: e.location?.start?.line ?? 1,
          column: e.location?.start?.column ?? 1,
        },
      ],
    };
  }
  const positions = parsed.sourceInfo?.positions ?? {};
  const at = (id: bigint): { line: number; column: number } => positionOf(source, positions[String(id)] ?? 0);
  const problems: ConditionProblem[] = [];
  const scope = new Map<string, Shape | undefined>(variables.map((name) => [name, VARIABLES[name]]));
  checkExpr(parsed.expr, scope, variables, (id, message, hint) => problems.push({ message, hint, ...at(id) }));
  if (problems.length > 0) return { problems };
  const run = plan(ENV, parsed);
  return {
    problems: [],
    condition: {
      source,
      evaluate(bindings) {
        const result = run(bindings as Record<string, CelInput>);
        if (isCelError(result)) return `condition could not be evaluated: ${result.message}`;
        if (typeof result !== 'boolean') return `condition gave ${describe(result)}, not true or false`;
        return result;
      },
    },
  };
}

/**
 * A variable's value converted to CEL values once. The library converts plain objects lazily, on
 * every access of every evaluation; a product shared by twenty rules is better converted once.
 */
export function celValue(value: unknown): unknown {
  if (Array.isArray(value)) return celList(value.map(celValue) as CelInput[]);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return celMap(new Map(Object.entries(value).map(([key, v]) => [key, celValue(v) as CelInput])));
  }
  return value;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `the string "${value}"` : typeof value === 'bigint' || typeof value === 'number' ? `the number ${value}` : 'a value';
}

function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The parts of cel.expr.Expr the checker reads. */
interface Expr {
  readonly id: bigint;
  readonly exprKind:
    | { readonly case: 'identExpr'; readonly value: { readonly name: string } }
    | { readonly case: 'selectExpr'; readonly value: { readonly operand?: Expr; readonly field: string } }
    | { readonly case: 'callExpr'; readonly value: { readonly target?: Expr; readonly function: string; readonly args: readonly Expr[] } }
    | { readonly case: 'listExpr'; readonly value: { readonly elements: readonly Expr[] } }
    | { readonly case: 'structExpr'; readonly value: { readonly entries: readonly { readonly keyKind: { readonly case?: string; readonly value?: unknown }; readonly value?: Expr }[] } }
    | {
        readonly case: 'comprehensionExpr';
        readonly value: {
          readonly iterVar: string;
          readonly iterVar2?: string;
          readonly iterRange?: Expr;
          readonly accuVar: string;
          readonly accuInit?: Expr;
          readonly loopCondition?: Expr;
          readonly loopStep?: Expr;
          readonly result?: Expr;
        };
      }
    | { readonly case: 'constExpr' | undefined; readonly value?: unknown };
}

type Report = (id: bigint, message: string, hint: string) => void;

/**
 * CEL has no loops of its own but its macros (all, exists, map, filter) are, and the library has
 * no evaluation budget: seven nested loops over a contract's columns run for hours, so a single
 * domain.yaml could stall every `validate` of the mesh. Two levels compare every element of one
 * list with every element of another, the most a rule over one product needs; the work then
 * grows with the square of the longest list, not its power.
 */
const MAX_NESTED_LOOPS = 2;

/**
 * Returns the shape of `expr` when the variables' shapes determine it, else undefined (unknown:
 * not checked further). Reports unknown variables and unknown fields of known objects.
 */
function checkExpr(expr: Expr | undefined, scope: ReadonlyMap<string, Shape | undefined>, variables: readonly string[], report: Report, loops = 0): Shape | undefined {
  if (!expr) return undefined;
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'identExpr': {
      const { name } = kind.value;
      if (scope.has(name)) return scope.get(name);
      if (!CEL_IDENTIFIERS.has(name)) {
        const other = VARIABLES[name] ? ` (${name} is not available to rules that apply to this target)` : '';
        const suggestion = closestMatch(name, [...variables]);
        report(expr.id, `unknown variable ${name}${other}`, suggestion ? `did you mean ${suggestion}? variables: ${variables.join(', ')}` : `variables: ${variables.join(', ')}`);
      }
      return undefined;
    }
    case 'selectExpr': {
      const operand = checkExpr(kind.value.operand, scope, variables, report, loops);
      return fieldOf(operand, kind.value.field, expr.id, report);
    }
    case 'callExpr': {
      checkExpr(kind.value.target, scope, variables, report, loops);
      const args = kind.value.args.map((arg) => checkExpr(arg, scope, variables, report, loops));
      // Indexing keeps the element's shape; other calls compute values the shapes do not describe.
      return kind.value.function === '_[_]' ? elementOf(args[0]) : undefined;
    }
    case 'listExpr':
      kind.value.elements.forEach((element) => checkExpr(element, scope, variables, report, loops));
      return undefined;
    case 'structExpr':
      kind.value.entries.forEach((entry) => {
        if (entry.keyKind.case === 'mapKey') checkExpr(entry.keyKind.value as Expr, scope, variables, report, loops);
        checkExpr(entry.value, scope, variables, report, loops);
      });
      return undefined;
    case 'comprehensionExpr': {
      const c = kind.value;
      if (loops >= MAX_NESTED_LOOPS) {
        report(
          expr.id,
          `loops are nested ${loops + 1} deep; a condition may nest at most ${MAX_NESTED_LOOPS}`,
          'each nested loop multiplies the work by the length of its list; compare two lists in one loop pair, or split the condition into rules',
        );
        return undefined;
      }
      const range = checkExpr(c.iterRange, scope, variables, report, loops);
      checkExpr(c.accuInit, scope, variables, report, loops);
      const inner = new Map(scope);
      // A list yields its elements, a map its keys (strings here).
      inner.set(c.iterVar, range?.kind === 'list' ? range.of : range?.kind === 'map' ? { kind: 'scalar', type: 'string', doc: 'key' } : undefined);
      if (c.iterVar2) inner.set(c.iterVar2, elementOf(range));
      inner.set(c.accuVar, undefined);
      // The condition and step run once per element: a loop inside them is nested.
      checkExpr(c.loopCondition, inner, variables, report, loops + 1);
      checkExpr(c.loopStep, inner, variables, report, loops + 1);
      const accuScope = new Map(scope);
      accuScope.set(c.accuVar, undefined);
      checkExpr(c.result, accuScope, variables, report, loops);
      return undefined;
    }
    default:
      return undefined;
  }
}

function fieldOf(shape: Shape | undefined, field: string, id: bigint, report: Report): Shape | undefined {
  if (!shape) return undefined;
  if (shape.kind === 'map') return shape.of;
  if (shape.kind === 'object') {
    const found = shape.fields[field];
    if (!found) {
      const names = Object.keys(shape.fields);
      const suggestion = closestMatch(field, names);
      report(id, `unknown field ${field} of ${shape.doc}`, suggestion ? `did you mean ${suggestion}? fields: ${names.join(', ')}` : `fields: ${names.join(', ')}`);
    }
    return found;
  }
  report(
    id,
    `${field} is not a field: the value is a ${shape.kind === 'list' ? 'list' : shape.type}`,
    shape.kind === 'list' ? 'use a macro such as .all(x, ...) or .exists(x, ...) to look at the elements' : 'remove the field access',
  );
  return undefined;
}

function elementOf(shape: Shape | undefined): Shape | undefined {
  return shape?.kind === 'list' || shape?.kind === 'map' ? shape.of : undefined;
}

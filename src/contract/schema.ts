import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ContractError } from './errors';
import { quote } from './limits';
import type { SchemaName } from './schema-sources';
import { closestMatch } from './suggest';
import { formatPath, type DocPath, type SourceDocument } from './source';

export type { SchemaName } from './schema-sources';

interface Compiled {
  readonly validate: ValidateFunction;
}

/* eslint-disable @typescript-eslint/no-require-imports -- each compiled schema loads only when a file needs it */
const COMPILED: Record<SchemaName, () => Compiled> = {
  'data-product': () => require('./schemas/compiled/data-product') as Compiled,
  domain: () => require('./schemas/compiled/domain') as Compiled,
  platform: () => require('./schemas/compiled/platform') as Compiled,
  'registry-pointer': () => require('./schemas/compiled/registry-pointer') as Compiled,
  'odcs-v3.0': () => require('./schemas/compiled/odcs-v3.0') as Compiled,
  'odcs-v3.1': () => require('./schemas/compiled/odcs-v3.1') as Compiled,
  'odcs-v3.2': () => require('./schemas/compiled/odcs-v3.2') as Compiled,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const loaded = new Map<SchemaName, ValidateFunction>();

/**
 * The schemas are compiled ahead of time (scripts/generate-validators.ts): compiling them with ajv
 * took longer than validating a thousand contracts. Each one loads on first use, so a mesh of
 * native contracts never loads the (large) ODCS validators.
 */
function validator(name: SchemaName): ValidateFunction {
  let validate = loaded.get(name);
  if (!validate) {
    validate = COMPILED[name]().validate;
    loaded.set(name, validate);
  }
  return validate;
}

/** Validates a parsed document against one of the project's schemas; returns every error found. */
export function validateAgainstSchema(name: SchemaName, document: SourceDocument, value: unknown): ContractError[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return explainSchemaErrors(validate.errors ?? [], document);
}

/** Ajv's errors as ContractErrors at their line, for any schema (the catalog's too). */
export function explainSchemaErrors(all: readonly ErrorObject[], document: SourceDocument): ContractError[] {
  // "Exactly one of a, b, c" fails with one "missing a/b/c" per branch: the choice says it once.
  const errors = all.filter((e) => !isMissingBranchKey(e, all));
  // A failed `if`/`oneOf` branch also reports its inner errors; the inner ones say more.
  // A bad key fails `propertyNames` and, inside it, the key's own check: the inner one says what.
  const useful = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames' && !(e.keyword === 'oneOf' && hasInnerError(e, errors)));
  const seen = new Set<string>();
  const out: ContractError[] = [];
  for (const error of useful) {
    const explained = explain(error, document);
    const key = `${explained.line}:${explained.column}:${explained.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(explained);
  }
  return out;
}

/** A `required` error from a branch of a oneOf/anyOf whose branches only differ by which key they require. */
function isMissingBranchKey(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (error.keyword !== 'required') return false;
  return all.some(
    (choice) =>
      (choice.keyword === 'oneOf' || choice.keyword === 'anyOf') &&
      choice.instancePath === error.instancePath &&
      error.schemaPath.startsWith(`${choice.schemaPath}/`) &&
      (choice.schema as { required?: string[] }[]).every((branch) => branch.required?.length === 1),
  );
}

function hasInnerError(error: ErrorObject, all: readonly ErrorObject[]): boolean {
  return all.some((other) => other !== error && other.instancePath.startsWith(error.instancePath) && other.schemaPath.startsWith(error.schemaPath));
}

function explain(error: ErrorObject, document: SourceDocument): ContractError {
  const path = pointerToPath(error.instancePath);
  const hint = (error.parentSchema as { 'x-hint'?: string } | undefined)?.['x-hint'];
  const at = (p: DocPath, where: 'key' | 'value' = 'value') => ({ ...document.locate(p, where), path: formatPath(p) });
  const params = error.params as Record<string, unknown>;
  if (typeof error.propertyName === 'string') {
    const key = error.propertyName;
    const allowed = error.keyword === 'enum' ? (params.allowedValues as unknown[] | undefined)?.map(String) : undefined;
    const expected = allowed?.length ? `; expected one of: ${allowed.join(', ')}` : '';
    return { ...at([...path, key], 'key'), message: `key "${key}" is not allowed here${expected}`, hint: hint ?? 'rename the key' };
  }

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const suggestion = closestMatch(key, allowed);
      return {
        ...at([...path, key], 'key'),
        message: `unknown key "${key}"`,
        hint: suggestion ? `did you mean "${suggestion}"?` : `allowed keys here: ${allowed.join(', ') || 'none'}`,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const fieldHint = (error.parentSchema as { properties?: Record<string, { 'x-hint'?: string }> })?.properties?.[missing]?.['x-hint'];
      return { ...at(path), message: `missing required key "${missing}"`, hint: fieldHint ?? `add \`${missing}:\` here` };
    }
    case 'type': {
      const expected = String(params.type).replace(',', ' or ');
      const actual = describeType(error.data);
      const versionHint = expected === 'string' && typeof error.data === 'number' ? `quote the value (${quote(String(error.data))}) so YAML keeps it as text` : undefined;
      return { ...at(path), message: `must be ${article(expected)} ${expected}, got ${actual}`, hint: versionHint ?? hint ?? `write ${article(expected)} ${expected} here` };
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const suggestion = typeof error.data === 'string' ? closestMatch(error.data, allowed) : undefined;
      return {
        ...at(path),
        message: `${quote(error.data)} is not allowed; expected ${allowed.length === 1 ? allowed[0] : `one of: ${allowed.join(', ')}`}`,
        hint: hint ?? (suggestion ? `did you mean "${suggestion}"?` : `use one of: ${allowed.join(', ')}`),
      };
    }
    case 'oneOf': {
      const branches = (error.schema as { required?: string[] }[]).map((b) => b.required?.[0]).filter(Boolean) as string[];
      return {
        ...at(path),
        message: branches.length ? `needs exactly one of: ${branches.join(', ')}` : 'matches none or several of the allowed shapes',
        hint: hint ?? (branches.length ? `keep one of ${branches.join(' or ')} and remove the other` : 'compare with the examples in the README'),
      };
    }
    case 'anyOf': {
      const branches = (error.schema as { required?: string[] }[]).map((b) => b.required?.[0]).filter(Boolean) as string[];
      return { ...at(path), message: `needs at least one of: ${branches.join(', ')}`, hint: hint ?? `add ${branches.join(' or ')}` };
    }
    case 'discriminator': {
      const tag = String(params.tag);
      return { ...at([...path, tag]), message: `"${tag}" is missing or not one of the known values`, hint: hint ?? `set \`${tag}\`` };
    }
    case 'uniqueItems':
      return { ...at([...path, Number(params.j)]), message: `duplicate entry ${quote((error.data as unknown[])[Number(params.j)])}`, hint: 'each entry may appear once; remove the duplicate' };
    case 'not': {
      // `{not: {}}` under a key marks a key that this shape does not allow.
      const key = path[path.length - 1];
      return {
        ...at(path, 'key'),
        message: typeof key === 'string' ? `"${key}" is not allowed here` : 'this value is not allowed here',
        hint: hint ?? 'remove it',
      };
    }
    case 'format':
      return { ...at(path), message: `${quote(error.data)} is not a valid ${String(params.format)}`, hint: hint ?? `write a valid ${String(params.format)}` };
    default:
      return { ...at(path), message: `${describeValue(error.data)} ${error.message ?? 'is invalid'}`, hint: hint ?? 'see the contract format in the README' };
  }
}

/** JSON pointer (`/schema/2/type`) to a document path (`['schema', 2, 'type']`). */
function pointerToPath(pointer: string): DocPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
}

function describeType(value: unknown): string {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${quote(value)}`;
}

function describeValue(value: unknown): string {
  return typeof value === 'object' && value !== null ? 'value' : quote(value);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

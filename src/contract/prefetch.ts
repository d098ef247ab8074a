/**
 * What the read-ahead thread (read-ahead.ts) works out for one contract file: its text, its values
 * read the fast way, and whether the schema its header names accepts them. Only a file with
 * nothing to report gets an answer; for any other the loader does all the work itself, as it
 * would without the thread, so the thread can only make a file faster, never read differently.
 */
import { readContractText } from './input-file';
import { fastYamlValue } from './fast-yaml';
import { looksLikeOdcs, ODCS_API_VERSIONS, schemaNameOf, schemaVersionOf } from './odcs/header';
import { schemaAccepts } from './schema';
import type { SchemaName } from './schema-sources';

export interface Prefetched {
  readonly text: string;
  /** The file's values, as fast-yaml.ts reads them. */
  readonly value: unknown;
  /** Schemas known to accept `value`: the loader need not run them again on it. */
  readonly accepted: readonly SchemaName[];
}

/** The answer for `file`, or undefined when it has anything to report (or is not a contract). */
export function prefetchContract(file: string): Prefetched | undefined {
  // The name only appears in errors, and a file with errors gets no answer.
  const read = readContractText(file, file);
  if (!('text' in read)) return undefined;
  const fast = fastYamlValue(read.text);
  if (!fast) return undefined;
  const schema = schemaOf(fast.value);
  return { text: read.text, value: fast.value, accepted: schema && schemaAccepts(schema, fast.value) ? [schema] : [] };
}

/**
 * The schema the loader will check a contract against, guessed from its header (mesh.ts and
 * odcs/read.ts decide). A wrong guess costs only speed: the loader skips a schema only when the
 * one it runs is the one that accepted these very values.
 */
function schemaOf(value: unknown): SchemaName | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const header = value as { apiVersion?: unknown; kind?: unknown };
  if (header.apiVersion === 'datamesh/v1' || header.kind === 'DataProduct') return 'data-product';
  if (!looksLikeOdcs(header)) return undefined;
  if (header.apiVersion === undefined) return schemaNameOf('v3.1');
  return (ODCS_API_VERSIONS as readonly unknown[]).includes(header.apiVersion) ? schemaNameOf(schemaVersionOf(header.apiVersion as string)) : undefined;
}

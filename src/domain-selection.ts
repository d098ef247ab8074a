/**
 * Which domains a synthesis builds (`DATAMESH_DOMAINS=sales,payments`). The whole mesh is still
 * loaded and validated, so a grant to another domain is checked against that domain's
 * domain.yaml; only the stacks are limited. No cdktf here: the CLI reads selections too.
 */
import { MeshValidationError, MISSING_FILE_LINE, type ContractError } from './contract/errors';

/** Environment variable naming the domains to synthesize, comma-separated. */
export const DOMAINS_VARIABLE = 'DATAMESH_DOMAINS';

/** Domain names from a comma-separated list; undefined (every domain) when the list is unset or empty. */
export function parseDomainList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

export interface DomainSelection {
  /** The selected domains, in mesh order; every domain when nothing was selected. */
  readonly domains: readonly string[];
  /** True when only some domains were asked for: other stacks in the output folder are left as they are. */
  readonly partial: boolean;
}

/**
 * Checks a selection against the mesh's domains. Unknown names are errors that list the known
 * domains: a typo must not silently build nothing.
 */
export function selectDomains(known: readonly string[], requested: readonly string[] | undefined, where: string): { selection?: DomainSelection; errors: ContractError[] } {
  if (requested === undefined) return { selection: { domains: known, partial: false }, errors: [] };
  const unknown = requested.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    const errors = unknown.map((name) => ({
      // No file to point at: the name of the setting stands in for it.
      file: where,
      line: MISSING_FILE_LINE,
      column: 0,
      path: '',
      message: `unknown domain ${JSON.stringify(name.slice(0, 80))}: no such domain in the mesh`,
      hint: `known domains: ${known.join(', ')}; ${where} takes a comma-separated list of them`,
    }));
    return { errors };
  }
  const wanted = new Set(requested);
  return { selection: { domains: known.filter((name) => wanted.has(name)), partial: requested.length < known.length }, errors: [] };
}

/**
 * A selection naming a domain the mesh does not have. The mesh itself is fine, so the stacks an
 * earlier synthesis wrote stay where they are: a typo must not wipe the output folder.
 */
export class UnknownDomainError extends MeshValidationError {
  constructor(errors: readonly ContractError[]) {
    super(errors);
    this.name = 'UnknownDomainError';
  }
}

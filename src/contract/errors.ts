import type { SourceLocation } from './model';
import { compareText } from './order';

/**
 * One problem in one input file. Errors are values: loaders collect every one of them across
 * every file and report them together, so a user fixes a whole mesh in one pass.
 */
export interface ContractError extends SourceLocation {
  /** Path of the offending field in the document, e.g. `schema[2].type`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

/** Line of an error about a file that does not exist: there is no line to point at. */
export const MISSING_FILE_LINE = 0;

/** `file:line:col`, or only the file when the error is that the file is missing. */
export function formatLocation(location: SourceLocation): string {
  return location.line === MISSING_FILE_LINE ? location.file : `${location.file}:${location.line}:${location.column}`;
}

export function formatContractError(error: ContractError): string {
  const where = formatLocation(error);
  const field = error.path ? ` ${error.path}:` : '';
  return `${where}:${field} ${error.message}\n    hint: ${error.hint}`;
}

/** Stable order: by file, then position, so reports do not depend on discovery order. */
export function sortContractErrors(errors: readonly ContractError[]): ContractError[] {
  return [...errors].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.message, b.message),
  );
}

/** Thrown at the edge (buildMesh) when a mesh has errors; carries all of them. */
export class MeshValidationError extends Error {
  constructor(readonly errors: readonly ContractError[]) {
    const sorted = sortContractErrors(errors);
    const files = new Set(sorted.map((e) => e.file)).size;
    super(
      `${sorted.length} error${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was synthesized.\n` +
        sorted.map(formatContractError).join('\n'),
    );
    this.name = 'MeshValidationError';
  }
}

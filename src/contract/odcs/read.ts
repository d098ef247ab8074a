/**
 * Reading an ODCS document: each version by its own schema and meaning. The document is validated
 * against the schema of the version it declares and, when that accepts it, normalized into the
 * model. The official examples were not always re-labelled when v3.1.0 came out, so a v3.0.x
 * document that only the v3.1.0 schema accepts is read as v3.1.0, with a warning that says so;
 * any other mismatch is an error that names the version the document would be valid under.
 */
import { sortContractErrors, type ContractError } from '../errors';
import { validateAgainstSchema } from '../schema';
import type { SourceDocument } from '../source';
import { schemaNameOf, schemaVersionOf, unsupportedVersionError, type OdcsSchemaVersion } from './header';
import { normalizeOdcsContract, type OdcsReadContext, type OdcsReadResult } from './normalize';

const READ_AS: Record<OdcsSchemaVersion, string> = { 'v3.0': 'v3.0.x', 'v3.1': 'v3.1.0', 'v3.2': 'v3.2.0' };

export interface OdcsSchemaChoice {
  /** The version whose schema accepted the document; undefined when none did. */
  readonly version?: OdcsSchemaVersion;
  readonly errors: readonly ContractError[];
  readonly warnings: readonly ContractError[];
}

/** The schema a document is read by, or the errors of the schema of the version it declares. */
export function chooseOdcsSchema(document: SourceDocument, value: unknown): OdcsSchemaChoice {
  const apiVersion = (value as { apiVersion?: unknown }).apiVersion;
  const unsupported = unsupportedVersionError(document, apiVersion);
  if (unsupported) return { errors: [unsupported], warnings: [] };
  // Without an apiVersion the v3.1.0 schema reports it missing, next to anything else.
  const declared = typeof apiVersion === 'string' ? schemaVersionOf(apiVersion) : 'v3.1';
  const errors = validateAgainstSchema(schemaNameOf(declared), document, value);
  if (errors.length === 0) return { version: declared, errors, warnings: [] };
  const successor = declared === 'v3.0' ? 'v3.1' : declared === 'v3.1' ? 'v3.2' : undefined;
  // Would the successor's schema accept the document, were it labelled with that version?
  const relabelled = { ...(value as object), apiVersion: READ_AS[successor ?? declared] };
  if (!successor || validateAgainstSchema(schemaNameOf(successor), document, relabelled).length > 0) return { errors, warnings: [] };
  const at = { ...document.locate(['apiVersion']), path: 'apiVersion' };
  const why = `${errors[0].path || 'the document'}: ${errors[0].message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
  if (declared === 'v3.0') {
    const warning = {
      ...at,
      message: `the contract declares ${String(apiVersion)} but is not valid ODCS v3.0.x (${why}); it is valid ODCS v3.1.0 and is read as v3.1.0`,
      hint: 'set `apiVersion: v3.1.0`, or write the v3.0.x form',
    };
    return { version: successor, errors: [], warnings: [warning] };
  }
  // v3.2.0 is still in progress: a v3.1.0 contract is held to v3.1.0, but told what would make it valid.
  const hint = {
    ...at,
    message: `the contract is not valid ODCS ${READ_AS[declared]}, but it is valid ODCS ${READ_AS[successor]}`,
    hint: `set \`apiVersion: ${READ_AS[successor]}\` to use its fields`,
  };
  return { errors: sortContractErrors([...errors, hint]), warnings: [] };
}

/** An ODCS document of any supported version -> the model, with every error and warning. */
export function readOdcsContract(document: SourceDocument, value: unknown, context: OdcsReadContext = {}): OdcsReadResult {
  const choice = chooseOdcsSchema(document, value);
  if (!choice.version) return { errors: choice.errors, warnings: choice.warnings };
  const result = normalizeOdcsContract(document, value, context);
  return { ...result, warnings: sortContractErrors([...choice.warnings, ...result.warnings]) };
}

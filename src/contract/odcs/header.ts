/** Telling an ODCS document from a native one, and the ODCS versions the platform reads and writes. */
import type { ContractError } from '../errors';
import type { SchemaName } from '../schema';
import type { SourceDocument } from '../source';

/** The versions the project's schemas describe, newest first. */
export const ODCS_API_VERSIONS = ['v3.2.0', 'v3.1.0', 'v3.0.2', 'v3.0.1', 'v3.0.0'] as const;
export type OdcsApiVersion = (typeof ODCS_API_VERSIONS)[number];

/** The versions export can write, newest first; by default it writes the newest whose schema accepts the output. */
export const ODCS_EXPORT_VERSIONS = ['v3.2.0', 'v3.1.0', 'v3.0.2'] as const;
export type OdcsExportVersion = (typeof ODCS_EXPORT_VERSIONS)[number];
/** The newest version export writes. */
export const ODCS_EXPORT_VERSION: OdcsExportVersion = ODCS_EXPORT_VERSIONS[0];

/** One schema per minor version: patch versions of ODCS do not change what a document may say. */
export type OdcsSchemaVersion = 'v3.0' | 'v3.1' | 'v3.2';

export function schemaVersionOf(apiVersion: string): OdcsSchemaVersion {
  return apiVersion.startsWith('v3.0.') ? 'v3.0' : apiVersion === 'v3.2.0' ? 'v3.2' : 'v3.1';
}

export function schemaNameOf(version: OdcsSchemaVersion): SchemaName {
  return `odcs-${version}`;
}

/** `kind: DataContract`, or an ODCS-style `apiVersion` such as v2.2.2 or v3.1.0 whatever the kind. */
export function looksLikeOdcs(header: { apiVersion?: unknown; kind?: unknown }): boolean {
  return header.kind === 'DataContract' || (typeof header.apiVersion === 'string' && /^v\d+\.\d+\.\d+$/.test(header.apiVersion));
}

/**
 * An ODCS version the schemas do not describe gets one clear error instead of dozens of schema
 * errors about fields that moved between major versions.
 */
export function unsupportedVersionError(document: SourceDocument, apiVersion: unknown): ContractError | undefined {
  if (apiVersion === undefined || (ODCS_API_VERSIONS as readonly unknown[]).includes(apiVersion)) return undefined;
  return {
    ...document.locate(['apiVersion']),
    path: 'apiVersion',
    message: `ODCS apiVersion ${JSON.stringify(apiVersion)} is not supported; supported versions: ${ODCS_API_VERSIONS.join(', ')}`,
    hint: 'migrate the contract to ODCS v3.1.0 (https://bitol-io.github.io/open-data-contract-standard/) and set `apiVersion: v3.1.0`, or v3.2.0',
  };
}

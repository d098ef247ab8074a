/** Telling an ODCS document from a native one, and the ODCS versions the platform reads. */
import type { ContractError } from '../errors';
import type { SourceDocument } from '../source';

/** The versions the project's schema describes; v3.1.0 is what export writes. */
export const ODCS_API_VERSIONS = ['v3.1.0', 'v3.0.2', 'v3.0.1', 'v3.0.0'] as const;
export const ODCS_EXPORT_VERSION = 'v3.1.0';

/** `kind: DataContract`, or an ODCS-style `apiVersion` such as v2.2.2 or v3.1.0 whatever the kind. */
export function looksLikeOdcs(header: { apiVersion?: unknown; kind?: unknown }): boolean {
  return header.kind === 'DataContract' || (typeof header.apiVersion === 'string' && /^v\d+\.\d+\.\d+$/.test(header.apiVersion));
}

/**
 * An ODCS version the schema does not describe gets one clear error instead of dozens of schema
 * errors about fields that moved between major versions.
 */
export function unsupportedVersionError(document: SourceDocument, apiVersion: unknown): ContractError | undefined {
  if (apiVersion === undefined || (ODCS_API_VERSIONS as readonly unknown[]).includes(apiVersion)) return undefined;
  return {
    ...document.locate(['apiVersion']),
    path: 'apiVersion',
    message: `ODCS apiVersion ${JSON.stringify(apiVersion)} is not supported; supported versions: ${ODCS_API_VERSIONS.join(', ')}`,
    hint: `migrate the contract to ODCS ${ODCS_EXPORT_VERSION} (https://bitol-io.github.io/open-data-contract-standard/) and set \`apiVersion: ${ODCS_EXPORT_VERSION}\``,
  };
}

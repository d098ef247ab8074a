/**
 * ODCS `servers` -> the output port. Servers of type s3, glue and athena describe where an AWS
 * data product lives; any other server (kafka, azure, postgres, ...) describes something the
 * platform cannot build, and a contract that has only those is refused. Every location, database,
 * account, region and catalog an AWS server names is kept as a declaration, which the mesh loader
 * compares with what the platform builds (contract/placement.ts): nothing is silently replaced.
 */
import { formatPath } from '../source';
import { OUTPUT_FORMATS, type DeclaredPlacement, type OutputFormat } from '../model';
import { closestMatch } from '../suggest';
import { EXTRA, findExtra } from './custom-properties';
import type { OdcsDocument, OdcsServer } from './document';
import type { DocumentIssues } from './issues';

const AWS_SERVER_TYPES = new Set(['s3', 'glue', 'athena']);
const DEFAULT_FORMAT: OutputFormat = 'parquet';

export interface OdcsOutputPort {
  readonly format: OutputFormat;
  readonly location?: string;
  readonly database?: string;
  readonly declared?: readonly DeclaredPlacement[];
}

/** Server fields that say where the product lives, by the kind of declaration they make. */
const PLACES: readonly [keyof OdcsServer, DeclaredPlacement['kind'], readonly string[]][] = [
  ['location', 'location', ['s3', 'glue']],
  ['database', 'database', ['glue']],
  ['schema', 'database', ['athena']],
  ['account', 'account', ['glue']],
  ['regionName', 'region', ['athena']],
  ['catalog', 'catalog', ['athena']],
];
// An S3 endpoint of AWS itself: s3.amazonaws.com, s3.eu-west-1.amazonaws.com, s3-eu-west-1.amazonaws.com.
const AWS_S3_ENDPOINT = /^https:\/\/s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?\/?$/;

/** Undefined when the contract's servers cannot be built; the reasons were reported. */
export function readOutputPort(contract: OdcsDocument, issues: DocumentIssues): OdcsOutputPort | undefined {
  const servers = (contract.servers ?? []).map((server, index) => ({ server, index }));
  const aws = servers.filter(({ server }) => AWS_SERVER_TYPES.has(server.type));
  for (const { server, index } of servers) {
    if (AWS_SERVER_TYPES.has(server.type)) continue;
    if (aws.length === 0) {
      issues.cannotBuild(
        ['servers', index, 'type'],
        `server "${server.server}" is of type ${server.type}; the platform builds S3 + Glue and reads the output port from servers of type s3, glue or athena`,
        'describe where the product is stored with an s3 or glue server, or keep this contract out of the mesh',
      );
    } else {
      issues.warn(
        ['servers', index],
        `server "${server.server}" (${server.type}) is not built; the output port comes from the s3, glue and athena servers`,
        'remove it if it is not part of this product',
      );
    }
  }
  if (servers.length > 0 && aws.length === 0) return undefined;

  let format: { value: OutputFormat; index: number } | undefined;
  let ok = true;
  for (const { server, index } of aws) {
    if (server.format === undefined) continue;
    const value = server.format.toLowerCase() as OutputFormat;
    if (!OUTPUT_FORMATS.includes(value)) {
      const suggestion = closestMatch(server.format, OUTPUT_FORMATS);
      issues.cannotBuild(
        ['servers', index, 'format'],
        `format "${server.format}" is not one the platform builds tables for`,
        suggestion ? `did you mean "${suggestion}"?` : `use one of: ${OUTPUT_FORMATS.join(', ')}`,
      );
      ok = false;
    } else if (format && format.value !== value) {
      issues.error(['servers', index, 'format'], `server "${server.server}" says ${value} but servers[${format.index}] says ${format.value}`, 'a product has one format: make the servers agree');
      ok = false;
    } else {
      format ??= { value, index };
    }
  }
  for (const { server, index } of aws) {
    if (server.location !== undefined && !/^s3a?:\/\/[^/]+/.test(server.location)) {
      issues.cannotBuild(['servers', index, 'location'], `location "${server.location}" of server "${server.server}" is not in S3`, 'write an S3 URL, e.g. s3://acme-prod-sales-orders/data/');
      ok = false;
    }
    if (server.endpointUrl !== undefined && !AWS_S3_ENDPOINT.test(server.endpointUrl)) {
      issues.cannotBuild(
        ['servers', index, 'endpointUrl'],
        `server "${server.server}" is reached at ${server.endpointUrl}; the platform builds buckets in AWS S3`,
        'leave `endpointUrl` out for AWS S3, or keep this contract out of the mesh',
      );
      ok = false;
    }
    for (const key of ['stagingDir', 'workgroup'] as const) {
      if (server[key] === undefined) continue;
      issues.warn(
        ['servers', index, key],
        `${key} "${server[key]}" of server "${server.server}" is not built: the platform builds no Athena workgroup or query result location`,
        'consumers query with their own workgroup; keep the field for them, or remove it',
      );
    }
  }
  if (!ok) return undefined;
  const fallback = findExtra(contract.customProperties, EXTRA.format)?.value as OutputFormat | undefined;
  return {
    format: format?.value ?? fallback ?? DEFAULT_FORMAT,
    location: first(
      aws.map(({ server }) => server),
      (s) => (s.type !== 'athena' ? s.location : undefined),
    ),
    database: first(
      aws.map(({ server }) => server),
      (s) => (s.type === 'glue' ? s.database : s.type === 'athena' ? s.schema : undefined),
    ),
    ...nonEmpty(aws.flatMap(({ server, index }) => declarations(server, index, issues))),
  };
}

function nonEmpty(declared: DeclaredPlacement[]): { declared?: readonly DeclaredPlacement[] } {
  return declared.length > 0 ? { declared } : {};
}

function declarations(server: OdcsServer, index: number, issues: DocumentIssues): DeclaredPlacement[] {
  const environment = server.environment?.trim() || undefined;
  return PLACES.filter(([key, , types]) => types.includes(server.type) && typeof server[key] === 'string').map(([key, kind]) => {
    const path = ['servers', index, key];
    return { kind, value: String(server[key]), environment, path: formatPath(path), location: issues.document.locate(path) };
  });
}

function first(servers: readonly OdcsServer[], pick: (server: OdcsServer) => string | undefined): string | undefined {
  for (const server of servers) {
    const value = pick(server);
    if (value !== undefined) return value;
  }
  return undefined;
}

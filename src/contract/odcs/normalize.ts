/**
 * An ODCS v3 contract -> DataProductSpec, the same model the native format becomes. Runs after
 * the project's schema of the document's version accepted it (odcs/read.ts), so every shape is
 * known, and where versions differ the shape says which meaning applies; what fails here is
 * valid ODCS that cannot become S3 + Glue resources ("cannot build: ...") or that contradicts
 * itself. Errors and warnings of the whole document are collected in one pass.
 */
import { columnLayout, lineageField } from '../product-spec';
import { sortContractErrors, type ContractError } from '../errors';
import type { DataProductSpec, GovernanceException, ProductContext, ProductStatus } from '../model';
import type { SourceDocument } from '../source';
import { EXTRA, findExtra } from './custom-properties';
import type { OdcsContext, OdcsDocument } from './document';
import { DocumentIssues } from './issues';
import { readQualityChecks } from './quality';
import { readOutputPort } from './servers';
import { readServiceLevels } from './service-levels';
import { checkTableName, readColumns, selectTable } from './table';
import { readConsumers, readOwner } from './team-and-roles';
import { readInputs } from './inputs';

export interface OdcsReadResult {
  readonly spec?: DataProductSpec;
  readonly errors: readonly ContractError[];
  readonly warnings: readonly ContractError[];
}

export interface OdcsReadContext {
  /** The domain folder the file lives in: an ODCS contract may leave `domain` out, a mesh folder cannot. @default none: `domain` is required */
  readonly folderDomain?: string;
}

// ODCS statuses are free text; these are the ones in the standard and its examples.
const STATUSES = new Map<string, ProductStatus>([
  ['draft', 'draft'],
  ['proposed', 'draft'],
  ['development', 'draft'],
  ['in development', 'draft'],
  ['active', 'active'],
  ['production', 'active'],
  ['deprecated', 'deprecated'],
  ['retired', 'retired'],
]);
const PRODUCT_NAME = /^[a-z][a-z0-9_]*$/;

export function normalizeOdcsContract(document: SourceDocument, value: unknown, context: OdcsReadContext = {}): OdcsReadResult {
  const contract = value as OdcsDocument;
  const issues = new DocumentIssues(document);

  const name = readName(contract, issues);
  const domain = contract.domain ?? context.folderDomain;
  if (!domain) issues.cannotBuild(['domain'], 'the contract names no `domain`', 'add `domain:` with the name of a domain of the mesh');
  const status = readStatus(contract, issues);
  const output = readOutputPort(contract, issues);
  const table = selectTable(contract, issues);
  if (table && name) checkTableName(table, name, issues);
  const columns = table && output ? readColumns(table, output.format, issues) : undefined;
  const productContext = readContext([contract.context, table?.table.context]);
  const synonyms = table?.table.synonyms?.map((s) => s.synonym) ?? [];
  const quality = table && columns ? readQualityChecks(table, columns, issues) : [];
  const levels = readServiceLevels(contract, issues);
  const consumers = readConsumers(contract, issues);
  const inputs = readInputs(contract, issues);

  const errors = sortContractErrors(issues.errors);
  const warnings = sortContractErrors(issues.warnings);
  if (errors.length > 0 || !name || !domain || !status || !output || !columns || !consumers) {
    return { errors, warnings };
  }
  const tags = findExtra(contract.customProperties, EXTRA.tags);
  const sunset = findExtra(contract.customProperties, EXTRA.sunset);
  const checkSchedule = findExtra(contract.customProperties, EXTRA.checkSchedule);
  return {
    errors,
    warnings,
    spec: {
      id: `${domain}.${name}`,
      domain,
      name,
      version: contract.version,
      status,
      description: (contract.description?.purpose ?? table!.table.description ?? '').trim(),
      owner: readOwner(contract),
      // ODCS has no field for a schedule expression; an interval comes from slaProperties frequency.
      sla: checkSchedule ? { ...levels.sla, checkEveryMinutes: undefined, checkSchedule: checkSchedule.value as string } : levels.sla,
      output: { ...output, partitionBy: columns.partitionBy, retentionDays: levels.retentionDays },
      ...columnLayout(columns.all, columns.partitionBy),
      quality,
      consumers,
      exceptions: readExceptions(contract, document),
      ...lineageField(inputs),
      sunset: sunset?.value as string | undefined,
      tags: (tags?.value as Record<string, string> | undefined) ?? {},
      ...(synonyms.length > 0 ? { synonyms } : {}),
      ...(productContext ? { context: productContext } : {}),
      source: { file: document.file, format: 'odcs' },
      location: document.locate([]),
      fieldLocations: {
        name: document.locate(['name'], 'key'),
        version: document.locate(['version'], 'key'),
        status: document.locate(['status'], 'key'),
        owner: document.locate(['team'], 'key'),
        sla: document.locate(['slaProperties'], 'key'),
        retention: document.locate(['slaProperties'], 'key'),
        tags: document.locate(['customProperties'], 'key'),
      },
    },
  };
}

/** The product name names the bucket, the Glue table and the construct ids, so it must be snake_case. */
function readName(contract: OdcsDocument, issues: DocumentIssues): string | undefined {
  if (contract.name === undefined) {
    issues.cannotBuild(['name'], 'the contract has no `name`; the bucket and the Glue table are named after it', 'add `name:` in snake_case, e.g. `name: orders`');
    return undefined;
  }
  if (!PRODUCT_NAME.test(contract.name) || contract.name.length > 64) {
    const snake = contract.name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '');
    issues.cannotBuild(['name'], `name "${contract.name}" cannot name AWS resources`, `use snake_case of at most 64 characters${snake ? `, e.g. \`name: ${snake.slice(0, 64)}\`` : ''}`);
    return undefined;
  }
  return contract.name;
}

function readStatus(contract: OdcsDocument, issues: DocumentIssues): ProductStatus | undefined {
  if (contract.status === undefined) {
    // Optional from v3.2.0 on. Building it as a draft would destroy what an earlier version built.
    issues.warn([], 'the contract has no `status`; the platform builds it as active', 'add `status: active`, or `status: draft` to build nothing');
    return 'active';
  }
  const status = STATUSES.get(contract.status.trim().toLowerCase());
  if (!status) {
    issues.cannotBuild(
      ['status'],
      `status "${contract.status}" does not say whether to build the product`,
      'use draft (builds nothing), active, deprecated or retired; proposed and development count as draft, production as active',
    );
  }
  return status;
}

/** v3.2.0 `context` of the contract and of its table, in one: what people and AI tools should know. */
function readContext(blocks: readonly (OdcsContext | undefined)[]): ProductContext | undefined {
  const given = blocks.filter((b): b is OdcsContext => b !== undefined);
  if (given.length === 0) return undefined;
  const instructions = given
    .map((b) => (typeof b === 'string' ? b : b.instructions))
    .filter((t): t is string => !!t?.trim())
    .map((t) => t.trim());
  return {
    ...(instructions.length > 0 ? { instructions: instructions.join('\n\n') } : {}),
    statements: given.flatMap((b) => (typeof b === 'string' ? [] : (b.verifiedStatements ?? []).map(({ question, answer }) => ({ question, ...(answer !== undefined ? { answer } : {}) })))),
    constraints: given.flatMap((b) => (typeof b === 'string' ? [] : (b.constraints ?? []).map((c) => c.constraint))),
  };
}

function readExceptions(contract: OdcsDocument, document: SourceDocument): GovernanceException[] {
  const extra = findExtra(contract.customProperties, EXTRA.exceptions);
  const list = (extra?.value as { rule: string; reason: string; expires: string }[] | undefined) ?? [];
  return list.map((exception, index) => ({ ...exception, location: document.locate(['customProperties', extra!.index, 'value', index]) }));
}

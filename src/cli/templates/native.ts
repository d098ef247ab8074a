/**
 * The skeleton `datamesh new` writes in the native format: a contract that loads, synthesizes and
 * passes the contract rules as it is (owner, SLA, a primary key with not_null and unique checks,
 * a description on the product and on every column, every column classified, no personal data),
 * with comments saying what to change. It is a draft, so the next synth builds nothing from a
 * placeholder; at 1.0.0 because setting it active makes promises its consumers rely on.
 */
import type { SkeletonRequest } from './skeleton';

/** Schema limit for column names; the key column is named after the product when it fits. */
const MAX_COLUMN_NAME = 64;

export function nativeSkeleton({ domain, name }: SkeletonRequest): string {
  const key = `${name}_id`.length <= MAX_COLUMN_NAME ? `${name}_id` : 'id';
  return `# ${domain.name}.${name}: scaffolded by \`datamesh new\`. Replace the example columns with the real
# ones, say what a row is, then run \`datamesh validate\` on this file.
apiVersion: datamesh/v1
kind: DataProduct
id: ${domain.name}.${name}
domain: ${domain.name}
name: ${name}
version: "1.0.0"                # semver: breaking changes need a new major version
status: draft                   # builds nothing yet; set active when the columns are real: the next synth builds bucket, table and policies
description: >
  The ${name} data product of the ${domain.name} domain. Replace this text: say what one row
  is, which system produces it, how often it is refreshed and what consumers should know.
owner:                          # from ${domain.name}/domain.yaml
  team: ${domain.owner.team}
  email: ${domain.owner.email}
sla:
  freshness: 24h                # newest data is at most this old
  availability: "99.5%"
output:
  format: parquet               # parquet | orc | avro | json | csv | iceberg
  partitionBy: [business_date]
  retention: 400d               # data expires after this; keep it as short as the use allows
schema:
  - name: ${key}
    type: string
    description: Identifier of the record, unique across the product.
    primaryKey: true            # implies required
    classification: internal    # public | internal | confidential | pii | restricted
  - name: business_date
    type: date
    description: Day the record belongs to, in UTC; the partition column.
    required: true
    classification: internal
  - name: updated_at
    type: timestamp
    description: Last time the pipeline wrote the record, in UTC.
    required: true
    classification: internal
quality:
  - rule: not_null
    column: ${key}
  - rule: unique
    column: ${key}
  - rule: freshness
    column: updated_at
    maxAge: 24h
consumers: []                   # e.g. {domain: sales, access: read, reason: ...}
`;
}

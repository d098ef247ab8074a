/**
 * The skeleton `datamesh new --format odcs` writes: the same product as the native skeleton, in
 * ODCS v3.1.0 as the platform reads it (team and support mailbox for the owner, slaProperties,
 * library quality metrics with `mustBe: 0`, which the platform enforces, and a `datamesh` custom
 * check for freshness). No `servers`: an s3 server needs the bucket's location, which differs per
 * environment and is the platform's to name; the format goes in a `datameshFormat` property.
 */
import type { SkeletonRequest } from './skeleton';

const MAX_COLUMN_NAME = 64;

export function odcsSkeleton({ domain, name }: SkeletonRequest): string {
  const key = `${name}_id`.length <= MAX_COLUMN_NAME ? `${name}_id` : 'id';
  return `# ${domain.name}.${name}: scaffolded by \`datamesh new --format odcs\` (ODCS v3.1.0). Replace the example
# columns with the real ones, say what a row is, then run \`datamesh validate\` on this file.
apiVersion: v3.1.0
kind: DataContract
id: ${domain.name}.${name}
name: ${name}
version: "1.0.0"
status: draft                   # builds nothing yet; set active when the columns are real: the next synth builds bucket, table and policies
domain: ${domain.name}
description:
  purpose: >
    The ${name} data product of the ${domain.name} domain. Replace this text: say what one row
    is, which system produces it, how often it is refreshed and what consumers should know.
team:                           # the owner, from ${domain.name}/domain.yaml
  name: ${domain.owner.team}
support:
  - channel: ${domain.owner.team}
    tool: email
    url: mailto:${domain.owner.email}
slaProperties:
  - property: latency           # newest data is at most this old
    value: 24
    unit: h
  - property: availability
    value: "99.5%"
  - property: retention         # data expires after this; keep it as short as the use allows
    value: 400
    unit: days
customProperties:
  - property: datameshFormat    # parquet | orc | avro | json | csv | iceberg; bucket and table names come from the platform
    value: parquet
schema:
  - name: ${name}
    physicalType: table
    description: The Glue table of the product.
    properties:
      - name: ${key}
        logicalType: string
        physicalType: string
        description: Identifier of the record, unique across the product.
        primaryKey: true
        primaryKeyPosition: 1
        classification: internal  # public | internal | confidential | pii | restricted
        quality:
          - metric: nullValues
            mustBe: 0
          - metric: duplicateValues
            mustBe: 0
      - name: business_date
        logicalType: date
        physicalType: date
        description: Day the record belongs to, in UTC; the partition column.
        required: true
        partitioned: true
        partitionKeyPosition: 1
        classification: internal
      - name: updated_at
        logicalType: timestamp
        physicalType: timestamp
        description: Last time the pipeline wrote the record, in UTC.
        required: true
        classification: internal
        quality:
          - type: custom
            engine: datamesh
            implementation: { rule: freshness, column: updated_at, maxAge: 24h }
`;
}

/**
 * The parts of an ODCS v3 document that the platform reads, typed as the project's schemas
 * (schemas/odcs-v3.0, -v3.1 and -v3.2.schema.json) guarantee them: the union of the three
 * versions, where a field's shape tells its version (a `rule` is v3.0.x, a numeric
 * `exclusiveMaximum` v3.1.0 or later). Keys the platform does not use are left out.
 */

export interface OdcsDocument {
  apiVersion: string;
  kind: 'DataContract';
  id: string;
  version: string;
  /** Optional from v3.2.0 on. */
  status?: string;
  name?: string;
  domain?: string;
  dataProduct?: string;
  description?: { purpose?: string; usage?: string; limitations?: string };
  schema?: OdcsSchemaObject[];
  servers?: OdcsServer[];
  team?: OdcsTeam | OdcsTeamMember[];
  support?: { channel: string; url?: string; tool?: string }[];
  roles?: OdcsRole[];
  slaProperties?: OdcsSlaProperty[];
  customProperties?: OdcsCustomProperty[];
  tags?: string[];
  /** v3.2.0: guidance for people and AI tools. */
  context?: OdcsContext;
}

/** v3.2.0 (RFC 0038): a text, or instructions, verified questions and answers, and constraints. */
export type OdcsContext =
  | string
  | {
      instructions?: string;
      verifiedStatements?: { question: string; answer?: string }[];
      constraints?: { constraint: string }[];
    };

/** v3.2.0 (RFC 0041): another name of a table or a column. */
export interface OdcsSynonym {
  synonym: string;
  locale?: string;
}

export interface OdcsSchemaObject {
  name: string;
  physicalType?: string;
  physicalName?: string;
  description?: string;
  properties?: OdcsProperty[];
  quality?: OdcsQualityCheck[];
  /** v3.2.0 */
  synonyms?: OdcsSynonym[];
  /** v3.2.0 */
  context?: OdcsContext;
  /** v3.2.0 (RFC 0051) */
  deprecated?: boolean;
}

export type OdcsLogicalType = 'string' | 'date' | 'timestamp' | 'time' | 'number' | 'integer' | 'object' | 'array' | 'boolean' | 'map';
export type OdcsSemanticType = 'column' | 'measure' | 'dimension';

export interface OdcsProperty {
  /** Absent only on array `items`. */
  name?: string;
  physicalName?: string;
  physicalType?: string;
  logicalType?: OdcsLogicalType;
  logicalTypeOptions?: Record<string, unknown>;
  description?: string;
  required?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  unique?: boolean;
  partitioned?: boolean;
  partitionKeyPosition?: number;
  classification?: string;
  tags?: string[];
  quality?: OdcsQualityCheck[];
  items?: OdcsProperty;
  properties?: OdcsProperty[];
  /** v3.2.0: the allowed values. */
  enum?: { value: string | number | boolean | null; label?: string }[];
  /** v3.2.0: key and value types of `logicalType: map`. */
  map?: { key: OdcsProperty; value: OdcsProperty };
  /** v3.2.0 */
  semanticType?: OdcsSemanticType;
  transformLogic?: string;
  /** v3.2.0 */
  synonyms?: OdcsSynonym[];
  /** v3.2.0 (RFC 0051) */
  deprecated?: boolean;
}

export const OPERATORS = ['mustBe', 'mustNotBe', 'mustBeGreaterThan', 'mustBeGreaterOrEqualTo', 'mustBeLessThan', 'mustBeLessOrEqualTo', 'mustBeBetween', 'mustNotBeBetween'] as const;
export type OdcsOperator = (typeof OPERATORS)[number];

export type OdcsMetric = 'nullValues' | 'missingValues' | 'invalidValues' | 'duplicateValues' | 'rowCount';

export type OdcsQualityCheck = {
  type?: 'text' | 'library' | 'sql' | 'custom';
  metric?: OdcsMetric;
  /** v3.0.x: the library rule, free text (duplicateCount, validValues, rowCount, nullCheck, ...). */
  rule?: string;
  /** v3.0.x: the values a `rule: validValues` check allows. */
  validValues?: unknown[];
  arguments?: Record<string, unknown>;
  description?: string;
  unit?: string;
  engine?: string;
  implementation?: string | Record<string, unknown>;
} & { [operator in OdcsOperator]?: unknown };

export interface OdcsServer {
  server: string;
  type: string;
  environment?: string;
  location?: string;
  format?: string;
  database?: string;
  account?: string;
  schema?: string;
  catalog?: string;
  regionName?: string;
  stagingDir?: string;
  endpointUrl?: string;
  /** v3.2.0, Athena */
  workgroup?: string;
}

export interface OdcsTeamMember {
  /** Required from v3.1.0 on. */
  username?: string;
  name?: string;
  role?: string;
  dateOut?: string;
}

export interface OdcsTeam {
  name?: string;
  members?: OdcsTeamMember[];
}

export interface OdcsRole {
  role: string;
  access?: string;
  description?: string;
  customProperties?: OdcsCustomProperty[];
}

export interface OdcsSlaProperty {
  property: string;
  value: string | number | boolean | null;
  unit?: string;
}

export interface OdcsCustomProperty {
  property: string;
  value: unknown;
  description?: string;
}

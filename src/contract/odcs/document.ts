/**
 * The parts of an ODCS v3 document that the platform reads, typed as the project's schema
 * (schemas/odcs-v3.schema.json) guarantees them. Keys the platform does not use are left out.
 */

export interface OdcsDocument {
  apiVersion: string;
  kind: 'DataContract';
  id: string;
  version: string;
  status: string;
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
}

export interface OdcsSchemaObject {
  name: string;
  physicalType?: string;
  physicalName?: string;
  description?: string;
  properties?: OdcsProperty[];
  quality?: OdcsQualityCheck[];
}

export type OdcsLogicalType = 'string' | 'date' | 'timestamp' | 'time' | 'number' | 'integer' | 'object' | 'array' | 'boolean';

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
}

export const OPERATORS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const;
export type OdcsOperator = (typeof OPERATORS)[number];

export type OdcsQualityCheck = {
  type?: 'text' | 'library' | 'sql' | 'custom';
  metric?: 'nullValues' | 'missingValues' | 'invalidValues' | 'duplicateValues' | 'rowCount';
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
}

export interface OdcsTeamMember {
  username: string;
  role?: string;
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

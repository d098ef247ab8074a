import dataProductSchema from './schemas/data-product.schema.json';
import domainSchema from './schemas/domain.schema.json';
import odcsV30Schema from './schemas/odcs-v3.0.schema.json';
import odcsV31Schema from './schemas/odcs-v3.1.schema.json';
import odcsV32Schema from './schemas/odcs-v3.2.schema.json';
import platformSchema from './schemas/platform.schema.json';
import registryPointerSchema from './schemas/registry-pointer.schema.json';

/** ODCS has one schema per minor version: each version is read by its own (see odcs/versions.ts). */
export type SchemaName = 'data-product' | 'domain' | 'platform' | 'registry-pointer' | 'odcs-v3.0' | 'odcs-v3.1' | 'odcs-v3.2';

/**
 * The JSON Schemas themselves, read by scripts/generate-validators.ts, which compiles them into
 * `schemas/compiled/`. Validation never loads this module: the compiled code holds the schemas.
 * Order matters: the ODCS schemas refer to definitions of the native one, so that one comes first.
 */
export const SCHEMAS: Record<SchemaName, object> = {
  'data-product': dataProductSchema,
  domain: domainSchema,
  platform: platformSchema,
  'registry-pointer': registryPointerSchema,
  'odcs-v3.0': odcsV30Schema,
  'odcs-v3.1': odcsV31Schema,
  'odcs-v3.2': odcsV32Schema,
};

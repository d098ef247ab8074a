import type { ContractRule, Violation } from '../rule';

const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;
/** Glue allows 255 characters; product names also become bucket and policy names, so they stay short. */
const MAX_PRODUCT_NAME = 40;
const MAX_COLUMN_NAME = 255;

export const namingLimits: ContractRule = {
  id: 'DM106',
  scope: 'contract',
  title: 'Product and column names are snake_case within Glue and S3 limits',
  rationale: 'Glue lowercases names and Athena needs quoting for anything else; product names end up in bucket names (63 characters at most).',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'rename to snake_case: lowercase letters, digits and underscores, starting with a letter',
  check(product) {
    const violations: Violation[] = [];
    if (!SNAKE_CASE.test(product.name) || product.name.length > MAX_PRODUCT_NAME) {
      violations.push({ message: `product name "${product.name}" must be snake_case and at most ${MAX_PRODUCT_NAME} characters`, location: product.fieldLocations.name });
    }
    for (const column of [...product.columns, ...product.partitionKeys]) {
      if (!SNAKE_CASE.test(column.name) || column.name.length > MAX_COLUMN_NAME) {
        violations.push({ message: `column name "${column.name}" must be snake_case and at most ${MAX_COLUMN_NAME} characters`, location: column.location });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

import { isProtected } from '../../contract/column-rules';
import type { ContractRule, Violation } from '../rule';

/**
 * Partition values are written into object keys (`order_date=2026-01-01/`), S3 access logs and
 * the catalog's partition metadata; Lake Formation column exclusions cover none of them.
 */
export const protectedPartitionKeys: ContractRule = {
  id: 'DM117',
  scope: 'contract',
  title: 'PII and restricted columns are never partition keys',
  rationale: 'Partition values land in S3 object keys, access logs and partition metadata, where column-level protection cannot withhold them.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'partition by a column that holds no personal or restricted data (a date, a region), and keep this column in the schema',
  check(product) {
    if (product.partitionKeys.length === 0) return 'not-applicable';
    const violations: Violation[] = product.partitionKeys.filter(isProtected).map((column) => ({
      message: `partition key "${column.name}" of ${product.id} is classified ${column.classification}: its values would appear in object keys and access logs`,
      location: column.location,
    }));
    return violations.length ? violations : 'compliant';
  },
};

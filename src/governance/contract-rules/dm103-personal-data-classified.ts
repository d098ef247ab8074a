import type { GlueType } from '../../contract/glue-type';
import { isProtected } from '../../contract/column-rules';
import { anyPatternMatches } from '../../contract/patterns';
import type { ContractRule, Violation } from '../rule';

export const personalDataClassified: ContractRule = {
  id: 'DM103',
  scope: 'contract',
  title: 'A column that looks personal is classified as PII',
  rationale: 'PII classification drives retention, column-level access and approvals; an unclassified email column leaks silently.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'add `classification: pii` (or `restricted`) to the column, or rename it if it really holds no personal data',
  check(product, { policy }) {
    const looksPersonal = (name: string) => anyPatternMatches(policy.piiPatterns, name);
    const violations: Violation[] = [];
    for (const column of [...product.columns, ...product.partitionKeys]) {
      // `restricted` is more protective than `pii`: such a column is withheld just the same.
      if (isProtected(column)) continue;
      // An ODCS property keeps its own name beside the physicalName: either may give it away.
      const property = column.propertyName !== undefined && looksPersonal(column.propertyName) ? column.propertyName : undefined;
      const field = looksPersonal(column.name) ? column.name : (property ?? nestedPersonalField(column.type, looksPersonal));
      if (field) {
        const what = field === column.name ? `column "${column.name}"` : `column "${column.name}" (${field === property ? 'property' : 'field'} "${field}")`;
        violations.push({ message: `${what} of ${product.id} looks personal but is classified ${column.classification}`, location: column.location });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

/** A struct field such as `shipping_address.email` makes the whole column personal. */
function nestedPersonalField(type: GlueType, looksPersonal: (name: string) => boolean): string | undefined {
  switch (type.kind) {
    case 'struct':
      for (const field of type.fields) {
        if (looksPersonal(field.name)) return field.name;
        const nested = nestedPersonalField(field.type, looksPersonal);
        if (nested) return nested;
      }
      return undefined;
    case 'array':
      return nestedPersonalField(type.element, looksPersonal);
    case 'map':
      return nestedPersonalField(type.value, looksPersonal);
    default:
      return undefined;
  }
}

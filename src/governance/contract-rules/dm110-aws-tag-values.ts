import { platformTagKey } from '../../contract/limits';
import type { ContractRule, Violation } from '../rule';

/** What AWS accepts in tag keys and values (letters, spaces, digits and _ . : / = + - @). */
// The platform sets its tags on every resource; a contract tag of the same key, in any case, would
// override them or be a duplicate to IAM, which compares tag keys without case.

const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const awsTagValues: ContractRule = {
  id: 'DM110',
  scope: 'contract',
  title: 'Tag keys and values are valid for AWS',
  rationale: 'An invalid tag fails the apply after the plan looked fine; checking at synth time saves a failed deployment.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'use keys of 1-128 and values of 0-256 characters from letters, digits, spaces and _ . : / = + - @; keys may not start with aws:',
  check(product) {
    const tags: Record<string, string> = { ...product.tags, Owner: product.owner.team, ContractVersion: product.version };
    const violations: Violation[] = Object.keys(product.tags)
      .filter((key) => platformTagKey(key) !== undefined)
      .map((key) => ({
        message: `tag key "${key}" of ${product.id} is set by the platform and cannot be overridden`,
        location: product.fieldLocations.tags,
        fix: `remove the ${key} tag; the platform sets it from the contract`,
      }));
    const where = (key: string) => (key in product.tags ? product.fieldLocations.tags : key === 'Owner' ? product.fieldLocations.owner : product.fieldLocations.version);
    for (const [key, value] of Object.entries(tags)) {
      if (key.length < 1 || key.length > 128 || !TAG_CHARS.test(key) || key.toLowerCase().startsWith('aws:')) {
        violations.push({ message: `tag key "${key}" of ${product.id} is not valid for AWS`, location: where(key) });
      }
      if (value.length > 256 || !TAG_CHARS.test(value)) {
        violations.push({ message: `tag value "${value}" (${key}) of ${product.id} is not valid for AWS`, location: where(key) });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

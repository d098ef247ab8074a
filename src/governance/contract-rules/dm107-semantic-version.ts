import type { ContractRule } from '../rule';

/** semver.org 2.0.0, the regular expression the specification itself publishes. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const semanticVersion: ContractRule = {
  id: 'DM107',
  scope: 'contract',
  title: 'The contract version is a semantic version',
  rationale: 'Breaking-change detection compares versions; consumers read a major bump as "this will break you".',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'use MAJOR.MINOR.PATCH in quotes, e.g. "1.4.0"',
  check(product) {
    return SEMVER.test(product.version) ? 'compliant' : [{ message: `version "${product.version}" of ${product.id} is not a semantic version`, location: product.fieldLocations.version }];
  },
};

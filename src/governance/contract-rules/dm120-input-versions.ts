import * as semver from 'semver';
import type { ContractRule, Violation } from '../rule';

/**
 * A deriving product says which versions of an input it was built for. When the upstream moves
 * past that range (a new major version), the derived product may read columns that are gone:
 * its team has to adapt and widen the range. A finding rather than a load error, so that the mesh
 * still loads and `datamesh diff` can show the upstream's change and everything downstream of it.
 */
export const inputVersions: ContractRule = {
  id: 'DM120',
  scope: 'contract',
  title: "Every input's current version is inside the range the deriving contract accepts",
  rationale:
    'A derived product built for one major version of its input breaks silently when the input moves to the next; the range makes the dependency explicit and this rule makes the mismatch visible at the input line.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'adapt the derived product to the new version of its input, then widen the range (e.g. "^1.0.0 || ^2.0.0")',
  check(product, { products }) {
    const ranged = (product.inputs ?? []).filter((i) => i.versionRange !== undefined);
    if (ranged.length === 0 || !products) return 'not-applicable';
    const byId = new Map(products.map((p) => [p.id, p]));
    const violations: Violation[] = [];
    for (const input of ranged) {
      const upstream = byId.get(input.product);
      // Unknown inputs are load errors; a version semver cannot read is DM107's.
      if (!upstream || !semver.valid(upstream.version)) continue;
      if (!semver.satisfies(upstream.version, input.versionRange!)) {
        violations.push({
          message: `input ${input.product} of ${product.id} is at version ${upstream.version}, outside the range "${input.versionRange}"`,
          location: input.location,
          fix: `adapt ${product.id} to ${input.product} ${upstream.version}, then widen the range to accept it (e.g. "${input.versionRange} || ^${semver.major(upstream.version)}.0.0")`,
        });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

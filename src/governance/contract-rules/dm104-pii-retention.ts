import type { ContractRule } from '../rule';

export const piiRetention: ContractRule = {
  id: 'DM104',
  scope: 'contract',
  title: 'A product holding PII declares a retention within the policy maximum',
  rationale: 'Personal data may only be kept as long as its purpose requires (GDPR storage limitation); retention is enforced by S3 lifecycle.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'set output.retention, no longer than the policy maximum',
  check(product, { policy, storage }) {
    if (![...product.columns, ...product.partitionKeys].some((c) => c.pii)) return 'not-applicable';
    const days = product.output.retentionDays;
    // Expiring an object of a versioned bucket leaves a noncurrent version: the bytes stay that much longer.
    const allowed = policy.maxPiiRetentionDays - storage.noncurrentVersionExpirationDays;
    if (days === undefined)
      return [
        {
          message: `${product.id} holds PII but declares no retention`,
          location: product.fieldLocations.retention,
          fix: product.source.format === 'odcs' ? `add {property: retention, value: ${allowed}, unit: d} (or less) to slaProperties` : `set output.retention (at most ${allowed}d)`,
        },
      ];
    const kept = days + storage.noncurrentVersionExpirationDays;
    if (kept > policy.maxPiiRetentionDays) {
      return [
        {
          message: `${product.id} keeps PII for ${kept} days (${days} of retention + ${storage.noncurrentVersionExpirationDays} as noncurrent versions), longer than the policy maximum of ${policy.maxPiiRetentionDays}`,
          location: product.fieldLocations.retention,
          // Written in the contract's own format: an ODCS contract has no output.retention.
          fix: `shorten ${product.source.format === 'odcs' ? 'the retention of slaProperties' : 'output.retention'} to at most ${allowed}d, or the platform's noncurrentVersionExpirationDays`,
        },
      ];
    }
    return 'compliant';
  },
};

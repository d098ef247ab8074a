import type { ResourceRule } from '../rule';
import { ofType } from '../stack-resources';

export const keyRotation: ResourceRule = {
  id: 'DM206',
  scope: 'resource',
  title: 'Every KMS key rotates',
  rationale: 'Yearly rotation limits how much data one key material protects; it is free and invisible to readers.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'set enable_key_rotation = true on the aws_kms_key',
  check(stack) {
    const keys = ofType(stack, 'aws_kms_key').filter((k) => (k.config.customer_master_key_spec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT');
    if (keys.length === 0) return 'not-applicable';
    const violations = keys.filter((k) => k.config.enable_key_rotation !== true).map((k) => ({ message: `KMS key ${k.name} does not rotate`, constructPath: k.path }));
    return violations.length ? violations : 'compliant';
  },
};

import type { ContractRule } from '../rule';

export const slaDeclared: ContractRule = {
  id: 'DM102',
  scope: 'contract',
  title: 'A product declares its freshness and availability',
  rationale: 'A consumer can only build on a product whose service level is stated; the SLA is also what monitoring checks.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add sla.freshness (e.g. 24h) and sla.availability (e.g. "99.9%")',
  check(product) {
    const missing = [product.sla.freshnessMinutes === undefined && 'freshness', product.sla.availabilityPercent === undefined && 'availability'].filter(Boolean);
    return missing.length ? [{ message: `${product.id} declares no SLA ${missing.join(' and ')}`, location: product.fieldLocations.sla }] : 'compliant';
  },
};

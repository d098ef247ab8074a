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
    if (!missing.length) return 'compliant';
    // An ODCS contract has no sla: block; its SLA is a list of slaProperties.
    const odcs = { freshness: '{property: latency, value: 24, unit: h}', availability: '{property: availability, value: "99.9%"}' };
    const fix = product.source.format === 'odcs' ? `add ${missing.map((m) => odcs[m as keyof typeof odcs]).join(' and ')} to slaProperties` : undefined;
    return [{ message: `${product.id} declares no SLA ${missing.join(' and ')}`, location: product.fieldLocations.sla, ...(fix ? { fix } : {}) }];
  },
};

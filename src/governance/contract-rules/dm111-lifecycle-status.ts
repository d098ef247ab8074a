import type { ContractRule } from '../rule';

export const lifecycleStatus: ContractRule = {
  id: 'DM111',
  scope: 'contract',
  title: 'Deprecated products have a sunset date; retired products have no consumers',
  rationale: 'Consumers of a deprecated product need a date to migrate by; a retired product that still lists consumers hides who is about to break.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'add `sunset: "YYYY-MM-DD"` to a deprecated product; remove the consumers of a retired one',
  check(product) {
    if (product.status === 'deprecated' && !product.sunset) {
      return [{ message: `${product.id} is deprecated without a sunset date`, location: product.fieldLocations.status }];
    }
    if (product.status === 'retired' && product.consumers.length > 0) {
      return [{ message: `${product.id} is retired but still lists ${product.consumers.length} consumer(s)`, location: product.consumers[0].location }];
    }
    return product.status === 'deprecated' || product.status === 'retired' ? 'compliant' : 'not-applicable';
  },
};

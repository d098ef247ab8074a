import * as path from 'path';
import { loadMesh } from '../../src/contract/mesh';
import type { ColumnSpec, DataProductSpec, MeshSpec } from '../../src/contract/model';
import type { ContractRuleContext } from '../../src/governance/rule';
import { mergePolicy } from '../../src/governance/policy';
import { ALL_RULES } from '../../src/governance/registry';
import { FIXTURES } from '../helpers/fixtures';

/** The minimal fixture mesh: one domain, one compliant product (shop.orders). */
export const MINIMAL_MESH: MeshSpec = loadMesh(path.join(FIXTURES, 'minimal')).value!;
export const COMPLIANT_PRODUCT: DataProductSpec = MINIMAL_MESH.products[0];

export const TODAY = '2026-11-21';

export function ruleContext(overrides: Partial<ContractRuleContext> = {}): ContractRuleContext {
  return {
    policy: mergePolicy(MINIMAL_MESH.platform, MINIMAL_MESH.domains[0], ALL_RULES).policy,
    domains: MINIMAL_MESH.domains,
    today: TODAY,
    rules: ALL_RULES,
    storage: MINIMAL_MESH.platform.storage,
    ...overrides,
  };
}

/** The compliant product with some fields replaced: the smallest fixture that shows one thing. */
export function productWith(overrides: Partial<DataProductSpec>): DataProductSpec {
  return { ...COMPLIANT_PRODUCT, ...overrides };
}

/** The compliant product with one column changed. */
export function withColumn(name: string, change: Partial<ColumnSpec>): DataProductSpec {
  return productWith({ columns: COMPLIANT_PRODUCT.columns.map((c) => (c.name === name ? { ...c, ...change } : c)) });
}

/**
 * The one place where governance contract rules join the CLI. `validate` and `catalog` call the
 * evaluator on every mesh that loads; its findings are merged with the loader's. Nothing it
 * imports may reach cdktf (the `validate-path-without-cdktf` rule of .dependency-cruiser.cjs, and
 * test/cli/bin.test.ts at run time): `validate` answers without loading any synthesis code.
 */
import type { MeshSpec } from '../contract/model';
import { governContracts } from '../governance/evaluate';
import type { Finding } from '../governance/finding';
import { loadErrorFinding } from './findings';

/** Runs the contract rules (with the global and domain policy the mesh carries) on a loaded mesh. */
export type ContractRuleEvaluator = (mesh: MeshSpec) => readonly Finding[];

/** Policy errors (a domain loosening the global policy) come first, as findings with their location. */
export const evaluateContractRules: ContractRuleEvaluator = (mesh) => {
  const { errors, findings } = governContracts(mesh);
  return [...errors.map((e) => loadErrorFinding(e)), ...findings];
};

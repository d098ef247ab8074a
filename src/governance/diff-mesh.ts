import type { ContractError } from '../contract/errors';
import { loadMesh } from '../contract/mesh';
import { domainPolicies, evaluateAccess, evaluateEvolution, type GovernanceOptions } from './evaluate';
import { diffAccess, type AccessChange } from '../evolution/diff-access';
import type { Finding } from './finding';
import { loadBaseline } from '../evolution/baseline';
import { evolveMesh, type ProductEvolution } from '../evolution/evolution';
import { breakingImpact, type Downstream } from '../evolution/impact';

export interface MeshDiff {
  readonly ref: string;
  readonly evolutions: readonly ProductEvolution[];
  /** Changes to domain roles, accounts and trusted accounts: every grant to the domain changes with them. */
  readonly accessChanges: readonly AccessChange[];
  /** Products and consumers downstream of each product with a breaking change, by product id. */
  readonly downstream: Readonly<Record<string, Downstream>>;
  /** DM3xx findings, waivers applied. */
  readonly findings: readonly Finding[];
  /** The current mesh does not load; nothing was compared. */
  readonly errors: readonly ContractError[];
  /** Base contracts that could not be read, reported but not fatal: the contract may have been fixed since. */
  readonly baseErrors: readonly ContractError[];
}

/** Compares every contract of a contracts folder with its version at a git revision. */
export function diffMesh(contractsDir: string, ref: string, options: GovernanceOptions = {}): MeshDiff {
  const { value: mesh, errors } = loadMesh(contractsDir);
  if (!mesh) return { ref, evolutions: [], accessChanges: [], downstream: {}, findings: [], errors, baseErrors: [] };
  const baseline = loadBaseline(ref, contractsDir);
  const evolutions = evolveMesh(baseline.products, mesh.products);
  const accessChanges = diffAccess(baseline, mesh);
  const downstream = breakingImpact(evolutions, mesh.products);
  const { policies, errors: policyErrors } = domainPolicies(mesh);
  if (policyErrors.length > 0) return { ref, evolutions, accessChanges, downstream, findings: [], errors: policyErrors, baseErrors: baseline.errors };
  const findings = [...evaluateEvolution(evolutions, policies, options), ...evaluateAccess(accessChanges, policies, options)];
  return { ref, evolutions, accessChanges, downstream, findings, errors: [], baseErrors: baseline.errors };
}

/**
 * `datamesh affected`: the domain stacks whose synthesized Terraform differs between a git
 * revision and the working tree, decided from the normalized model of both sides (stack-inputs.ts)
 * so CI learns what to plan in well under a second, without cdktf.
 */
import type { ContractError } from '../contract/errors';
import { loadMesh } from '../contract/mesh';
import { ownDomains } from '../contract/registry';
import type { MeshSpec } from '../contract/model';
import { compareText } from '../contract/order';
import { loadBaseline, BaselineError } from './baseline';
import { inputChanges, stackInputs, type MeshModel } from './stack-inputs';

export type StackChange = 'changed' | 'added' | 'removed';

export interface AffectedStack {
  /** The domain, which is also the stack's name and its folder under cdktf.out/stacks/. */
  readonly stack: string;
  readonly change: StackChange;
  /** What differs: `platform.yaml`, `domain.yaml`, `product <id>`, `consumer roles of <domain>`. */
  readonly reasons: readonly string[];
}

export interface AffectedReport {
  readonly base: string;
  readonly environment: string;
  /** Stacks to plan or apply: changed and added ones, sorted by name. */
  readonly stacks: readonly string[];
  /** Every stack that differs, removed ones included (their folder is gone; destroying them is a deliberate step). */
  readonly affected: readonly AffectedStack[];
  readonly unchanged: readonly string[];
  /** The working tree does not load: nothing was compared. */
  readonly errors: readonly ContractError[];
  /** The base revision does not load: every current stack counts as changed, since nothing proves otherwise. */
  readonly baseErrors: readonly ContractError[];
}

/** Refs reach git as arguments: one starting with `-` would be read as an option. */
export function checkRef(ref: string): void {
  if (ref.length === 0 || ref.startsWith('-')) throw new BaselineError(`refusing git revision ${JSON.stringify(ref.slice(0, 80))}: a revision cannot be empty or start with "-"`);
}

export function affectedStacks(contractsDir: string, ref: string, environment: string): AffectedReport {
  checkRef(ref);
  const { value: mesh, errors } = loadMesh(contractsDir);
  if (!mesh) return { base: ref, environment, stacks: [], affected: [], unchanged: [], errors, baseErrors: [] };
  if (!mesh.platform.environments.includes(environment)) {
    throw new BaselineError(`environment "${environment.slice(0, 40)}" is not declared in platform.yaml (${mesh.platform.environments.join(', ')})`);
  }
  const baseline = loadBaseline(ref, contractsDir);
  const base: MeshModel | undefined =
    baseline.platform && baseline.errors.length === 0 ? { platform: baseline.platform, domains: [...baseline.domains.values()], products: [...baseline.products.values()] } : undefined;
  // In a domain repository, the registry's other domains resolve grants but have no stack here.
  const affected = compareStacks(
    base,
    mesh,
    environment,
    ownDomains(mesh).map((d) => d.name),
  );
  const names = (kinds: readonly StackChange[]) => affected.filter((a) => kinds.includes(a.change)).map((a) => a.stack);
  const touched = new Set(affected.map((a) => a.stack));
  return {
    base: ref,
    environment,
    stacks: names(['changed', 'added']),
    affected,
    unchanged: ownDomains(mesh)
      .map((d) => d.name)
      .filter((name) => !touched.has(name)),
    errors: [],
    baseErrors: baseline.platform
      ? baseline.errors
      : [
          ...baseline.errors,
          {
            file: `${ref}:platform.yaml`,
            line: 0,
            column: 0,
            path: '',
            message: 'no platform settings at the base revision (no platform.yaml, or one pointing at the mesh registry, which git does not hold)',
            hint: 'in a domain repository every stack is planned; in a platform repository compare with a revision that holds the mesh',
          },
        ],
  };
}

/**
 * Stack by stack; `base` undefined when the base revision cannot be read, so every stack counts.
 * `stacks`: the current domains that get a stack here. @default every domain of `current`
 */
export function compareStacks(base: MeshModel | undefined, current: MeshSpec | MeshModel, environment: string, stacks?: readonly string[]): AffectedStack[] {
  const result: AffectedStack[] = [];
  const baseNames = new Set(base?.domains.map((d) => d.name) ?? []);
  const currentNames = new Set(stacks ?? current.domains.map((d) => d.name));
  for (const name of [...new Set([...baseNames, ...currentNames])].sort(compareText)) {
    if (!currentNames.has(name)) {
      result.push({ stack: name, change: 'removed', reasons: ['domain removed'] });
    } else if (!base) {
      result.push({ stack: name, change: 'changed', reasons: ['the base revision does not load'] });
    } else if (!baseNames.has(name)) {
      result.push({ stack: name, change: 'added', reasons: ['domain added'] });
    } else {
      const reasons = inputChanges(stackInputs(base, name, environment), stackInputs(current, name, environment));
      if (reasons.length > 0) result.push({ stack: name, change: 'changed', reasons });
    }
  }
  return result;
}

/**
 * Product-level lineage: which product is derived from which, across domains. Built from each
 * contract's `inputs`; checked once per mesh (every input names a product of the mesh, and no
 * product is derived from itself, however indirectly), then read by the
 * catalog (upstream and downstream of each product) and by `datamesh diff` (who a breaking change
 * reaches downstream).
 */
import type { ContractError } from './errors';
import type { DataProductSpec, ProductInput } from './model';
import { closestMatch } from './suggest';

export interface Lineage {
  /** Direct inputs of each product, by id, in declared order; only inputs that exist in the mesh. */
  readonly upstream: ReadonlyMap<string, readonly string[]>;
  /** Direct dependents of each product, by id, sorted. */
  readonly downstream: ReadonlyMap<string, readonly string[]>;
}

export function buildLineage(products: readonly DataProductSpec[]): Lineage {
  const ids = new Set(products.map((p) => p.id));
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (const product of products) {
    const inputs = (product.inputs ?? []).map((i) => i.product).filter((id) => ids.has(id) && id !== product.id);
    upstream.set(product.id, inputs);
    for (const input of inputs) downstream.set(input, [...(downstream.get(input) ?? []), product.id]);
  }
  for (const list of downstream.values()) list.sort();
  return { upstream, downstream };
}

/** Every product derived from `id`, directly or through other products, nearest first, each once. */
export function downstreamOf(lineage: Lineage, id: string): string[] {
  const found: string[] = [];
  const queue = [...(lineage.downstream.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (next === id || found.includes(next)) continue;
    found.push(next);
    queue.push(...(lineage.downstream.get(next) ?? []));
  }
  return found;
}

/** Every product `id` is derived from, directly or indirectly, nearest first, each once. */
export function upstreamOf(lineage: Lineage, id: string): string[] {
  const found: string[] = [];
  const queue = [...(lineage.upstream.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (next === id || found.includes(next)) continue;
    found.push(next);
    queue.push(...(lineage.upstream.get(next) ?? []));
  }
  return found;
}

/**
 * Unknown inputs and cycles, each at the input's line. An
 * input of a domain in `unresolved` (a domain.yaml or a contract that did not load) is not called
 * unknown: its contract may be the one whose errors are reported already.
 */
export function lineageErrors(products: readonly DataProductSpec[], unresolved: ReadonlySet<string> = new Set()): ContractError[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const errors: ContractError[] = [];
  const at = (product: DataProductSpec, input: ProductInput, message: string, hint: string): ContractError => ({
    ...input.location,
    path: inputPath(product, input),
    message,
    hint,
  });
  for (const product of products) {
    for (const input of product.inputs ?? []) {
      const upstream = byId.get(input.product);
      if (input.product === product.id) {
        errors.push(at(product, input, `${product.id} names itself as an input`, 'remove the input: a product cannot be derived from itself'));
      } else if (!upstream && unresolved.has(input.product.split('.')[0])) {
        continue;
      } else if (!upstream) {
        const suggestion = closestMatch(input.product, [...byId.keys()]);
        errors.push(
          at(
            product,
            input,
            `input "${input.product}" is not a product of the mesh`,
            suggestion ? `did you mean "${suggestion}"?` : 'name an existing product as `<domain>.<name>`, or add its contract first',
          ),
        );
      }
      // An input outside its version range is a governance finding (DM120), not a load error: the
      // mesh must still load so that `datamesh diff` can show what the upstream's new major breaks.
    }
  }
  errors.push(...cycleErrors(products));
  return errors;
}

/** One error per cycle, at the input that starts it in the first of its products by id. */
function cycleErrors(products: readonly DataProductSpec[]): ContractError[] {
  const lineage = buildLineage(products);
  const reported = new Set<string>();
  const errors: ContractError[] = [];
  for (const product of [...products].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const cycle = findCycle(lineage, product.id);
    if (!cycle) continue;
    const key = cycle.slice(0, -1).sort().join(' ');
    if (reported.has(key)) continue;
    reported.add(key);
    const input = (product.inputs ?? []).find((i) => i.product === cycle[1])!;
    errors.push({
      ...input.location,
      path: inputPath(product, input),
      message: `inputs form a cycle: ${cycle.join(' -> ')} (each derived from the next)`,
      hint: 'a product cannot be derived, even indirectly, from itself: remove one input of the cycle',
    });
  }
  return errors;
}

/** The shortest chain of inputs from `id` back to itself, e.g. [a, b, a], or undefined. */
function findCycle(lineage: Lineage, id: string): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [id];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of lineage.upstream.get(node) ?? []) {
      if (next === id) {
        const back: string[] = [];
        for (let step = node; step !== id; step = previous.get(step)!) back.push(step);
        return [id, ...back.reverse(), id];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return undefined;
}

function inputPath(product: DataProductSpec, input: ProductInput): string {
  const index = (product.inputs ?? []).indexOf(input);
  return product.source.format === 'odcs' ? `customProperties[datameshInputs].value[${index}]` : `inputs[${index}]`;
}

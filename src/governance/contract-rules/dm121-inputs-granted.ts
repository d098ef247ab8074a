import type { ContractRule, Violation } from '../rule';

/**
 * Lineage must not claim what access control does not allow: a product derived from another
 * domain's product reads it, so the upstream contract has to grant the deriving domain. Inputs of
 * the same domain need no grant (the domain's producer role writes and reads its own products).
 */
export const inputsGranted: ContractRule = {
  id: 'DM121',
  scope: 'contract',
  title: "Inputs from another domain are granted to the deriving domain by the input's contract",
  rationale:
    "An input from another domain is read by the deriving domain's roles; without a read grant in the upstream contract the pipeline cannot run, or reads through a path governance does not see.",
  defaultSeverity: 'error',
  waivable: true,
  fix: "ask the upstream team to add `- {domain: <your domain>, access: read, reason: ...}` to the input's consumers, or remove the input",
  check(product, { products }) {
    const inputs = (product.inputs ?? []).filter((i) => !i.product.startsWith(`${product.domain}.`));
    if (inputs.length === 0 || !products) return 'not-applicable';
    const byId = new Map(products.map((p) => [p.id, p]));
    const violations: Violation[] = [];
    for (const input of inputs) {
      const upstream = byId.get(input.product);
      // An unknown input is a load error already.
      if (!upstream) continue;
      const granted = upstream.consumers.some((c) => c.kind === 'domain' && c.domain === product.domain);
      if (!granted) {
        violations.push({
          message: `${product.id} is derived from ${input.product}, but ${upstream.source.file} grants domain ${product.domain} no read access`,
          location: input.location,
          fix: `add \`- {domain: ${product.domain}, access: read, reason: ...}\` to the consumers of ${input.product} (${upstream.source.file}), or remove the input`,
        });
      }
    }
    return violations.length ? violations : 'compliant';
  },
};

import { loadMesh } from '../../src/contract/mesh';
import type { MeshSpec } from '../../src/contract/model';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';

/** The reference mesh as loaded, so tests count its products instead of hard-coding the count. */
export const REFERENCE: MeshSpec = (() => {
  const { value, errors } = loadMesh(REFERENCE_CONTRACTS);
  if (!value) throw new Error(`the reference mesh does not load:\n${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
  return value;
})();

export const productsOf = (domain: string) => REFERENCE.products.filter((p) => p.domain === domain);

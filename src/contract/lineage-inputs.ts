/**
 * A contract's `inputs` (native `inputs:`, ODCS `customProperties: datameshInputs`) -> the model's
 * ProductInput list. Shape is the schema's job; what is checked here is what a schema cannot say:
 * a version range semver understands, and each input named once. Whether the inputs exist, and
 * whether they form a cycle, needs the whole mesh (lineage.ts).
 */
import * as semver from 'semver';
import type { ProductInput } from './model';
import type { DocPath, SourceDocument } from './source';

/** `- sales.orders` or `- { product: sales.orders, version: "^1.0.0" }`. */
export type NativeInput = string | { product: string; version?: string };

export type InputFail = (path: DocPath, message: string, hint: string) => void;

export function normalizeInputs(document: SourceDocument, inputs: readonly NativeInput[], path: DocPath, fail: InputFail): ProductInput[] {
  const seen = new Map<string, number>();
  const result: ProductInput[] = [];
  inputs.forEach((input, index) => {
    const product = typeof input === 'string' ? input : input.product;
    const versionRange = typeof input === 'string' ? undefined : input.version;
    const at = [...path, index];
    const first = seen.get(product);
    if (first !== undefined) {
      fail(at, `input "${product}" is listed twice (first at line ${document.locate([...path, first]).line})`, 'name each input product once');
      return;
    }
    seen.set(product, index);
    if (versionRange !== undefined && semver.validRange(versionRange) === null) {
      fail([...at, 'version'], `"${versionRange}" is not a semver range`, 'use a range such as "^1.0.0", "~1.2.0" or ">=1.0.0 <3.0.0"');
      return;
    }
    result.push({ product, ...(versionRange !== undefined ? { versionRange } : {}), location: document.locate(typeof input === 'string' ? at : [...at, 'product']) });
  });
  return result;
}

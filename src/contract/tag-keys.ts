/**
 * Tag keys as AWS compares them. Keys that differ only in case are duplicates to IAM and several
 * other services, and the provider merges platform, domain and contract tags into one set per
 * resource; so a key may not spell a platform-set tag in any case, nor another key of its own file
 * or of an enclosing level (platform.yaml, then domain.yaml) in a different case.
 */
import { platformTagKeyError, tagKeyCaseClash, type ContractError } from './errors';
import { platformTagKey } from './limits';
import type { SourceDocument } from './source';

/** The tag keys of one level, and how an error names it. */
export interface TagLayer {
  readonly keys: readonly string[];
  /** E.g. `in platform.yaml`. */
  readonly where: string;
}

/** The keys of a file's top-level `tags` mapping (ODCS's `tags` is a list of labels, not AWS tags). */
export function tagKeysOf(raw: Record<string, unknown> | undefined): string[] {
  const tags = raw?.tags;
  return tags && typeof tags === 'object' && !Array.isArray(tags) ? Object.keys(tags) : [];
}

/** Platform-set keys in any case, and keys of the same file that differ only in case. */
export function tagKeyErrors(document: SourceDocument, raw: Record<string, unknown>): ContractError[] {
  const errors: ContractError[] = [];
  const first = new Map<string, string>();
  for (const key of tagKeysOf(raw)) {
    // Spreading a location reads its line: only where there is an error (see positions.ts).
    const at = () => ({ ...document.locate(['tags', key], 'key'), path: `tags.${key}` });
    const reserved = platformTagKey(key);
    if (reserved) {
      errors.push(platformTagKeyError(at(), key, reserved));
      continue;
    }
    const earlier = first.get(key.toLowerCase());
    if (earlier !== undefined) errors.push(tagKeyCaseClash(at(), key, earlier, 'in the same file'));
    else first.set(key.toLowerCase(), key);
  }
  return errors;
}

/** Keys that differ only in case from a key of an enclosing level; the same key overrides, as intended. */
export function inheritedTagClashes(document: SourceDocument, raw: Record<string, unknown>, layers: readonly TagLayer[]): ContractError[] {
  const errors: ContractError[] = [];
  for (const key of tagKeysOf(raw)) {
    for (const layer of layers) {
      const other = layer.keys.find((k) => k !== key && k.toLowerCase() === key.toLowerCase());
      if (other === undefined) continue;
      errors.push(tagKeyCaseClash({ ...document.locate(['tags', key], 'key'), path: `tags.${key}` }, key, other, layer.where));
      break;
    }
  }
  return errors;
}

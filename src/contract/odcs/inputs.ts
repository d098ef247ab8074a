/**
 * Lineage in ODCS. ODCS v3 has no field for the contracts a dataset is derived from, so inputs
 * travel in the documented custom property `datameshInputs`, whose value is the native `inputs`
 * list (checked by the ODCS schema against the native schema's definition):
 *
 *   customProperties:
 *     - property: datameshInputs
 *       value: [sales.orders, { product: payments.transactions, version: "^1.0.0" }]
 */
import { normalizeInputs, type NativeInput } from '../lineage-inputs';
import type { ProductInput } from '../model';
import type { OdcsDocument } from './document';
import { findExtra } from './custom-properties';
import type { DocumentIssues } from './issues';

export const INPUTS_PROPERTY = 'datameshInputs';

export function readInputs(contract: OdcsDocument, issues: DocumentIssues): ProductInput[] {
  const extra = findExtra(contract.customProperties, INPUTS_PROPERTY);
  if (!extra) return [];
  return normalizeInputs(issues.document, extra.value as NativeInput[], ['customProperties', extra.index, 'value'], (path, message, hint) => issues.error(path, message, hint));
}

/** The custom property export writes, or none when the product has no inputs. */
export function exportInputs(inputs: readonly ProductInput[] | undefined): { property: string; value: NativeInput[] }[] {
  if (!inputs || inputs.length === 0) return [];
  return [{ property: INPUTS_PROPERTY, value: inputs.map((i) => (i.versionRange ? { product: i.product, version: i.versionRange } : i.product)) }];
}

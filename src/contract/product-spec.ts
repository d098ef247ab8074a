/**
 * The parts of a DataProductSpec that both formats (native.ts and odcs/normalize.ts) derive the
 * same way, written once so that a native and an ODCS contract saying the same thing become the
 * same model.
 */
import { mostSensitive } from './column-rules';
import type { ColumnSpec, DataProductSpec, ProductInput } from './model';

/** Table columns without the partition keys, the partition keys in `partitionBy` order, and the product's classification. */
export function columnLayout(all: readonly ColumnSpec[], partitionBy: readonly string[]): Pick<DataProductSpec, 'columns' | 'partitionKeys' | 'classification'> {
  const partitions = new Set(partitionBy);
  const byName = new Map(all.map((c) => [c.name, c]));
  return {
    columns: all.filter((c) => !partitions.has(c.name)),
    partitionKeys: partitionBy.map((name) => byName.get(name)!),
    classification: mostSensitive(all.map((c) => c.classification)),
  };
}

/** `inputs` only when the contract has any, so a product without lineage has no empty list. */
export function lineageField(inputs: readonly ProductInput[]): Pick<DataProductSpec, 'inputs'> {
  return inputs.length > 0 ? { inputs } : {};
}

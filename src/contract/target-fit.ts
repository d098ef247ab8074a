/**
 * A normalized contract made to fit the AWS services it becomes, whatever format it came from:
 * text is folded where the target takes one line, and every bound the target enforces at apply
 * time is checked now, at the line that sets it.
 */
import { durationTooLong, textTooLong, type ContractError } from './errors';
import { characterCount, foldToOneLine, GLUE_COLUMN_COMMENT_MAX, GLUE_DESCRIPTION_MAX, MAX_DURATION_DAYS } from './limits';
import type { ColumnSpec, DataProductSpec } from './model';

const MINUTES_PER_DAY = 1440;

export function fitProduct(spec: DataProductSpec): { spec: DataProductSpec; errors: ContractError[] } {
  const errors: ContractError[] = [];
  // Glue table descriptions take line breaks; Glue column comments do not.
  const fold = (column: ColumnSpec): ColumnSpec => {
    if (column.description === undefined) return column;
    const description = foldToOneLine(column.description);
    // A UTF-16 length within the bound holds as many characters at most: counted only when it might not be.
    const length = description.length > GLUE_COLUMN_COMMENT_MAX ? characterCount(description) : description.length;
    if (length > GLUE_COLUMN_COMMENT_MAX)
      errors.push(textTooLong({ ...column.location, path: native ? `column ${column.name}.description` : `column ${column.name}` }, 'a Glue column comment', length, GLUE_COLUMN_COMMENT_MAX));
    return description === column.description ? column : { ...column, description };
  };
  const columns = spec.columns.map(fold);
  const partitionKeys = spec.partitionKeys.map(fold);
  const descriptionLength = spec.description.length > GLUE_DESCRIPTION_MAX ? characterCount(spec.description) : spec.description.length;
  if (descriptionLength > GLUE_DESCRIPTION_MAX) errors.push(textTooLong({ ...spec.location, path: 'description' }, 'a Glue table description', descriptionLength, GLUE_DESCRIPTION_MAX));

  const days = (minutes: number) => Math.ceil(minutes / MINUTES_PER_DAY);
  const native = spec.source.format === 'native';
  if (spec.output.retentionDays !== undefined && spec.output.retentionDays > MAX_DURATION_DAYS) {
    errors.push(durationTooLong({ ...spec.fieldLocations.retention, path: native ? 'output.retention' : 'retention' }, 'retention', spec.output.retentionDays));
  }
  if (spec.sla.freshnessMinutes !== undefined && days(spec.sla.freshnessMinutes) > MAX_DURATION_DAYS) {
    errors.push(durationTooLong({ ...spec.fieldLocations.sla, path: 'sla.freshness' }, 'freshness', days(spec.sla.freshnessMinutes)));
  }
  spec.quality.forEach((rule, index) => {
    if (rule.kind === 'freshness' && days(rule.maxAgeMinutes) > MAX_DURATION_DAYS) {
      errors.push(durationTooLong({ ...rule.location, path: native ? `quality[${index}].maxAge` : 'maxAge' }, 'maximum age', days(rule.maxAgeMinutes)));
    }
  });
  return { spec: { ...spec, columns, partitionKeys }, errors };
}

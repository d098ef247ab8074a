/**
 * Hive's AvroSerDe reads a table through the Avro schema in `avro.schema.literal`, not through the
 * Glue columns, so an Avro product needs both, derived from the same contract.
 */
import type { GlueType } from '../../contract/glue-type';
import type { ColumnSpec } from '../../contract/model';

type AvroType = string | Record<string, unknown> | AvroType[];

export function avroSchemaLiteral(recordName: string, columns: readonly ColumnSpec[]): string {
  let records = 0;
  const toAvro = (type: GlueType, path: string): AvroType => {
    switch (type.kind) {
      case 'primitive':
        return PRIMITIVES[type.name];
      case 'decimal':
        return { type: 'bytes', logicalType: 'decimal', precision: type.precision, scale: type.scale };
      case 'varchar':
      case 'char':
        return 'string';
      case 'array':
        return { type: 'array', items: nullable(toAvro(type.element, path)) };
      case 'map':
        // Avro map keys are always strings; Hive converts other scalar keys to text.
        return { type: 'map', values: nullable(toAvro(type.value, path)) };
      case 'struct':
        records += 1;
        return {
          type: 'record',
          name: `${path}_r${records}`,
          fields: type.fields.map((f) => ({ name: f.name, type: nullable(toAvro(f.type, `${path}_${f.name}`)), default: null })),
        };
    }
  };
  const schema = {
    type: 'record',
    name: recordName,
    fields: columns.map((c) => {
      const type = toAvro(c.type, c.name);
      return c.required ? { name: c.name, type, doc: c.description } : { name: c.name, type: nullable(type), default: null, doc: c.description };
    }),
  };
  return JSON.stringify(schema);
}

const PRIMITIVES: Record<Extract<GlueType, { kind: 'primitive' }>['name'], AvroType> = {
  boolean: 'boolean',
  tinyint: 'int',
  smallint: 'int',
  int: 'int',
  bigint: 'long',
  float: 'float',
  double: 'double',
  string: 'string',
  binary: 'bytes',
  date: { type: 'int', logicalType: 'date' },
  timestamp: { type: 'long', logicalType: 'timestamp-millis' },
};

function nullable(type: AvroType): AvroType {
  return ['null', type];
}

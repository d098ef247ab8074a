import type { OutputFormat } from '../../contract/model';

/** How Glue, Athena and Spark read and write each output format of a Hive-style table. */
export interface HiveStorageFormat {
  readonly serializationLibrary: string;
  readonly inputFormat: string;
  readonly outputFormat: string;
  readonly serdeParameters: Readonly<Record<string, string>>;
  readonly tableParameters: Readonly<Record<string, string>>;
}

const TEXT_INPUT = 'org.apache.hadoop.mapred.TextInputFormat';
const TEXT_OUTPUT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

export const HIVE_STORAGE_FORMATS: Readonly<Record<Exclude<OutputFormat, 'iceberg'>, HiveStorageFormat>> = {
  parquet: {
    serializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    serdeParameters: { 'serialization.format': '1' },
    tableParameters: { 'parquet.compression': 'SNAPPY' },
  },
  orc: {
    serializationLibrary: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
    inputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat',
    serdeParameters: { 'serialization.format': '1' },
    tableParameters: { 'orc.compress': 'ZLIB' },
  },
  avro: {
    serializationLibrary: 'org.apache.hadoop.hive.serde2.avro.AvroSerDe',
    inputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat',
    serdeParameters: {},
    tableParameters: {},
  },
  json: {
    // The OpenX SerDe reads nested JSON and is the one Athena and Glue crawlers both use.
    serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
    inputFormat: TEXT_INPUT,
    outputFormat: TEXT_OUTPUT,
    serdeParameters: { 'ignore.malformed.json': 'FALSE', 'case.insensitive': 'TRUE' },
    tableParameters: {},
  },
  csv: {
    // LazySimpleSerDe keeps column types; OpenCSVSerde would read every column as a string.
    serializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
    inputFormat: TEXT_INPUT,
    outputFormat: TEXT_OUTPUT,
    serdeParameters: { 'field.delim': ',', 'serialization.format': ',' },
    tableParameters: { 'skip.header.line.count': '1' },
  },
};

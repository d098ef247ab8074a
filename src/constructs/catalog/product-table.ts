import { GlueCatalogTable, type GlueCatalogTableStorageDescriptorColumns } from '@cdktf/provider-aws/lib/glue-catalog-table';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { guardStack, untrusted } from '../terraform-text';
import { columnComment } from '../../contract/column-rules';
import type { ColumnSpec, DataProductSpec } from '../../contract/model';
import { avroSchemaLiteral } from './avro-schema';
import type { ProductTableProps } from './product-table-props';
import { HIVE_STORAGE_FORMATS } from './table-formats';

/**
 * The Glue catalog table of a data product: its columns, partitions and storage format.
 *
 * @example
 * const table = new ProductTable(product, 'catalog', {
 *   product: spec,
 *   databaseName: database.name,
 *   location: 's3://acme-dev-sales-orders/data/',
 * });
 * table.table.name; // the aws_glue_catalog_table's name, a reference
 */
export class ProductTable extends Construct {
  readonly table: GlueCatalogTable;
  readonly tableName: string;

  constructor(scope: Construct, id: string, props: ProductTableProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const product = untrusted(props.product);
    this.tableName = product.name;
    const format = product.output.format;
    const parameters = { ...contractParameters(product) };

    if (format === 'iceberg') {
      // Iceberg keeps partitioning in its own metadata (hidden partitioning), so partition
      // columns stay ordinary columns; the writer's partition spec should follow partitionBy.
      this.table = new GlueCatalogTable(this, 'table', {
        name: this.tableName,
        databaseName: props.databaseName,
        description: product.description,
        tableType: 'EXTERNAL_TABLE',
        parameters,
        openTableFormatInput: { icebergInput: { metadataOperation: 'CREATE', version: '2' } },
        storageDescriptor: { location: props.location, columns: [...product.columns, ...product.partitionKeys].map(glueColumn) },
      });
      return;
    }

    const storage = HIVE_STORAGE_FORMATS[format];
    const serdeParameters: Record<string, string> = { ...storage.serdeParameters };
    if (format === 'avro') serdeParameters['avro.schema.literal'] = avroSchemaLiteral(product.name, product.columns);
    this.table = new GlueCatalogTable(this, 'table', {
      name: this.tableName,
      databaseName: props.databaseName,
      description: product.description,
      tableType: 'EXTERNAL_TABLE',
      parameters: { EXTERNAL: 'TRUE', classification: format, ...storage.tableParameters, ...parameters },
      partitionKeys: product.partitionKeys.map(glueColumn),
      storageDescriptor: {
        location: props.location,
        inputFormat: storage.inputFormat,
        outputFormat: storage.outputFormat,
        serDeInfo: { name: `${format}-serde`, serializationLibrary: storage.serializationLibrary, parameters: serdeParameters },
        columns: product.columns.map(glueColumn),
      },
    });
  }
}

function glueColumn(column: ColumnSpec): GlueCatalogTableStorageDescriptorColumns {
  return { name: column.name, type: column.glueType, comment: columnComment(column) };
}

/** The contract travels with the table, so a catalog user sees who owns it and what it promises. */
export function contractParameters(product: DataProductSpec): Record<string, string> {
  const parameters: Record<string, string> = {
    'datamesh.contract_id': product.id,
    'datamesh.version': product.version,
    'datamesh.status': product.status,
    'datamesh.owner': product.owner.team,
    'datamesh.owner_email': product.owner.email,
    'datamesh.classification': product.classification,
  };
  if (product.sla.freshnessMinutes !== undefined) parameters['datamesh.sla.freshness_minutes'] = String(product.sla.freshnessMinutes);
  if (product.sla.availabilityPercent !== undefined) parameters['datamesh.sla.availability_percent'] = String(product.sla.availabilityPercent);
  if (product.output.partitionBy.length > 0) parameters['datamesh.partition_by'] = product.output.partitionBy.join(',');
  if (product.output.retentionDays !== undefined) parameters['datamesh.retention_days'] = String(product.output.retentionDays);
  if (product.sunset) parameters['datamesh.sunset'] = product.sunset;
  return parameters;
}

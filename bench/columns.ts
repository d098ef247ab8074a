/**
 * The column vocabulary of generated contracts: what real data products hold (keys, amounts,
 * codes, timestamps, nested line items, personal data), each with the quality rule a team would
 * write for it. Names are chosen so that only the personal columns match the PII patterns of
 * DM103, and every rule compiles to DQDL (DM115).
 */
import type { Classification } from '../src/contract/model';

export interface ColumnTemplate {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly classification: Classification;
  readonly required?: boolean;
  readonly rule?: QualityTemplate;
}

export type QualityTemplate =
  | { readonly rule: 'accepted_values'; readonly values: readonly string[] }
  | { readonly rule: 'range'; readonly min?: number; readonly max?: number }
  | { readonly rule: 'pattern'; readonly pattern: string };

/** Columns without personal data, nested types included. */
export const FACT_COLUMNS: readonly ColumnTemplate[] = [
  {
    name: 'record_status',
    type: 'string',
    description: 'Current state of the row: open, pending, closed or cancelled.',
    classification: 'internal',
    required: true,
    rule: { rule: 'accepted_values', values: ['open', 'pending', 'closed', 'cancelled'] },
  },
  {
    name: 'channel',
    type: 'string',
    description: 'Channel the record came from: web, app, store or partner.',
    classification: 'internal',
    rule: { rule: 'accepted_values', values: ['web', 'app', 'store', 'partner'] },
  },
  {
    name: 'country_code',
    type: 'char(2)',
    description: 'ISO 3166-1 alpha-2 code of the country the record belongs to.',
    classification: 'public',
    required: true,
    rule: { rule: 'pattern', pattern: '^[A-Z]{2}$' },
  },
  { name: 'currency', type: 'char(3)', description: 'ISO 4217 code of every amount on the row, e.g. EUR.', classification: 'public', required: true, rule: { rule: 'pattern', pattern: '^[A-Z]{3}$' } },
  {
    name: 'total_amount',
    type: 'decimal(12,2)',
    description: 'Total amount including VAT, in the row currency.',
    classification: 'confidential',
    required: true,
    rule: { rule: 'range', min: 0, max: 1000000 },
  },
  { name: 'net_amount', type: 'decimal(12,2)', description: 'Amount before VAT and after discounts, in the row currency.', classification: 'confidential', rule: { rule: 'range', min: 0 } },
  { name: 'tax_amount', type: 'decimal(10,2)', description: 'VAT charged, in the row currency.', classification: 'confidential', rule: { rule: 'range', min: 0, max: 250000 } },
  { name: 'discount_amount', type: 'decimal(10,2)', description: 'Discount granted, as a positive amount in the row currency.', classification: 'confidential' },
  { name: 'unit_price', type: 'decimal(12,4)', description: 'Price of one unit after line discounts, including VAT.', classification: 'internal', rule: { rule: 'range', min: 0 } },
  { name: 'exchange_rate', type: 'decimal(18,8)', description: 'Rate from the row currency to EUR on the business date.', classification: 'internal', rule: { rule: 'range', min: 0 } },
  { name: 'margin_rate', type: 'decimal(5,4)', description: 'Gross margin as a fraction of the net amount.', classification: 'confidential', rule: { rule: 'range', min: -1, max: 1 } },
  { name: 'quantity', type: 'int', description: 'Number of units on the row.', classification: 'internal', rule: { rule: 'range', min: 0, max: 100000 } },
  { name: 'item_count', type: 'smallint', description: 'Number of distinct items on the row.', classification: 'internal' },
  { name: 'priority', type: 'tinyint', description: 'Handling priority from 0 (lowest) to 9.', classification: 'internal', rule: { rule: 'range', min: 0, max: 9 } },
  { name: 'score', type: 'double', description: 'Model score between 0 and 1; higher means more likely.', classification: 'internal', rule: { rule: 'range', min: 0, max: 1 } },
  { name: 'weight_kg', type: 'float', description: 'Gross weight in kilograms.', classification: 'public' },
  { name: 'duration_seconds', type: 'bigint', description: 'Time between start and end, in seconds.', classification: 'internal' },
  { name: 'payload_size_bytes', type: 'bigint', description: 'Size of the source message in bytes.', classification: 'internal' },
  { name: 'version_number', type: 'int', description: 'Version of the row in the source system, incremented on every change.', classification: 'internal' },
  { name: 'is_active', type: 'boolean', description: 'False once the record is closed or superseded.', classification: 'internal' },
  { name: 'is_test', type: 'boolean', description: 'True for rows created by synthetic monitoring; filter them out of reports.', classification: 'internal' },
  { name: 'created_at', type: 'timestamp', description: 'Time the record was created in the source system, in UTC.', classification: 'internal', required: true },
  { name: 'closed_at', type: 'timestamp', description: 'Time the record was closed, in UTC; null while open.', classification: 'internal' },
  { name: 'business_date', type: 'date', description: 'Business day the record is booked on, in the local time zone of the country.', classification: 'internal' },
  { name: 'store_id', type: 'int', description: 'Store the record belongs to; null for online activity.', classification: 'internal' },
  {
    name: 'warehouse_code',
    type: 'varchar(8)',
    description: 'Code of the warehouse that handled the goods, e.g. DE001.',
    classification: 'internal',
    rule: { rule: 'pattern', pattern: '^[A-Z]{2}[0-9]{3}$' },
  },
  { name: 'sku', type: 'varchar(32)', description: 'Stock keeping unit of the article.', classification: 'public', rule: { rule: 'pattern', pattern: '^[A-Z0-9-]{4,32}$' } },
  { name: 'category', type: 'varchar(64)', description: 'Merchandise category of the article, from the product taxonomy.', classification: 'public' },
  { name: 'region_code', type: 'string', description: 'Sales region the record is reported under.', classification: 'internal' },
  {
    name: 'source_system',
    type: 'string',
    description: 'System the row was extracted from: erp, crm, web or pos.',
    classification: 'internal',
    required: true,
    rule: { rule: 'accepted_values', values: ['erp', 'crm', 'web', 'pos'] },
  },
  { name: 'batch_id', type: 'bigint', description: 'Load batch that wrote the row; use it to trace a row back to its pipeline run.', classification: 'internal' },
  {
    name: 'reference_code',
    type: 'varchar(24)',
    description: 'External reference quoted on documents, e.g. REF-2024-000123.',
    classification: 'internal',
    rule: { rule: 'pattern', pattern: '^REF-[0-9]{4}-[0-9]{6}$' },
  },
  {
    name: 'device_type',
    type: 'string',
    description: 'Kind of device used: desktop, mobile or tablet.',
    classification: 'internal',
    rule: { rule: 'accepted_values', values: ['desktop', 'mobile', 'tablet'] },
  },
  {
    name: 'line_items',
    type: 'array<struct<sku:string,quantity:int,unit_price:decimal(12,2)>>',
    description: 'Items on the record with quantity and unit price after discounts.',
    classification: 'internal',
  },
  { name: 'labels', type: 'array<string>', description: 'Free labels set by operations, in the order they were added.', classification: 'internal' },
  { name: 'attributes', type: 'map<string,string>', description: 'Source attributes without a column of their own; keys are not governed.', classification: 'confidential' },
  { name: 'dimensions', type: 'struct<length_cm:double,width_cm:double,height_cm:double>', description: 'Outer dimensions of the package in centimetres.', classification: 'public' },
  { name: 'price_history', type: 'array<struct<valid_from:date,price:decimal(12,2)>>', description: 'Prices the article had, newest first.', classification: 'internal' },
  { name: 'promotion_codes', type: 'array<string>', description: 'Promotion and voucher codes applied, in the order they were entered.', classification: 'internal' },
  { name: 'fx_rates', type: 'map<string,decimal(18,8)>', description: 'Rates from the row currency to other reporting currencies, by ISO code.', classification: 'internal' },
];

/** Personal data: always classified pii, tagged for erasure. */
export const PII_COLUMNS: readonly ColumnTemplate[] = [
  { name: 'email', type: 'varchar(320)', description: 'Contact email address, lower-cased.', classification: 'pii', rule: { rule: 'pattern', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' } },
  { name: 'phone_number', type: 'varchar(20)', description: 'Mobile number in E.164 format, e.g. +353871234567.', classification: 'pii', rule: { rule: 'pattern', pattern: '^\\+[1-9][0-9]{6,14}$' } },
  { name: 'full_name', type: 'string', description: 'First and last name as the person entered them.', classification: 'pii' },
  { name: 'contact_name', type: 'string', description: 'Name of the person to contact about the record.', classification: 'pii' },
  { name: 'birth_date', type: 'date', description: 'Date of birth, asked for age-restricted articles.', classification: 'pii' },
  {
    name: 'postal_address',
    type: 'struct<line1:string,line2:string,postal_code:string,city:string,country_code:string>',
    description: 'Postal address as entered by the person.',
    classification: 'pii',
  },
  { name: 'client_ip', type: 'string', description: 'IP address (v4 or v6) the request came from, kept for fraud investigation.', classification: 'pii' },
  {
    name: 'iban',
    type: 'varchar(34)',
    description: 'Bank account number (IBAN), upper case without spaces.',
    classification: 'pii',
    rule: { rule: 'pattern', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' },
  },
];

export const UPDATED_AT: ColumnTemplate = { name: 'updated_at', type: 'timestamp', description: 'Last time the pipeline changed the row, in UTC.', classification: 'internal', required: true };
export const EVENT_DATE: ColumnTemplate = { name: 'event_date', type: 'date', description: 'Day the event happened, in UTC; the partition column.', classification: 'internal', required: true };
export const INGEST_HOUR: ColumnTemplate = {
  name: 'ingest_hour',
  type: 'tinyint',
  description: 'Hour of the day (0-23, UTC) the row was loaded; the second partition column.',
  classification: 'internal',
  required: true,
};
export const LINE_NUMBER: ColumnTemplate = { name: 'line_number', type: 'int', description: 'Position of the line within its parent record, from 1.', classification: 'internal', required: true };

/** What a product is about: its name stem and the entity its key identifies. */
export const SUBJECTS: readonly { readonly stem: string; readonly entity: string; readonly phrase: string }[] = [
  { stem: 'orders', entity: 'order', phrase: 'order placed on any channel' },
  { stem: 'order_lines', entity: 'order', phrase: 'line of an order' },
  { stem: 'invoices', entity: 'invoice', phrase: 'invoice issued' },
  { stem: 'shipments', entity: 'shipment', phrase: 'shipment handed to a carrier' },
  { stem: 'returns', entity: 'return', phrase: 'return registered at a store or warehouse' },
  { stem: 'sessions', entity: 'session', phrase: 'visit of the web shop or app' },
  { stem: 'page_views', entity: 'page_view', phrase: 'page viewed' },
  { stem: 'subscriptions', entity: 'subscription', phrase: 'subscription and its current state' },
  { stem: 'payments', entity: 'payment', phrase: 'payment captured' },
  { stem: 'refunds', entity: 'refund', phrase: 'refund paid out' },
  { stem: 'chargebacks', entity: 'chargeback', phrase: 'chargeback raised by a card issuer' },
  { stem: 'accounts', entity: 'account', phrase: 'customer account' },
  { stem: 'inventory_levels', entity: 'inventory_level', phrase: 'stock level of an article in a warehouse' },
  { stem: 'price_changes', entity: 'price_change', phrase: 'price change of an article' },
  { stem: 'promotions', entity: 'promotion', phrase: 'promotion and its rules' },
  { stem: 'campaigns', entity: 'campaign', phrase: 'marketing campaign' },
  { stem: 'tickets', entity: 'ticket', phrase: 'customer service ticket' },
  { stem: 'claims', entity: 'claim', phrase: 'warranty claim' },
  { stem: 'deliveries', entity: 'delivery', phrase: 'delivery attempt' },
  { stem: 'stock_movements', entity: 'stock_movement', phrase: 'movement of goods between locations' },
  { stem: 'supplier_orders', entity: 'supplier_order', phrase: 'purchase order sent to a supplier' },
  { stem: 'ledger_entries', entity: 'ledger_entry', phrase: 'general ledger posting' },
  { stem: 'contracts', entity: 'contract', phrase: 'signed customer contract' },
  { stem: 'events', entity: 'event', phrase: 'business event from the event bus' },
];

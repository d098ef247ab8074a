import { copyMesh, editFile, writeFile } from '../helpers/fixtures';

/** Markup a contract author could write, by mistake or not; the page must show it as text. */
export const HOSTILE = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> & 'quotes'`;

/**
 * The minimal mesh plus `shop.hostile`, whose free-text fields (product, column and domain
 * descriptions, consumer reasons, quality rule descriptions) all carry markup. Tag values cannot:
 * the schema only accepts what AWS allows in tags.
 */
export function hostileMesh(): string {
  const dir = copyMesh();
  const quoted = JSON.stringify(HOSTILE);
  editFile(dir, 'shop/domain.yaml', (t) => t.replace('description: The web shop.', `description: ${quoted}`));
  writeFile(
    dir,
    'shop/hostile.yaml',
    `apiVersion: datamesh/v1
kind: DataProduct
id: shop.hostile
domain: shop
name: hostile
version: "1.0.0"
status: active
description: ${quoted}
owner: { team: shop-data, email: shop-data@example.com }
sla: { freshness: 1h, availability: "99.9%" }
output: { format: parquet }
schema:
  - name: hostile_id
    type: string
    description: ${quoted}
    primaryKey: true
  - name: contact_email
    type: string
    description: Email address.
    classification: pii
quality:
  - { rule: pattern, column: hostile_id, pattern: "^<b>[0-9]+</b>$", description: ${quoted} }
consumers:
  - principal: arn:aws:iam::210987654321:role/central-bi
    access: read
    reason: ${quoted}
`,
  );
  return dir;
}

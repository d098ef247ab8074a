/**
 * shop.orders of the minimal fixture (one PII column, customer_email), synthesized with the
 * consumers, status or platform settings a test needs, and read back as the grants it produced.
 */
import { copyMesh, editFile, writeFile } from '../helpers/fixtures';
import { onlyResource, resourcesOf, synthDomain, type SynthesizedDomain, type TerraformJson } from '../helpers/synth';

export const BUCKET = 'testco-dev-shop-orders';
export const CENTRAL_BI = 'arn:aws:iam::210987654321:role/central-bi';
export const SHOP_ANALYST = 'arn:aws:iam::123456789012:role/shop-analyst';
export const SHOP_PRODUCER = 'arn:aws:iam::123456789012:role/shop-producer';
export const FINANCE_ANALYST = 'arn:aws:iam::999999999999:role/finance-analyst';

export interface OrdersOptions {
  /** Replaces the contract's `consumers:` block (YAML list items, two-space indented). */
  readonly consumers?: string;
  readonly status?: 'active' | 'deprecated' | 'retired';
  /** Appended to platform.yaml. */
  readonly platform?: string;
  /** Further edits of orders.yaml. */
  readonly edit?: (text: string) => string;
}

/** A finance domain beside shop, so a contract can name a consumer domain of another account. */
const FINANCE = `apiVersion: datamesh/v1
kind: Domain
name: finance
description: Finance.
owner: { team: finance-data, email: finance-data@example.com }
account: "999999999999"
roles:
  producer: arn:aws:iam::999999999999:role/finance-producer
  consumers: [${FINANCE_ANALYST}]
`;

export function synthOrders(options: OrdersOptions = {}): SynthesizedDomain {
  const dir = copyMesh();
  writeFile(dir, 'finance/domain.yaml', FINANCE);
  if (options.consumers !== undefined || options.status || options.edit) {
    editFile(dir, 'shop/orders.yaml', (text) => {
      let edited = options.consumers === undefined ? text : text.replace(/consumers:\n[\s\S]*$/, `consumers:\n${options.consumers}`);
      if (options.status) edited = edited.replace('status: active', `status: ${options.status}${options.status === 'deprecated' ? '\nsunset: "2027-06-30"' : ''}`);
      return options.edit ? options.edit(edited) : edited;
    });
  }
  if (options.platform) editFile(dir, 'platform.yaml', (text) => `${text}${options.platform}`);
  return synthDomain(dir, 'shop');
}

export interface Grants {
  /** Allow statements of the product's bucket policy: sid -> the roles granted. */
  readonly bucketPolicy: Record<string, readonly string[]>;
  /** Statements of the domain key policy after the account's own: sid without its hash -> the roles granted. */
  readonly keyPolicy: Record<string, readonly string[]>;
  /** Lake Formation permissions: `<principal> <permissions> on <table | columns except ...>`. */
  readonly lakeFormation: readonly string[];
}

export interface GrantStatement {
  readonly Sid: string;
  readonly Effect: string;
  readonly Principal: { readonly AWS: string | string[] };
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/**
 * The roles a resource-policy statement grants to. Statements name the roles' accounts as
 * principals and the roles themselves in `aws:PrincipalArn`; anything else (a role as principal,
 * an account without the narrowing condition, an account none of the roles is in) fails here.
 */
export function grantees(statement: GrantStatement): string[] {
  const roles = [statement.Condition?.ArnEquals?.['aws:PrincipalArn'] ?? []].flat();
  const accounts = [...new Set(roles.map((role) => role.replace(/^(arn:[a-z-]+:iam::\d{12}):.*$/, '$1:root')))].sort();
  if (roles.length === 0 || JSON.stringify([statement.Principal.AWS].flat()) !== JSON.stringify(accounts)) {
    throw new Error(`${statement.Sid} grants to ${JSON.stringify(statement.Principal)} with ${JSON.stringify(statement.Condition)}: expected the accounts of its aws:PrincipalArn roles`);
  }
  return roles;
}

export function grantsOf(config: TerraformJson): Grants {
  const [bucketName] = Object.entries(config.resource.aws_s3_bucket).find(([, r]) => r.bucket === BUCKET)!;
  const bucketPolicy = JSON.parse(onlyResource(config, 'aws_s3_bucket_policy', (r) => r.bucket === `\${aws_s3_bucket.${bucketName}.id}`).policy);
  const keyPolicy = JSON.parse(onlyResource(config, 'aws_kms_key').policy);
  // Consumer grants name roles; the alert publishers (services) are not consumers.
  const bySid = (statements: GrantStatement[]) => Object.fromEntries(statements.filter((s) => s.Effect === 'Allow' && s.Principal.AWS).map((s) => [s.Sid.replace(/[0-9a-f]{8}$/, ''), grantees(s)]));
  return {
    bucketPolicy: bySid(bucketPolicy.Statement),
    keyPolicy: bySid(keyPolicy.Statement.slice(1)),
    lakeFormation: resourcesOf(config, 'aws_lakeformation_permissions')
      .filter((p) => !String(p.principal).startsWith('${aws_iam_role.'))
      .map((p) => `${p.principal} ${p.permissions.join(',')} on ${p.table ? 'table' : `columns except ${p.table_with_columns.excluded_column_names.join(',')}`}`)
      .sort(),
  };
}

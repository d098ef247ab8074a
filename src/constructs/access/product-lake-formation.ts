import { KmsGrant } from '@cdktf/provider-aws/lib/kms-grant';
import { LakeformationPermissions } from '@cdktf/provider-aws/lib/lakeformation-permissions';
import { LakeformationResource } from '@cdktf/provider-aws/lib/lakeformation-resource';
import { LakeformationResourceLfTags } from '@cdktf/provider-aws/lib/lakeformation-resource-lf-tags';
import { Annotations, TerraformStack, type ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { isProtected } from '../../contract/column-rules';
import { CLASSIFICATIONS } from '../../contract/model';
import { DATA_PREFIX } from '../../contract/naming';
import { principalId, type PrincipalAccess } from './consumer-access';
import type { ProductLakeFormationProps } from './product-lake-formation-props';
import { guardStack, untrusted } from '../terraform-text';

/** Lake Formation reads registered locations as this role; it exists once a location is registered with it. */
const SERVICE_LINKED_ROLE = 'role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess';
const READ = ['DESCRIBE', 'SELECT'];
const WRITE = ['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT'];

/**
 * A product under Lake Formation: its data prefix registered, its table and every column tagged
 * with domain and classification, and table permissions per principal. A principal not approved
 * for the product's PII gets DESCRIBE and SELECT on every column but the PII ones (a column
 * wildcard with exclusions, so a column added later is visible unless it is PII).
 *
 * Exactly one permissions resource per principal and table: the provider reads a principal's
 * permissions on a table back with one ListPermissions call and merges them, so two resources for
 * the same principal and table (DESCRIBE on the table, SELECT on its columns) would each read the
 * other's permission back and be replaced on every plan.
 *
 * @example
 * new ProductLakeFormation(product, 'lake-formation', {
 *   product: spec,
 *   bucketName: 'acme-dev-sales-orders',
 *   bucket: storage.bucket,
 *   account: '111111111111',
 *   kmsKeyArn: key.arn,
 *   databaseName: database.name,
 *   tableName: table.table.name,
 *   tagKeys: lfTags.keys,
 *   access: principalAccess(spec, mesh.domains),
 * });
 */
export class ProductLakeFormation extends Construct {
  readonly location: LakeformationResource;
  /** Lets the service-linked role decrypt and encrypt the product's objects, and nothing else of the key's. */
  readonly locationKeyGrant: KmsGrant;
  readonly tableTags: LakeformationResourceLfTags;
  /** One per classification the columns use. */
  readonly columnTags: readonly LakeformationResourceLfTags[];
  readonly permissions: readonly LakeformationPermissions[];
  /** What every grant on the product's table waits for: the registration, its key grant and the LF-tag assignments. */
  readonly grantPrerequisites: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ProductLakeFormationProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const product = untrusted(props.product);
    const { tagKeys } = props;
    const columns = [...product.columns, ...product.partitionKeys];
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;

    // The bucket's ARN by reference: the location is registered once the bucket exists.
    this.location = new LakeformationResource(this, 'location', { arn: `${props.bucket.arn}/${DATA_PREFIX.replace(/\/$/, '')}`, useServiceLinkedRole: true });
    // A key policy cannot name the service-linked role before it exists; a grant made after the
    // registration (which creates the role) can, and is scoped to this bucket by encryption context.
    this.locationKeyGrant = new KmsGrant(this, 'location-key-grant', {
      name: `${props.bucketName}-lakeformation`,
      keyId: props.kmsKeyArn,
      granteePrincipal: `arn:aws:iam::${props.account}:${SERVICE_LINKED_ROLE}`,
      operations: ['Decrypt', 'GenerateDataKey'],
      constraints: [{ encryptionContextSubset: { 'aws:s3:arn': bucketArn } }],
      dependsOn: [this.location],
    });

    const table = { databaseName: props.databaseName, name: props.tableName };
    this.tableTags = new LakeformationResourceLfTags(this, 'table-tags', {
      table,
      lfTag: [
        { key: tagKeys.domain, value: product.domain },
        { key: tagKeys.classification, value: product.classification },
      ],
    });
    this.columnTags = CLASSIFICATIONS.flatMap((classification) => {
      const names = columns.filter((c) => c.classification === classification).map((c) => c.name);
      if (names.length === 0) return [];
      return [
        new LakeformationResourceLfTags(this, `column-tags-${classification}`, { tableWithColumns: { ...table, columnNames: names }, lfTag: [{ key: tagKeys.classification, value: classification }] }),
      ];
    });

    const pii = columns.filter(isProtected).map((c) => c.name);
    // Granted once the location is governed (with its key grant) and the table and its columns
    // carry their LF-tags: a grantee never sees the table before its PII columns are classified.
    const ready: ITerraformDependable[] = [this.location, this.locationKeyGrant, this.tableTags, ...this.columnTags];
    this.grantPrerequisites = ready;
    this.permissions = onePerPrincipal(props.access).map((access) => this.grant(access, table, pii, columns.length, ready));
  }

  private grant(access: PrincipalAccess, table: { databaseName: string; name: string }, pii: readonly string[], columnCount: number, dependsOn: ITerraformDependable[]): LakeformationPermissions {
    const id = principalId(access.principal);
    const principal = access.principal;
    if (access.access === 'write') return new LakeformationPermissions(this, `${id}-write`, { principal, permissions: WRITE, table, dependsOn });
    if (access.columns === 'all') return new LakeformationPermissions(this, `${id}-read`, { principal, permissions: READ, table, dependsOn });
    if (pii.length === columnCount) {
      Annotations.of(this).addWarning(`${principal} is not approved for PII and every column of the table is PII: it may describe the table but select nothing`);
      return new LakeformationPermissions(this, `${id}-read`, { principal, permissions: ['DESCRIBE'], table, dependsOn });
    }
    return new LakeformationPermissions(this, `${id}-read`, {
      principal,
      permissions: READ,
      tableWithColumns: { ...table, wildcard: true, excludedColumnNames: [...pii] },
      dependsOn,
    });
  }
}

/**
 * A principal that both writes and reads the product (its producer named as a reader too) gets
 * one grant: writing implies reading every column, and a second resource for the same principal
 * and table would never converge (see the class comment).
 */
function onePerPrincipal(access: readonly PrincipalAccess[]): PrincipalAccess[] {
  const byPrincipal = new Map<string, PrincipalAccess>();
  for (const entry of access) {
    const seen = byPrincipal.get(entry.principal);
    if (!seen || entry.access === 'write') byPrincipal.set(entry.principal, entry);
  }
  return [...byPrincipal.values()];
}

import { KmsGrant } from '@cdktf/provider-aws/lib/kms-grant';
import { LakeformationPermissions } from '@cdktf/provider-aws/lib/lakeformation-permissions';
import { LakeformationResource } from '@cdktf/provider-aws/lib/lakeformation-resource';
import { LakeformationResourceLfTags } from '@cdktf/provider-aws/lib/lakeformation-resource-lf-tags';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { isProtected } from '../../contract/column-rules';
import { CLASSIFICATIONS } from '../../contract/model';
import { DATA_PREFIX } from '../naming';
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
 * for the product's PII gets SELECT on every column but the PII ones (a column wildcard with
 * exclusions, so a column added later is visible unless it is PII).
 */
export class ProductLakeFormation extends Construct {
  readonly location: LakeformationResource;
  /** Lets the service-linked role decrypt and encrypt the product's objects, and nothing else of the key's. */
  readonly locationKeyGrant: KmsGrant;
  readonly tableTags: LakeformationResourceLfTags;
  /** One per classification the columns use. */
  readonly columnTags: readonly LakeformationResourceLfTags[];
  readonly permissions: readonly LakeformationPermissions[];

  constructor(scope: Construct, id: string, props: ProductLakeFormationProps) {
    super(scope, id);
    guardStack(TerraformStack.of(this));
    const product = untrusted(props.product);
    const { tagKeys } = props;
    const columns = [...product.columns, ...product.partitionKeys];
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;

    this.location = new LakeformationResource(this, 'location', { arn: `${bucketArn}/${DATA_PREFIX.replace(/\/$/, '')}`, useServiceLinkedRole: true });
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
      return [new LakeformationResourceLfTags(this, `column-tags-${classification}`, { tableWithColumns: { ...table, columnNames: names }, lfTag: [{ key: tagKeys.classification, value: classification }] })];
    });

    const pii = columns.filter(isProtected).map((c) => c.name);
    this.permissions = props.access.flatMap((access) => this.grant(access, table, pii, columns.length));
  }

  private grant(access: PrincipalAccess, table: { databaseName: string; name: string }, pii: readonly string[], columnCount: number): LakeformationPermissions[] {
    const id = principalId(access.principal);
    const principal = access.principal;
    if (access.access === 'write') return [new LakeformationPermissions(this, `${id}-write`, { principal, permissions: WRITE, table })];
    if (access.columns === 'all') return [new LakeformationPermissions(this, `${id}-read`, { principal, permissions: READ, table })];
    // Column grants take SELECT only; DESCRIBE is granted on the table beside it.
    const describe = new LakeformationPermissions(this, `${id}-describe`, { principal, permissions: ['DESCRIBE'], table });
    if (pii.length === columnCount) {
      Annotations.of(this).addWarning(`${principal} is not approved for PII and every column of the table is PII: it may describe the table but select nothing`);
      return [describe];
    }
    const select = new LakeformationPermissions(this, `${id}-select`, {
      principal,
      permissions: ['SELECT'],
      tableWithColumns: { ...table, wildcard: true, excludedColumnNames: [...pii] },
    });
    return [describe, select];
  }
}

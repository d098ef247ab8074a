import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { DataProduct } from '../../src/constructs/data-product';
import { SecureBucket } from '../../src/constructs/storage/secure-bucket';
import { copyMesh, editFile } from '../helpers/fixtures';
import { onlyResource, type TerraformJson } from '../helpers/synth';
import { terraform, writeMockOverride } from '../helpers/terraform';

/**
 * Terraform evaluates `${...}` and `%{...}` in every string of cdk.tf.json, and cdktf reads
 * `${...}` (and its own `${TfToken[...]}` markers) before that. Contract text must reach the plan
 * as the literal text the contract holds.
 */
const HOSTILE = {
  productDescription: 'Orders ${file("/etc/hostname")} placed %{ if true }here%{ endif }.',
  columnDescription: 'Store name ${file("/etc/hostname")} and $${kept} and $$${x}.',
  tokenMarker: 'Total ${TfToken[TOKEN.1]} and #{TfToken[TOKEN.2]} and &{TfToken[TOKEN.3]}.',
  domainDescription: 'Shop ${aws_kms_key.kms-key.arn} %%{ also } $',
  // A valid Java (and RE2) pattern that holds both `%{` and `${`: two `%`, then three `$`.
  pattern: '^[A-Z]%{2}\\${3}$',
};

function hostileMesh(): string {
  const dir = copyMesh();
  editFile(dir, 'shop/orders.yaml', (t) =>
    t
      .replace('description: One row per order placed in the web shop.', () => `description: ${yamlText(HOSTILE.productDescription)}`)
      .replace('description: Email address the order confirmation went to.', () => `description: ${yamlText(HOSTILE.columnDescription)}`)
      .replace('description: Order total in EUR.', () => `description: ${yamlText(HOSTILE.tokenMarker)}`)
      .replace('  - rule: unique\n    column: order_id', () => `  - rule: unique\n    column: order_id\n  - rule: pattern\n    column: order_id\n    pattern: ${yamlText(HOSTILE.pattern)}`),
  );
  editFile(dir, 'shop/domain.yaml', (t) => t.replace('description: The web shop.', () => `description: ${yamlText(HOSTILE.domainDescription)}`));
  return dir;
}

/** A JSON string is a YAML double-quoted scalar: the text arrives exactly as written here. */
const yamlText = (text: string) => JSON.stringify(text);

/** What Terraform reads as the literal text `text`. */
function terraformLiteral(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

describe('contract text never becomes Terraform syntax', () => {
  const dir = hostileMesh();
  const app = Testing.app();
  const built = buildMesh(app, { contractsDir: dir, environment: 'dev' });
  const config: TerraformJson = JSON.parse(Testing.synth(built.stacks.get('shop')!));
  const table = onlyResource(config, 'aws_glue_catalog_table');
  const comment = (name: string) => table.storage_descriptor.columns.find((c: { name: string }) => c.name === name).comment;

  it('escapes ${ and %{ in product and column descriptions', () => {
    expect(table.description).toBe(terraformLiteral(HOSTILE.productDescription));
    expect(comment('customer_email')).toBe(terraformLiteral(HOSTILE.columnDescription));
  });

  it('does not let cdktf read its own token markers in contract text', () => {
    expect(comment('total')).toBe(terraformLiteral(HOSTILE.tokenMarker));
  });

  it('escapes domain text and quality patterns', () => {
    expect(onlyResource(config, 'aws_glue_catalog_database').description).toBe(terraformLiteral(HOSTILE.domainDescription));
    const ruleset = onlyResource(config, 'aws_glue_data_quality_ruleset').ruleset as string;
    expect(ruleset).toContain(`matches "${terraformLiteral(HOSTILE.pattern)}"`);
  });

  it('keeps real references working beside escaped text', () => {
    const encryption = onlyResource(config, 'aws_s3_bucket_server_side_encryption_configuration', (r) => r.rule[0].apply_server_side_encryption_by_default.sse_algorithm === 'aws:kms');
    expect(encryption.rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toBe('${aws_kms_key.kms-key.arn}');
    expect(onlyResource(config, 'aws_glue_catalog_table').database_name).toBe('${aws_glue_catalog_database.database.name}');
  });

  it('leaves no private encoding character in the output', () => {
    expect(JSON.stringify(config)).not.toMatch(/[\uE000\uFFFD]/);
  });

  it('escapes a DataProduct built in a plain TerraformStack too', () => {
    const plainApp = Testing.app();
    const stack = new TerraformStack(plainApp, 'plain');
    const spec = built.mesh.products[0];
    const accessLogs = new SecureBucket(stack, 'access-logs', { bucketName: 'testco-dev-shop-access-logs', versioned: false, abortIncompleteMultipartUploadDays: 7 });
    new DataProduct(stack, spec.name, {
      product: spec,
      names: { organization: 'testco', environment: 'dev', domain: 'shop' },
      account: '123456789012',
      region: 'eu-west-1',
      domains: built.mesh.domains,
      kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000',
      databaseName: 'testco_dev_shop',
      accessLogs,
      storage: built.mesh.platform.storage,
    });
    const plain: TerraformJson = JSON.parse(Testing.synth(stack));
    expect(onlyResource(plain, 'aws_glue_catalog_table').description).toBe(terraformLiteral(HOSTILE.productDescription));
  });

  it('plans the literal contract text: nothing of the deploy machine is read', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-injection-'));
    const planApp = new App({ outdir });
    buildMesh(planApp, { contractsDir: dir, environment: 'dev' });
    planApp.synth();
    const stackDir = path.join(outdir, 'stacks', 'shop');
    writeMockOverride(stackDir);
    expect(terraform(stackDir, ['init', '-input=false']).status).toBe(0);
    const plan = terraform(stackDir, ['plan', '-input=false', '-lock=false', '-out=plan.bin']);
    expect({ status: plan.status, output: plan.status === 0 ? '' : plan.output }).toEqual({ status: 0, output: '' });
    const show = terraform(stackDir, ['show', '-json', 'plan.bin']);
    const planned = JSON.parse(show.output.slice(show.output.indexOf('{')));
    const after = (type: string) => planned.resource_changes.find((c: { type: string }) => c.type === type).change.after;
    const glue = after('aws_glue_catalog_table');
    expect(glue.description).toBe(HOSTILE.productDescription);
    const columns = glue.storage_descriptor[0].columns;
    expect(columns.find((c: { name: string }) => c.name === 'customer_email').comment).toBe(HOSTILE.columnDescription);
    expect(columns.find((c: { name: string }) => c.name === 'total').comment).toBe(HOSTILE.tokenMarker);
    expect(after('aws_glue_catalog_database').description).toBe(HOSTILE.domainDescription);
    expect(after('aws_glue_data_quality_ruleset').ruleset).toContain(`matches "${HOSTILE.pattern}"`);
    expect(JSON.stringify(planned)).not.toContain(os.hostname());
  });
});

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MOCK_AWS_PROVIDER } from '../../src/plan/mock-provider';

const MIRROR = '/opt/tf-plugins';

/** Mock credentials and skip flags (src/plan/mock-provider.ts), in an override file beside the stack. */
const MOCK_PROVIDER_OVERRIDE = { provider: MOCK_AWS_PROVIDER };

let cliConfig: string | undefined;

/**
 * Environment for terraform: the local provider mirror when this machine has one and the user has
 * no CLI config of their own (unset, or naming a file that does not exist). Go collects garbage
 * half as often (GOGC=200, unless set) in terraform and the provider it starts, which spend about a
 * tenth less CPU for a tenth more memory (about 340 MB); what they compute is the same.
 */
export function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0', GOGC: process.env.GOGC ?? '200' };
  const userConfig = process.env.TF_CLI_CONFIG_FILE;
  if ((!userConfig || !fs.existsSync(userConfig)) && fs.existsSync(MIRROR)) {
    if (!cliConfig) {
      cliConfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-tf-')), 'terraformrc');
      fs.writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path = "${MIRROR}"\n  }\n}\n`);
    }
    env.TF_CLI_CONFIG_FILE = cliConfig;
  }
  return env;
}

export interface TerraformRun {
  readonly status: number | null;
  readonly output: string;
}

export function terraform(stackDir: string, args: readonly string[]): TerraformRun {
  const run = spawnSync('terraform', ['-chdir=' + stackDir, ...args, '-no-color'], { env: terraformEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`cannot run terraform: ${run.error.message}. Install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install).`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export function writeMockOverride(stackDir: string): void {
  fs.writeFileSync(path.join(stackDir, 'zz_test_override.tf.json'), JSON.stringify(MOCK_PROVIDER_OVERRIDE, null, 2));
}

/** Number of resources a stack declares, to compare with what the plan says it will add. */
export function resourceCount(stackDir: string): number {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  return Object.values(config.resource ?? {}).reduce<number>((sum, byName) => sum + Object.keys(byName as object).length, 0);
}

export interface StateResource {
  readonly type: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

/**
 * A local state that already holds the given resources, as if an apply had created them, at the
 * path of the stack's local backend. A plan with `-refresh=false` then reads their attributes
 * (a key ARN, say) without calling AWS, so values that depend on them become known, and a
 * destroy plan has something to destroy.
 */
export function writeState(stackDir: string, resources: readonly StateResource[]): void {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'));
  const statePath = config.terraform?.backend?.local?.path ?? 'terraform.tfstate';
  const state = {
    version: 4,
    terraform_version: '1.11.0',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: resources.map((r) => ({
      mode: 'managed',
      type: r.type,
      name: r.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: r.attributes }],
    })),
  };
  fs.writeFileSync(path.join(stackDir, statePath), JSON.stringify(state, null, 2));
}

/** A domain key as the state holds it after an apply; its ARN is what policies and grants refer to. */
export function appliedKey(region: string, account: string): StateResource {
  const id = '11111111-2222-4333-8444-555555555555';
  return {
    type: 'aws_kms_key',
    name: 'kms-key',
    attributes: { id, key_id: id, arn: `arn:aws:kms:${region}:${account}:key/${id}`, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT' },
  };
}

export interface PlanResult extends TerraformRun {
  /** `terraform show -json` of the saved plan; undefined when planning failed. */
  readonly json?: any;
}

/** An offline plan from the state as it is (no refresh), saved and read back as JSON. */
export function planJson(stackDir: string, args: readonly string[] = []): PlanResult {
  const plan = terraform(stackDir, ['plan', '-input=false', '-lock=false', '-refresh=false', '-out=tfplan', ...args]);
  if (plan.status !== 0) return plan;
  const show = spawnSync('terraform', ['-chdir=' + stackDir, 'show', '-json', 'tfplan'], { env: terraformEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ...plan, json: JSON.parse(show.stdout) };
}

/** Planned resources of a plan JSON by address. */
export function plannedResources(plan: any): Map<string, { type: string; values: Record<string, any> }> {
  return new Map((plan.planned_values?.root_module?.resources ?? []).map((r: any) => [r.address, { type: r.type, values: r.values ?? {} }]));
}

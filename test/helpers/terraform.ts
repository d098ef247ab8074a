import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const MIRROR = '/opt/tf-plugins';

/**
 * Mock credentials and skip flags so `terraform plan` runs offline. They live in an override file
 * beside the stack, which Terraform merges, and never in the synthesized output. The account
 * allow-list is lifted because mock credentials have no account to check against.
 */
const MOCK_PROVIDER_OVERRIDE = {
  provider: {
    aws: [
      {
        access_key: 'mock-access-key',
        secret_key: 'mock-secret-key',
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        allowed_account_ids: null,
      },
    ],
  },
};

let cliConfig: string | undefined;

/**
 * Environment for terraform: the local provider mirror when this machine has one and the user has
 * no CLI config of their own (unset, or naming a file that does not exist).
 */
export function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };
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

/**
 * `datamesh plan <domain> --offline`: one domain's Terraform plan without an AWS account, so a
 * domain team sees what its contracts become before anyone has given it credentials.
 *
 * The domain is synthesized alone into a temporary folder (cdktf.out is never touched), an override
 * file beside its cdk.tf.json gives the AWS provider mock credentials and skip flags and replaces
 * the backend with a local one, the deploy-role assumption is taken out of this throwaway copy
 * (an override cannot remove a nested block), and `terraform init` + `plan` run there without
 * refreshing. Nothing of this ever reaches the synthesized output; the folder is
 * removed afterwards. This module imports cdktf: the CLI loads it only when `plan` runs.
 */
import { spawnSync } from 'child_process';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../build-mesh';
import { MeshValidationError } from '../contract/errors';
import { formatFindings } from '../governance/reports/console';
import { MOCK_AWS_PROVIDER } from './mock-provider';

/** Merged by Terraform over cdk.tf.json (override files win argument by argument). */
export const OFFLINE_OVERRIDE = {
  terraform: { backend: { local: { path: 'offline.tfstate' } } },
  provider: MOCK_AWS_PROVIDER,
};

export const OVERRIDE_FILE = 'zz_offline_override.tf.json';

/** Where the hashicorp/aws provider is mirrored on machines without registry access. */
const PROVIDER_MIRROR = '/opt/tf-plugins';

export interface OfflinePlanOptions {
  readonly contractsDir: string;
  readonly domain: string;
  readonly environment: string;
  readonly today?: string;
  /** Receives terraform's and synthesis output as it comes. */
  readonly write: (text: string) => void;
}

export interface OfflinePlanResult {
  /** 0 planned, 1 the mesh, governance or terraform failed. */
  readonly code: 0 | 1;
  /** Why it failed, in one line; undefined on success. */
  readonly failure?: string;
}

export function planOffline(options: OfflinePlanOptions): OfflinePlanResult {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-plan-'));
  try {
    const app = new App({ outdir });
    let built;
    try {
      built = buildMesh(app, { contractsDir: options.contractsDir, environment: options.environment, today: options.today, domains: [options.domain] });
      app.synth();
    } catch (error) {
      if (error instanceof MeshValidationError) return { code: 1, failure: error.message };
      const blocking = built?.governance.blocking() ?? [];
      if (blocking.length === 0) throw error;
      return { code: 1, failure: `governance failed; nothing was planned\n${formatFindings(blocking)}` };
    }
    const stackDir = path.join(outdir, 'stacks', options.domain);
    withoutRoleAssumption(path.join(stackDir, 'cdk.tf.json'));
    fs.writeFileSync(path.join(stackDir, OVERRIDE_FILE), JSON.stringify(OFFLINE_OVERRIDE, null, 2));
    const env = terraformEnvironment(outdir);
    for (const args of [
      ['init', '-input=false', '-no-color'],
      ['plan', '-input=false', '-lock=false', '-refresh=false', '-no-color'],
    ]) {
      const run = spawnSync('terraform', [`-chdir=${stackDir}`, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (run.error) return { code: 1, failure: `cannot run terraform: ${run.error.message}; install Terraform >= 1.10 (https://developer.hashicorp.com/terraform/install)` };
      if (args[0] === 'plan' || run.status !== 0) options.write(`${run.stdout}${run.stderr}`);
      if (run.status !== 0) return { code: 1, failure: `terraform ${args[0]} failed (exit ${run.status})` };
    }
    return { code: 0 };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Mock credentials can assume no role: the throwaway copy's provider uses them directly. */
function withoutRoleAssumption(file: string): void {
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { provider?: { aws?: Record<string, unknown>[] } };
  for (const provider of config.provider?.aws ?? []) delete provider.assume_role;
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
}

/**
 * The provider mirror when this machine has one and the user has no CLI config of their own;
 * otherwise the public registry, which needs a network but no AWS account.
 */
function terraformEnvironment(scratch: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_INPUT: '0' };
  // Real credentials in the environment are not wanted: the plan must not depend on them.
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[name];
  const userConfig = process.env.TF_CLI_CONFIG_FILE;
  if ((!userConfig || !fs.existsSync(userConfig)) && fs.existsSync(PROVIDER_MIRROR)) {
    const config = path.join(scratch, 'terraformrc');
    fs.writeFileSync(config, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(PROVIDER_MIRROR)}\n  }\n}\n`);
    env.TF_CLI_CONFIG_FILE = config;
  }
  return env;
}

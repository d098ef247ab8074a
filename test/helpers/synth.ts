import { Testing } from 'cdktf';
import { buildMesh, type BuiltMesh } from '../../src/build-mesh';

export interface SynthesizedDomain {
  readonly built: BuiltMesh;
  /** Synthesized stack JSON as a string, for cdktf's matchers. */
  readonly synthesized: string;
  /** The same, parsed, for direct assertions. */
  readonly config: TerraformJson;
}

export interface TerraformJson {
  readonly resource: Record<string, Record<string, Record<string, any>>>;
  readonly provider: Record<string, Record<string, any>[]>;
  readonly terraform: Record<string, any>;
  readonly output?: Record<string, { value: string }>;
}

export function synthDomain(contractsDir: string, domain: string, environment = 'dev'): SynthesizedDomain {
  const app = Testing.app();
  const built = buildMesh(app, { contractsDir, environment });
  const stack = built.stacks.get(domain);
  if (!stack) throw new Error(`no stack for domain ${domain}`);
  const synthesized = Testing.synth(stack);
  return { built, synthesized, config: JSON.parse(synthesized) };
}

/** All resources of one Terraform type, by logical name. */
export function resourcesOf(config: TerraformJson, type: string): Record<string, any>[] {
  return Object.values(config.resource[type] ?? {});
}

/** The single resource of a type whose attribute matches, failing loudly when there is not exactly one. */
export function onlyResource(config: TerraformJson, type: string, where: (r: Record<string, any>) => boolean = () => true): Record<string, any> {
  const found = resourcesOf(config, type).filter(where);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/**
 * `app.synth()` for tests that inspect findings: the governance gate throws on unwaived errors
 * (after recording them in the ledger), which such a test expects. Any other error is rethrown.
 */
export function synthKeepingFindings(app: { synth(): void }, built: BuiltMesh): void {
  try {
    app.synth();
  } catch (error) {
    if (built.governance.blocking().length === 0) throw error;
  }
}

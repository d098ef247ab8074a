import type { App } from 'cdktf';
import { MeshValidationError } from './contract/errors';
import { loadMesh } from './contract/mesh';
import type { MeshSpec } from './contract/model';
import { DomainStack } from './constructs/domain-stack';

export interface BuildMeshOptions {
  /** Folder holding platform.yaml and one folder per domain. @default $DATAMESH_CONTRACTS, else `contracts` */
  readonly contractsDir?: string;
  /** Environment to build, one of platform.environments. @default $DATAMESH_ENV, else `dev` */
  readonly environment?: string;
}

export interface BuiltMesh {
  readonly mesh: MeshSpec;
  readonly environment: string;
  /** One stack per domain, keyed by domain name, so a team can add resources before `app.synth()`. */
  readonly stacks: ReadonlyMap<string, DomainStack>;
}

/**
 * Loads and validates every contract, then creates one DomainStack per domain. Throws a
 * MeshValidationError listing every error of every file before creating anything, so an invalid
 * mesh never reaches synthesis.
 */
export function buildMesh(app: App, options: BuildMeshOptions = {}): BuiltMesh {
  const contractsDir = options.contractsDir ?? process.env.DATAMESH_CONTRACTS ?? 'contracts';
  const environment = options.environment ?? process.env.DATAMESH_ENV ?? 'dev';
  const { value: mesh, errors } = loadMesh(contractsDir);
  if (!mesh) throw new MeshValidationError(errors);
  if (!mesh.platform.environments.includes(environment)) {
    throw new MeshValidationError([
      {
        file: mesh.platform.source.file,
        line: 1,
        column: 1,
        path: 'environments',
        message: `environment "${environment}" is not declared`,
        hint: `set DATAMESH_ENV to one of ${mesh.platform.environments.join(', ')}, or add "${environment}" to environments`,
      },
    ]);
  }
  const stacks = new Map<string, DomainStack>();
  for (const domain of mesh.domains) {
    stacks.set(domain.name, new DomainStack(app, domain.name, { mesh, domain: domain.name, environment }));
  }
  return { mesh, environment, stacks };
}

/**
 * The mesh registry package, as `datamesh registry pack` writes it:
 *
 *   package.json                    name, version, `"datamesh": { "registry": 1, "domains": [...] }`
 *   registry/platform.yaml          the platform repository's platform.yaml, byte for byte
 *   registry/<domain>/domain.yaml   every domain's registry entry, byte for byte
 *
 * Files are copied, not re-serialized, so an error found in a domain repository points at the same
 * line as in the platform repository. Contracts are never copied (contract/registry.ts refuses
 * them anyway). The tarball is npm's own (`npm pack`), so `npm install <tarball>` and `npm publish`
 * take it as they take any package.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MeshSpec } from '../contract/model';
import { REGISTRY_FOLDER, REGISTRY_FORMAT } from '../contract/registry';

export const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

export interface RegistryPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the written tarball. */
  readonly tarball: string;
  readonly domains: readonly string[];
  /** Files inside the package, as npm lists them. */
  readonly files: readonly string[];
}

export function registryManifest(mesh: MeshSpec, name: string, version: string): Record<string, unknown> {
  const domains = mesh.domains.map((d) => d.name);
  return {
    name,
    version,
    description: `Mesh registry of ${mesh.platform.organization}: platform.yaml and the registry entry of every domain (${domains.length}), for datamesh domain repositories.`,
    license: 'UNLICENSED',
    keywords: ['datamesh', 'datamesh-registry'],
    files: [`${REGISTRY_FOLDER}/`],
    datamesh: { registry: REGISTRY_FORMAT, organization: mesh.platform.organization, domains },
  };
}

/**
 * Stages the package in a temporary folder, packs it with npm there and moves the tarball into
 * `outDir` last, so a failure leaves nothing behind in `outDir`.
 */
export function packRegistry(contractsDir: string, mesh: MeshSpec, name: string, version: string, outDir: string): RegistryPackage {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-registry-'));
  try {
    const stage = path.join(work, 'package');
    const registry = path.join(stage, REGISTRY_FOLDER);
    fs.mkdirSync(registry, { recursive: true });
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(registryManifest(mesh, name, version), null, 2)}\n`);
    fs.copyFileSync(path.join(contractsDir, 'platform.yaml'), path.join(registry, 'platform.yaml'));
    for (const domain of mesh.domains) {
      fs.mkdirSync(path.join(registry, domain.name));
      fs.copyFileSync(path.join(contractsDir, domain.name, 'domain.yaml'), path.join(registry, domain.name, 'domain.yaml'));
    }
    // No lifecycle scripts exist in the staged package.json; --ignore-scripts says so to npm as well.
    const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [packed] = JSON.parse(output) as { filename: string; files: { path: string }[] }[];
    fs.mkdirSync(outDir, { recursive: true });
    const tarball = path.join(outDir, packed.filename);
    moveFile(path.join(work, packed.filename), tarball);
    return { name, version, tarball, domains: mesh.domains.map((d) => d.name), files: packed.files.map((f) => f.path).sort() };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A rename where it can be one; a copy to a temporary name then a rename across file systems. */
function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch {
    const partial = `${to}.partial-${process.pid}`;
    fs.copyFileSync(from, partial);
    fs.renameSync(partial, to);
  }
}

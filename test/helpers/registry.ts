import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES } from './fixtures';

export const PLATFORM_REPO = path.join(FIXTURES, 'registry', 'platform-repo', 'contracts');
export const POINTER = path.join(FIXTURES, 'registry', 'domain-repo', 'contracts', 'platform.yaml');
const TEMPLATE_CONTRACTS = path.join(__dirname, '..', '..', 'examples', 'domain-repo', 'contracts');

export interface InstallOptions {
  readonly name?: string;
  readonly version?: string;
  /** The `datamesh` entry of package.json. @default { registry: 1 } */
  readonly datamesh?: unknown;
}

/**
 * A domain repository as the template starts it, with platform.yaml replaced by the registry
 * pointer: contracts/ holds only the sales domain. The registry is not installed yet.
 */
export function domainRepo(): { repo: string; contracts: string } {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-domain-repo-'));
  const contracts = path.join(repo, 'contracts');
  fs.cpSync(TEMPLATE_CONTRACTS, contracts, { recursive: true });
  fs.copyFileSync(POINTER, path.join(contracts, 'platform.yaml'));
  return { repo, contracts };
}

/**
 * What `npm install` of the registry tarball leaves in node_modules, written directly (the
 * two-repository test in test/package installs a real tarball with npm): the platform repository's
 * platform.yaml and domain.yaml files under registry/, and a package.json. Returns the registry folder.
 */
export function installRegistry(repo: string, options: InstallOptions = {}): string {
  const name = options.name ?? '@acme/mesh-registry';
  const folder = path.join(repo, 'node_modules', ...name.split('/'));
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, version: options.version ?? '1.2.0', datamesh: options.datamesh ?? { registry: 1 } }));
  const registry = path.join(folder, 'registry');
  fs.mkdirSync(registry);
  fs.copyFileSync(path.join(PLATFORM_REPO, 'platform.yaml'), path.join(registry, 'platform.yaml'));
  for (const domain of ['marketing', 'sales']) {
    fs.mkdirSync(path.join(registry, domain));
    fs.copyFileSync(path.join(PLATFORM_REPO, domain, 'domain.yaml'), path.join(registry, domain, 'domain.yaml'));
  }
  return registry;
}

/** The template's orders contract, granting read access to the marketing domain (known only from the registry). */
export function grantToMarketing(contracts: string): void {
  fs.appendFileSync(path.join(contracts, 'sales', 'orders.yaml'), '  - domain: marketing\n    access: read\n    reason: Attribution of orders to campaigns.\n');
}

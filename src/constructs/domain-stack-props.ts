import type { MeshSpec } from '../contract/model';

export interface DomainStackProps {
  /** The validated mesh; the stack builds the products of one of its domains. */
  readonly mesh: MeshSpec;
  /** Name of the domain this stack deploys. */
  readonly domain: string;
  /** Environment name, one of `platform.environments`. */
  readonly environment: string;
}

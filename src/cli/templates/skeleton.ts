/**
 * Contract skeletons by format. A format is offered only once its loader exists, so `new` never
 * writes a file that `validate` cannot read.
 */
import type { DomainSpec } from '../../contract/model';
import { nativeSkeleton } from './native';
import { odcsSkeleton } from './odcs';

export interface SkeletonRequest {
  /** The domain the product belongs to, as its domain.yaml declares it (owner, name). */
  readonly domain: DomainSpec;
  /** Product name, snake_case. */
  readonly name: string;
}

export type ContractFormat = 'native' | 'odcs';

export interface Skeleton {
  readonly write: (request: SkeletonRequest) => string;
  /** File name ending, after the product name. */
  readonly extension: string;
}
export const CONTRACT_FORMATS: readonly ContractFormat[] = ['native', 'odcs'];

const SKELETONS: Partial<Record<ContractFormat, Skeleton>> = {
  native: { write: nativeSkeleton, extension: '.yaml' },
  // `.odcs.yaml`, as the reference mesh names its ODCS contracts, so the format shows in a listing.
  odcs: { write: odcsSkeleton, extension: '.odcs.yaml' },
};

/** The skeleton of a format, or undefined when the format cannot be written yet. */
export function skeletonFor(format: ContractFormat): Skeleton | undefined {
  return SKELETONS[format];
}

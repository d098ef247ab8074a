import type { NameParts } from '../naming';

export interface DomainLfTagsProps {
  /** Organization, environment and domain: the LF-tag keys are scoped to them. */
  readonly names: NameParts;
}

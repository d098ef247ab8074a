import type { NameParts } from '../../contract/naming';

export interface DomainLfTagsProps {
  /** Organization, environment and domain: the LF-tag keys are scoped to them. */
  readonly names: NameParts;
}

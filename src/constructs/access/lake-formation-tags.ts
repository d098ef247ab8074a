import { LakeformationLfTag } from '@cdktf/provider-aws/lib/lakeformation-lf-tag';
import { Construct } from 'constructs';
import { CLASSIFICATIONS } from '../../contract/model';
import { domainNames, type NameParts } from '../../contract/naming';
import type { DomainLfTagsProps } from './lake-formation-tags-props';

/** The LF-tag keys a domain stack puts on its tables and columns. */
export interface LfTagKeys {
  readonly domain: string;
  readonly classification: string;
}

/**
 * `<org>-<env>-<domain>:domain` and `<org>-<env>-<domain>:classification`. LF-tags live in the
 * account's catalog, and an `aws_lakeformation_lf_tag` owns its key's whole list of values, so two
 * stacks in one account must never declare the same key; a domain's environments share its
 * account, hence the environment in the key. Lowercase, because Lake Formation lowercases keys.
 */
export function lfTagKeys(names: NameParts): LfTagKeys {
  return domainNames(names).lfTagKeys;
}

/**
 * The domain stack's two LF-tags. Classification declares every level, not only those in use, so
 * a new product never changes the tag and grants by tag expression can name any level.
 *
 * @example
 * const lfTags = new DomainLfTags(stack, 'lf-tags', { names: { organization: 'acme', environment: 'dev', domain: 'sales' } });
 * // Hand lfTags.keys to each DataProduct as `lakeFormation`.
 */
export class DomainLfTags extends Construct {
  readonly domainTag: LakeformationLfTag;
  readonly classificationTag: LakeformationLfTag;
  /** The keys as references to the tags, so assignments are created after the tags exist. */
  readonly keys: LfTagKeys;

  constructor(scope: Construct, id: string, props: DomainLfTagsProps) {
    super(scope, id);
    const keys = lfTagKeys(props.names);
    this.domainTag = new LakeformationLfTag(this, 'domain', { key: keys.domain, values: [props.names.domain] });
    this.classificationTag = new LakeformationLfTag(this, 'classification', { key: keys.classification, values: [...CLASSIFICATIONS] });
    this.keys = { domain: this.domainTag.key, classification: this.classificationTag.key };
  }
}

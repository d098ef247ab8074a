/**
 * Two things must never share a physical name: two products would share one bucket (and one
 * product's consumers would read the other's objects), or a product would write into a domain's
 * log bucket. The check runs on the final names, made by the very functions the constructs use,
 * for every environment of the platform, since bucket names are global to all of them.
 */
import type { ContractError } from './errors';
import type { DomainSpec, PlatformSpec, SourceLocation } from './model';
import { bucketName, domainNames, productNames, reservedBucketAffix, type NameParts } from './naming';

/** The longest name AWS accepts, per kind (bucket names are shortened with a hash instead). */
const MAX_LENGTH: Readonly<Record<string, number>> = { 'IAM policy': 128, 'quality ruleset': 255, 'Glue database': 255, 'Glue table': 511, 'KMS alias': 256, 'LF-tag key': 128 };

interface Claim {
  readonly owner: string;
  readonly location: SourceLocation;
  readonly path: string;
}

/** What the check needs of a product; a contract that did not load still has it when its name is valid. */
export interface NamedProduct {
  readonly id?: string;
  readonly domain?: string;
  readonly name?: string;
  readonly nameLocation: SourceLocation;
}

export function physicalNameErrors(platform: PlatformSpec | undefined, domains: readonly DomainSpec[], products: readonly NamedProduct[]): ContractError[] {
  if (!platform) return [];
  const errors = new Map<string, ContractError>();
  const claims = new Map<string, Claim>();
  // Per claimant and holder, every kind of name they would share, reported as one error.
  const clashes = new Map<string, { claimant: Claim; holder: Claim; names: string[] }>();
  const claim = (kind: string, name: string, next: Claim) => {
    const max = MAX_LENGTH[kind];
    if (max !== undefined && name.length > max) {
      const key = `${next.location.file}:${next.location.line}:${next.location.column}:${kind}:length`;
      if (!errors.has(key))
        errors.set(key, {
          ...next.location,
          path: next.path,
          message: `${next.owner} would get the ${kind} name "${name.slice(0, 60)}…" of ${name.length} characters; AWS accepts at most ${max}`,
          hint: 'shorten the organization, domain or product name',
        });
    }
    const holder = claims.get(`${kind}\0${name}`);
    if (!holder) {
      claims.set(`${kind}\0${name}`, next);
      return;
    }
    if (holder.owner === next.owner) return;
    const key = `${next.owner}\0${holder.owner}`;
    const clash = clashes.get(key) ?? { claimant: next, holder, names: [] };
    const described = `${kind} "${name}"`;
    if (!clash.names.some((n) => n.startsWith(`${kind} `))) clash.names.push(described);
    clashes.set(key, clash);
  };
  const reserved = (name: string, claimant: Claim, parts: NameParts) => {
    const affix = reservedBucketAffix(name);
    if (!affix) return;
    // A reserved prefix comes from the organization and environment, a suffix from the last name.
    const fromPlatform = reservedBucketAffix(`${bucketName([parts.organization, parts.environment])}-`) !== undefined;
    const at = fromPlatform ? { ...platform.fieldLocations.organization, path: 'organization' } : { ...claimant.location, path: claimant.path };
    const key = `${at.file}:${at.line}:${at.column}:reserved`;
    if (!errors.has(key))
      errors.set(key, { ...at, message: `bucket name "${name}" uses "${affix}", which S3 reserves for its own features`, hint: 'choose another organization, domain or product name' });
  };

  for (const environment of platform.environments) {
    for (const domain of domains) {
      const parts = { organization: platform.organization, environment, domain: domain.name };
      const names = domainNames(parts);
      const owner: Claim = { owner: `domain ${domain.name}`, location: domain.fieldLocations.name, path: 'name' };
      claim('bucket', names.accessLogBucket, { ...owner, owner: `the access-log bucket of domain ${domain.name}` });
      claim('Glue database', names.database, owner);
      claim('KMS alias', names.keyAlias, owner);
      claim('LF-tag key', names.lfTagKeys.domain, owner);
      claim('IAM role', names.evaluationRole, owner);
      claim('SNS topic', names.alertTopic, owner);
      claim('EventBridge rule', names.qualityAlertRule, owner);
      claim('budget', names.budget, owner);
      reserved(names.accessLogBucket, owner, parts);
    }
    for (const product of products) {
      if (product.id === undefined || product.domain === undefined || product.name === undefined) continue;
      const parts = { organization: platform.organization, environment, domain: product.domain };
      const names = productNames(parts, product.name);
      const owner: Claim = { owner: `product ${product.id}`, location: product.nameLocation, path: 'name' };
      claim('bucket', names.bucket, owner);
      claim('IAM policy', names.readPolicy, owner);
      claim('IAM policy', names.writePolicy, owner);
      claim('quality ruleset', names.qualityRuleset, owner);
      claim('schedule', names.qualitySchedule, owner);
      claim('CloudWatch alarm', names.evaluationMissingAlarm, owner);
      claim('Glue table', `${domainNames(parts).database}.${product.name}`, owner);
      reserved(names.bucket, owner, parts);
    }
  }
  for (const { claimant, holder, names } of clashes.values()) {
    errors.set(`${claimant.owner}\0${holder.owner}`, {
      ...claimant.location,
      path: claimant.path,
      message: `${claimant.owner} would get the same names as ${holder.owner}: ${names.join(', ')}`,
      hint: 'rename one of them: names are joined with hyphens, runs of "-" and "_" collapse into one and leading or trailing ones are dropped',
    });
  }
  return [...errors.values()];
}

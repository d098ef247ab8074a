/**
 * Every governance rule, in id order. Adding or dropping a rule changes the inventory test and
 * docs/governance.md on purpose: it is a change to every domain's gate.
 */
import { awsTagValues } from './contract-rules/dm110-aws-tag-values';
import { descriptions } from './contract-rules/dm112-descriptions';
import { exceptionsValid } from './contract-rules/dm113-exceptions-valid';
import { knownConsumers } from './contract-rules/dm108-known-consumers';
import { lifecycleStatus } from './contract-rules/dm111-lifecycle-status';
import { namingLimits } from './contract-rules/dm106-naming-limits';
import { ownerContact } from './contract-rules/dm101-owner-contact';
import { ownerWritesOnly } from './contract-rules/dm114-owner-writes-only';
import { personalDataClassified } from './contract-rules/dm103-personal-data-classified';
import { piiAccessApproved } from './contract-rules/dm109-pii-access-approved';
import { piiRetention } from './contract-rules/dm104-pii-retention';
import { primaryKeyQuality } from './contract-rules/dm105-primary-key-quality';
import { qualityRulesEnforced } from './contract-rules/dm115-quality-rules-enforced';
import { semanticVersion } from './contract-rules/dm107-semantic-version';
import { slaDeclared } from './contract-rules/dm102-sla-declared';
import { slaMonitored } from './contract-rules/dm119-sla-monitored';
import { exceptionsWithinHorizon } from './contract-rules/dm118-exception-horizon';
import { protectedPartitionKeys } from './contract-rules/dm117-protected-partition-keys';
import { inputsGranted } from './contract-rules/dm121-inputs-granted';
import { scheduleWithinMinimum } from './contract-rules/dm122-schedule-within-minimum';
import { inputVersions } from './contract-rules/dm120-input-versions';
import { rolesInDomainAccount } from './domain-rules/dm116-roles-in-domain-account';
import { accessChangesReported } from './access-rules/dm304-access-changes-reported';
import { accessLogging } from './resource-rules/dm208-access-logging';
import { bucketEncryption } from './resource-rules/dm202-bucket-encryption';
import { bucketVersioning } from './resource-rules/dm204-bucket-versioning';
import { keyRotation } from './resource-rules/dm206-key-rotation';
import { mandatoryTags } from './resource-rules/dm207-mandatory-tags';
import { noWildcards } from './resource-rules/dm205-no-wildcards';
import { publicAccessBlocked } from './resource-rules/dm201-public-access-blocked';
import { tlsOnly } from './resource-rules/dm203-tls-only';
import { topicEncryption } from './resource-rules/dm209-topic-encryption';
import { additiveNeedsMinor } from './evolution-rules/dm302-additive-needs-minor';
import { breakingNeedsMajor } from './evolution-rules/dm301-breaking-needs-major';
import { versionMovesForward } from './evolution-rules/dm303-version-moves-forward';
import type { AccessRule, ContractRule, DomainRule, EvolutionRule, ResourceRule, Rule, RuleMetadata } from './rule';

export const CONTRACT_RULES: readonly ContractRule[] = [
  ownerContact,
  slaDeclared,
  personalDataClassified,
  piiRetention,
  primaryKeyQuality,
  namingLimits,
  semanticVersion,
  knownConsumers,
  piiAccessApproved,
  awsTagValues,
  lifecycleStatus,
  descriptions,
  exceptionsValid,
  ownerWritesOnly,
  qualityRulesEnforced,
  protectedPartitionKeys,
  exceptionsWithinHorizon,
  slaMonitored,
  inputVersions,
  inputsGranted,
  scheduleWithinMinimum,
];

/** Rules over each domain.yaml, run once per domain with the contract rules. */
export const DOMAIN_RULES: readonly DomainRule[] = [rolesInDomainAccount];

export const RESOURCE_RULES: readonly ResourceRule[] = [publicAccessBlocked, bucketEncryption, tlsOnly, bucketVersioning, noWildcards, keyRotation, mandatoryTags, accessLogging, topicEncryption];

/** Rules that compare a contract with its version at a base revision (`datamesh diff`, DATAMESH_BASELINE). */
export const EVOLUTION_RULES: readonly EvolutionRule[] = [breakingNeedsMajor, additiveNeedsMinor, versionMovesForward];

/** Rules over changes to who grants reach, since a base revision (`datamesh diff`, DATAMESH_BASELINE). */
export const ACCESS_RULES: readonly AccessRule[] = [accessChangesReported];

export const ALL_RULES: readonly RuleMetadata[] = [...CONTRACT_RULES, ...DOMAIN_RULES, ...RESOURCE_RULES, ...EVOLUTION_RULES, ...ACCESS_RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function ruleById(id: string): RuleMetadata | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}

export type { Rule };

/**
 * Every governance rule, in id order. Adding or dropping a rule changes the inventory test and
 * docs/governance.md on purpose: it is a change to every domain's gate.
 */
import { awsTagValues } from './contract-rules/aws-tag-values';
import { descriptions } from './contract-rules/descriptions';
import { exceptionsValid } from './contract-rules/exceptions-valid';
import { knownConsumers } from './contract-rules/known-consumers';
import { lifecycleStatus } from './contract-rules/lifecycle-status';
import { namingLimits } from './contract-rules/naming-limits';
import { ownerContact } from './contract-rules/owner-contact';
import { ownerWritesOnly } from './contract-rules/owner-writes-only';
import { personalDataClassified } from './contract-rules/personal-data-classified';
import { piiAccessApproved } from './contract-rules/pii-access-approved';
import { piiRetention } from './contract-rules/pii-retention';
import { primaryKeyQuality } from './contract-rules/primary-key-quality';
import { qualityRulesEnforced } from './contract-rules/quality-rules-enforced';
import { semanticVersion } from './contract-rules/semantic-version';
import { slaDeclared } from './contract-rules/sla-declared';
import { slaMonitored } from './contract-rules/sla-monitored';
import { exceptionsWithinHorizon } from './contract-rules/exception-horizon';
import { protectedPartitionKeys } from './contract-rules/protected-partition-keys';
import { inputsGranted } from './contract-rules/inputs-granted';
import { inputVersions } from './contract-rules/input-versions';
import { rolesInDomainAccount } from './domain-rules/roles-in-domain-account';
import { accessChangesReported } from './access-rules/access-changes-reported';
import { accessLogging } from './resource-rules/access-logging';
import { bucketEncryption } from './resource-rules/bucket-encryption';
import { bucketVersioning } from './resource-rules/bucket-versioning';
import { keyRotation } from './resource-rules/key-rotation';
import { mandatoryTags } from './resource-rules/mandatory-tags';
import { noWildcards } from './resource-rules/no-wildcards';
import { publicAccessBlocked } from './resource-rules/public-access-blocked';
import { tlsOnly } from './resource-rules/tls-only';
import { topicEncryption } from './resource-rules/topic-encryption';
import { additiveNeedsMinor } from './evolution-rules/additive-needs-minor';
import { breakingNeedsMajor } from './evolution-rules/breaking-needs-major';
import { versionMovesForward } from './evolution-rules/version-moves-forward';
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

/** platform.yaml and domain.yaml -> PlatformSpec and DomainSpec (after schema validation). */
import { durationToDays } from './duration';
import type { BackendConfig, DomainSpec, GovernanceConfig, PlatformSpec } from './model';
import type { SourceDocument } from './source';

interface GovernanceFile {
  rules?: Record<string, { severity: 'error' | 'warning' }>;
  pii?: { patterns?: string[]; maxRetention?: string };
  requiredTags?: string[];
  exceptions?: { maxDuration?: string };
}

/** The `governance` block of platform.yaml or domain.yaml, with the location of every setting. */
function normalizeGovernance(document: SourceDocument, block: GovernanceFile | undefined): GovernanceConfig {
  const at = (...path: (string | number)[]) => document.locate(['governance', ...path]);
  return {
    rules: Object.fromEntries(Object.entries(block?.rules ?? {}).map(([id, rule]) => [id, { severity: rule.severity, location: at('rules', id) }])),
    piiPatterns: (block?.pii?.patterns ?? []).map((pattern, index) => ({ pattern, location: at('pii', 'patterns', index) })),
    maxPiiRetentionDays: block?.pii?.maxRetention ? { days: durationToDays(block.pii.maxRetention), location: at('pii', 'maxRetention') } : undefined,
    requiredTags: block?.requiredTags ?? [],
    maxExceptionDays: block?.exceptions?.maxDuration ? { days: durationToDays(block.exceptions.maxDuration), location: at('exceptions', 'maxDuration') } : undefined,
  };
}

interface PlatformFile {
  organization: string;
  region: string;
  environments: string[];
  deployRoleName?: string;
  backend?: { type: 'local' } | { type: 's3'; bucket: string; region?: string; keyPrefix?: string; useLockfile?: boolean };
  storage?: Partial<PlatformSpec['storage']>;
  lakeFormation?: { enabled?: boolean };
  tags?: Record<string, string>;
  governance?: GovernanceFile;
  trustedAccounts?: { account: string; reason: string }[];
}

export const DEFAULT_STORAGE: PlatformSpec['storage'] = {
  preventDestroy: true,
  noncurrentVersionExpirationDays: 90,
  abortIncompleteMultipartUploadDays: 7,
  accessLogRetentionDays: 365,
};

export function normalizePlatform(document: SourceDocument, value: unknown): PlatformSpec {
  const file = value as PlatformFile;
  const backend: BackendConfig =
    file.backend?.type === 's3'
      ? {
          type: 's3',
          bucket: file.backend.bucket,
          region: file.backend.region ?? file.region,
          keyPrefix: (file.backend.keyPrefix ?? 'datamesh').replace(/\/+$/, ''),
          // S3 native locking is the default: a state without a lock is a state waiting to be corrupted.
          useLockfile: file.backend.useLockfile ?? true,
        }
      : { type: 'local' };
  return {
    organization: file.organization,
    region: file.region,
    environments: file.environments,
    deployRoleName: file.deployRoleName,
    backend,
    storage: { ...DEFAULT_STORAGE, ...file.storage },
    // On by default: column-level PII protection needs Lake Formation; IAM-only accounts opt out.
    lakeFormation: { enabled: file.lakeFormation?.enabled ?? true },
    tags: file.tags ?? {},
    governance: normalizeGovernance(document, file.governance),
    trustedAccounts: (file.trustedAccounts ?? []).map((trusted, index) => ({ ...trusted, reason: trusted.reason.trim(), location: document.locate(['trustedAccounts', index, 'account']) })),
    source: { file: document.file },
    fieldLocations: { organization: document.locate(['organization']), environments: document.locate(['environments']) },
  };
}

interface DomainFile {
  name: string;
  description: string;
  owner: { team: string; email: string };
  account: string;
  region?: string;
  roles?: { producer?: string; consumers?: string[] };
  tags?: Record<string, string>;
  governance?: GovernanceFile;
}

export function normalizeDomain(document: SourceDocument, value: unknown): DomainSpec {
  const file = value as DomainFile;
  return {
    name: file.name,
    description: file.description.trim(),
    owner: file.owner,
    account: file.account,
    region: file.region,
    roles: { producer: file.roles?.producer, consumers: file.roles?.consumers ?? [] },
    tags: file.tags ?? {},
    governance: normalizeGovernance(document, file.governance),
    source: { file: document.file },
    location: document.locate([]),
    fieldLocations: {
      name: document.locate(['name']),
      producer: file.roles?.producer ? document.locate(['roles', 'producer']) : undefined,
      consumers: (file.roles?.consumers ?? []).map((_, index) => document.locate(['roles', 'consumers', index])),
    },
  };
}

/** platform.yaml and domain.yaml -> PlatformSpec and DomainSpec (after schema validation). */
import { durationToDays, durationToMinutes } from './duration';
import { durationTooLong, type ContractError } from './errors';
import { MAX_DURATION_DAYS, quote } from './limits';
import type { AlertProtocol, BackendConfig, CustomRuleSpec, DomainSpec, GovernanceConfig, MonitoringSettings, PlatformSpec } from './model';
import { piiPatternProblem } from './patterns';
import { formatPath, type SourceDocument } from './source';

interface GovernanceFile {
  rules?: Record<string, { severity: 'error' | 'warning'; enabled?: boolean }>;
  customRules?: { id: string; description: string; rationale?: string; applies: CustomRuleSpec['applies']; condition: string; severity: 'error' | 'warning'; waivable?: boolean; fix: string }[];
  pii?: { patterns?: string[]; maxRetention?: string };
  requiredTags?: string[];
  exceptions?: { maxDuration?: string };
}

/** The `governance` block of platform.yaml or domain.yaml, with the location of every setting. */
function normalizeGovernance(document: SourceDocument, block: GovernanceFile | undefined): GovernanceConfig {
  const at = (...path: (string | number)[]) => document.locate(['governance', ...path]);
  return {
    rules: Object.fromEntries(Object.entries(block?.rules ?? {}).map(([id, rule]) => [id, { severity: rule.severity, enabled: rule.enabled, location: at('rules', id) }])),
    customRules: (block?.customRules ?? []).map((rule, index) => ({
      ...rule,
      description: rule.description.trim(),
      rationale: rule.rationale?.trim(),
      waivable: rule.waivable ?? false,
      location: at('customRules', index, 'id'),
      conditionLocation: document.locateWithin(['governance', 'customRules', index, 'condition'], 0),
    })),
    piiPatterns: (block?.pii?.patterns ?? []).map((pattern, index) => ({ pattern, location: at('pii', 'patterns', index) })),
    maxPiiRetentionDays: block?.pii?.maxRetention ? { days: durationToDays(block.pii.maxRetention), location: at('pii', 'maxRetention') } : undefined,
    requiredTags: block?.requiredTags ?? [],
    maxExceptionDays: block?.exceptions?.maxDuration ? { days: durationToDays(block.exceptions.maxDuration), location: at('exceptions', 'maxDuration') } : undefined,
  };
}

/**
 * What the schema cannot say about the governance settings of platform.yaml or domain.yaml: PII
 * patterns the engine can run, and a retention limit within what the platform accepts. Checked on
 * the raw value, so these errors come in the same pass as the schema's.
 */
export function settingsErrors(document: SourceDocument, value: unknown): ContractError[] {
  const pii = (value as { governance?: { pii?: { patterns?: unknown; maxRetention?: unknown } } }).governance?.pii;
  const errors: ContractError[] = [];
  if (Array.isArray(pii?.patterns)) {
    pii.patterns.forEach((pattern: unknown, index: number) => {
      if (typeof pattern !== 'string') return;
      const problem = piiPatternProblem(pattern);
      const path = ['governance', 'pii', 'patterns', index];
      if (problem) errors.push({ ...document.locate(path), path: formatPath(path), message: `pattern ${quote(pattern)}: ${problem.message}`, hint: problem.hint });
    });
  }
  if (typeof pii?.maxRetention === 'string' && /^[1-9][0-9]*[dwy]$/.test(pii.maxRetention)) {
    const days = durationToDays(pii.maxRetention);
    const path = ['governance', 'pii', 'maxRetention'];
    if (days > MAX_DURATION_DAYS) errors.push(durationTooLong({ ...document.locate(path), path: formatPath(path) }, 'PII retention limit', days));
  }
  return errors;
}

interface PlatformFile {
  organization: string;
  region: string;
  environments: string[];
  deployRoleName?: string;
  backend?: { type: 'local' } | { type: 's3'; bucket: string; region?: string; keyPrefix?: string; useLockfile?: boolean };
  storage?: Partial<Omit<PlatformSpec['storage'], 'preventDestroy'>> & { preventDestroy?: boolean | Record<string, boolean> };
  lakeFormation?: { enabled?: boolean };
  monitoring?: { enabled?: boolean; defaultInterval?: string; minInterval?: string; budget?: { monthlyUsd?: number; thresholds?: number[] } };
  tags?: Record<string, string>;
  governance?: GovernanceFile;
  trustedAccounts?: { account: string; reason: string }[];
}

export const DEFAULT_STORAGE: Omit<PlatformSpec['storage'], 'preventDestroy'> = {
  noncurrentVersionExpirationDays: 90,
  abortIncompleteMultipartUploadDays: 7,
  accessLogRetentionDays: 365,
};

/** Daily evaluation at most a day apart and at least an hour apart; 100 USD a month, told at 80% and 100%. */
export const DEFAULT_MONITORING: MonitoringSettings = {
  enabled: true,
  defaultIntervalMinutes: 1440,
  minIntervalMinutes: 60,
  monthlyBudgetUsd: 100,
  budgetThresholds: [80, 100],
};

function normalizeMonitoring(block: PlatformFile['monitoring']): MonitoringSettings {
  const defaultIntervalMinutes = block?.defaultInterval ? durationToMinutes(block.defaultInterval) : DEFAULT_MONITORING.defaultIntervalMinutes;
  const minIntervalMinutes = block?.minInterval ? durationToMinutes(block.minInterval) : DEFAULT_MONITORING.minIntervalMinutes;
  return {
    enabled: block?.enabled ?? DEFAULT_MONITORING.enabled,
    defaultIntervalMinutes,
    // A minimum above the default would leave no cadence to choose: the default wins.
    minIntervalMinutes: Math.min(minIntervalMinutes, defaultIntervalMinutes),
    monthlyBudgetUsd: block?.budget?.monthlyUsd ?? DEFAULT_MONITORING.monthlyBudgetUsd,
    budgetThresholds: [...(block?.budget?.thresholds ?? DEFAULT_MONITORING.budgetThresholds)].sort((a, b) => a - b),
  };
}

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
    storage: { ...DEFAULT_STORAGE, ...file.storage, preventDestroy: preventDestroyByEnvironment(file.environments, file.storage?.preventDestroy) },
    // On by default: column-level PII protection needs Lake Formation; IAM-only accounts opt out.
    lakeFormation: { enabled: file.lakeFormation?.enabled ?? true },
    monitoring: normalizeMonitoring(file.monitoring),
    tags: file.tags ?? {},
    governance: normalizeGovernance(document, file.governance),
    trustedAccounts: (file.trustedAccounts ?? []).map((trusted, index) => ({ ...trusted, reason: trusted.reason.trim(), location: document.locate(['trustedAccounts', index, 'account']) })),
    source: { file: document.file },
    fieldLocations: { organization: document.locate(['organization']), environments: document.locate(['environments']) },
  };
}

/**
 * `preventDestroy: true | false` applies to every environment; a mapping sets it per environment
 * (the schema allows only declared environments as keys). An environment left out keeps its data.
 */
function preventDestroyByEnvironment(environments: readonly string[], setting: boolean | Record<string, boolean> | undefined): Record<string, boolean> {
  return Object.fromEntries(environments.map((environment) => [environment, typeof setting === 'object' ? (setting[environment] ?? true) : (setting ?? true)]));
}

interface DomainFile {
  name: string;
  description: string;
  owner: { team: string; email: string };
  account: string;
  region?: string;
  roles?: { producer?: string; consumers?: string[] };
  tags?: Record<string, string>;
  monitoring?: { alerts?: { protocol: AlertProtocol; endpoint: string }[]; budget?: { monthlyUsd?: number } };
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
    monitoring: {
      alerts: (file.monitoring?.alerts ?? []).map((alert, index) => ({ ...alert, location: document.locate(['monitoring', 'alerts', index]) })),
      monthlyBudgetUsd: file.monitoring?.budget?.monthlyUsd,
    },
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

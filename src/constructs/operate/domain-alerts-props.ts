import type { DomainSpec, MonitoringSettings } from '../../contract/model';
import type { DomainNames } from '../../contract/naming';

export interface DomainAlertsProps {
  /** The domain whose team is told: its alert endpoints (the owner's email by default) and budget. */
  readonly domain: DomainSpec;
  readonly names: DomainNames;
  readonly region: string;
  /** The domain key; the topic is encrypted with it (see alertTopicKeyStatements for its policy). */
  readonly kmsKeyArn: string;
  /** The rulesets whose failed evaluations are forwarded; no rule when empty. */
  readonly rulesetNames: readonly string[];
  /** The missing-evaluation alarms that may publish to the topic, one per evaluated product. */
  readonly alarmNames: readonly string[];
  /** The Glue database the rulesets evaluate tables of. */
  readonly databaseName: string;
  readonly settings: MonitoringSettings;
  readonly tags: Readonly<Record<string, string>>;
}

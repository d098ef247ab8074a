import * as semver from 'semver';
import { satisfies } from '../../evolution/evolution';
import type { EvolutionRule } from '../rule';

export const breakingNeedsMajor: EvolutionRule = {
  id: 'DM301',
  scope: 'evolution',
  title: 'A breaking change comes with a major version bump',
  rationale: 'Consumers pin major versions; a breaking change under the same major version breaks them without warning.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'bump the major version (e.g. 2.3.1 -> 3.0.0) and tell the consumers, or make the change additive (keep the old column, add a new one)',
  check(evolution) {
    const breaking = evolution.changes.filter((c) => c.impact === 'breaking');
    if (breaking.length === 0) return 'not-applicable';
    if (!evolution.base || !evolution.current) {
      return breaking.map((c) => ({ message: c.message, location: c.location, fix: 'set status: retired and deploy that first; remove the contract in a later change' }));
    }
    if (satisfies(evolution.foundBump, 'major')) return 'compliant';
    const next = semver.valid(evolution.base.version) ? semver.inc(evolution.base.version, semver.major(evolution.base.version) === 0 ? 'minor' : 'major') : undefined;
    return breaking.map((c) => ({
      message: `breaking change without a major version bump (${evolution.base!.version} -> ${evolution.current!.version}): ${c.message} [${c.kind}]`,
      location: c.location,
      fix: `${c.fix}${next ? ` (the next major version is ${next}, at the \`version:\` line)` : ''}`,
    }));
  },
};

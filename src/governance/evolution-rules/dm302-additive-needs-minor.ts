import * as semver from 'semver';
import { satisfies } from '../../evolution/evolution';
import type { EvolutionRule } from '../rule';

export const additiveNeedsMinor: EvolutionRule = {
  id: 'DM302',
  scope: 'evolution',
  title: 'An additive change comes with at least a minor version bump',
  rationale: 'A minor version tells consumers there is something new to use; without it nobody knows the contract grew.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'bump the minor version (e.g. 2.3.1 -> 2.4.0)',
  check(evolution) {
    const additive = evolution.changes.filter((c) => c.impact === 'additive');
    if (!evolution.base || !evolution.current || additive.length === 0) return 'not-applicable';
    // A breaking change already demands more; DM301 reports that case.
    if (evolution.changes.some((c) => c.impact === 'breaking')) return 'not-applicable';
    if (satisfies(evolution.foundBump, 'minor')) return 'compliant';
    return additive.map((c) => ({
      message: `additive change without a minor version bump (${evolution.base!.version} -> ${evolution.current!.version}): ${c.message} [${c.kind}]`,
      location: c.location,
      fix: `${c.fix} at the \`version:\` line (e.g. ${evolution.base!.version} -> ${nextMinor(evolution.base!.version)})`,
    }));
  },
};

function nextMinor(version: string): string {
  return (semver.valid(version) && semver.inc(version, semver.major(version) === 0 ? 'patch' : 'minor')) || 'a higher minor version';
}

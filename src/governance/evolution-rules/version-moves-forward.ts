import type { EvolutionRule } from '../rule';

export const versionMovesForward: EvolutionRule = {
  id: 'DM303',
  scope: 'evolution',
  title: 'A changed contract gets a new, higher version',
  rationale: 'Two different contracts under one version number make "which version do you use?" meaningless; a version going down breaks ordering.',
  defaultSeverity: 'error',
  waivable: true,
  fix: 'raise the version: at least a patch bump for descriptions and tags',
  check(evolution) {
    const { base, current, foundBump } = evolution;
    if (!base || !current) return 'not-applicable';
    if (foundBump === 'lower') return [{ message: `version went down from ${base.version} to ${current.version}`, location: current.location }];
    if (foundBump === 'none' && evolution.changes.length > 0) {
      return [{ message: `contract changed but version stayed ${current.version} (${evolution.changes.length} change(s), first: ${evolution.changes[0].message})`, location: current.location }];
    }
    return 'compliant';
  },
};

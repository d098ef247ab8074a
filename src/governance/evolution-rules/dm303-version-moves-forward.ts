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
    // The finding is about the version, so it points at the `version:` line, whatever changed.
    const at = current.fieldLocations.version;
    if (foundBump === 'lower') return [{ message: `version went down from ${base.version} to ${current.version}`, location: at, fix: `set a version above ${base.version}` }];
    if (foundBump === 'none' && evolution.changes.length > 0) {
      return [
        {
          message: `contract changed but version stayed ${current.version} (${evolution.changes.length} change(s), first: ${evolution.changes[0].message})`,
          location: at,
          fix: `raise the version: the changes need at least a ${evolution.requiredBump} bump`,
        },
      ];
    }
    return 'compliant';
  },
};

/**
 * The layers of DESIGN.md §3 and the README's "Layout", checked on every import (`npm run lint`).
 * Data flows one way: contract -> evolution -> governance -> constructs -> catalog and synthesis
 * (src/*.ts) -> cli. A module imports only from its own layer and the ones before it; the layers
 * that `datamesh validate` runs never load cdktf, constructs or the AWS provider.
 */
const ROOT_FILES = '^src/[^/]+\\.ts$';
const SYNTHESIS_PACKAGES = '^node_modules/(cdktf|constructs|@cdktf/[^/]+)/';

/** A rule that keeps `from` out of the listed later layers. */
const before = (name, from, later, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: [...later.map((layer) => `^src/${layer}/`), ROOT_FILES] },
});

module.exports = {
  forbidden: [
    before(
      'contract-is-the-base',
      'contract',
      ['evolution', 'governance', 'constructs', 'catalog', 'cli'],
      'src/contract parses and normalizes contracts; every other layer reads its model, it reads none of them',
    ),
    before(
      'evolution-reads-contracts',
      'evolution',
      ['governance', 'constructs', 'catalog', 'cli'],
      'contract diffs and semver verdicts are facts about contracts; governance judges them (DM3xx), not the other way round',
    ),
    before(
      'governance-before-constructs',
      'governance',
      ['constructs', 'catalog', 'cli'],
      'rules read the model and resolved Terraform JSON, never construct classes: governance must not reach into constructs',
    ),
    before('constructs-before-reports', 'constructs', ['evolution', 'catalog', 'cli'], 'constructs turn the model into resources; reports, the catalog and the CLI come after them'),
    before('catalog-after-governance', 'catalog', ['constructs', 'cli'], 'the catalog reads the model and findings; `datamesh catalog` builds it without synthesis'),
    {
      name: 'cli-without-synthesis',
      comment: 'the datamesh command never synthesizes: `validate` answers in a fraction of a second',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: ['^src/constructs/', ROOT_FILES] },
    },
    {
      name: 'pure-layers-without-cdktf',
      comment:
        'src/contract, src/evolution, the governance rule logic and the catalog never import cdktf, constructs or the provider; ' +
        'governance/aspect.ts is the one bridge from cdktf to the resource rules',
      severity: 'error',
      from: { path: '^src/(contract|evolution|governance|catalog)/', pathNot: '^src/governance/aspect\\.ts$' },
      to: { path: SYNTHESIS_PACKAGES },
    },
    {
      name: 'validate-path-without-cdktf',
      comment: 'nothing the datamesh command loads may reach cdktf, constructs or the provider, not even through another module',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: SYNTHESIS_PACKAGES, reachable: true },
    },
    {
      name: 'provider-by-deep-path',
      comment: 'import @cdktf/provider-aws/lib/<resource>: the package root costs seconds and hundreds of MB per process',
      severity: 'error',
      from: {},
      to: { path: '^node_modules/@cdktf/provider-aws/lib/index\\.js$' },
    },
    {
      name: 'no-circular',
      comment: 'a cycle hides which module is the base of the other',
      severity: 'error',
      from: { path: '^src/' },
      // Cycles through type-only imports (props beside their construct, commands beside main) load nothing twice.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that does not resolve fails at run time (the domain-repo template imports the published package)',
      severity: 'error',
      from: { pathNot: '^examples/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a later layer is still a reach up the flow.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // A dynamic import() is how the CLI loads synthesis only for the command that needs it
    // (`datamesh plan`); it is not a load on the validate path. The module it loads is still cruised
    // from src/ like any other, so its own layer rules apply.
    exclude: { path: '^(dist|cdktf\\.out|docs)/', dynamic: true },
  },
};

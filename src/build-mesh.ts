import { Aspects, type App } from 'cdktf';
import { MeshValidationError, type ContractError } from './contract/errors';
import { loadMesh } from './contract/mesh';
import { ownDomains } from './contract/registry';
import type { DomainSpec, MeshSpec } from './contract/model';
import { DomainStack } from './constructs/domain-stack';
import { withoutTokenStackTraces } from './constructs/token-stack-traces';
import { GovernanceAspect } from './governance/aspect';
import { loadBaseline } from './evolution/baseline';
import { evolveMesh } from './evolution/evolution';
import { domainPolicies, evaluateAccess, evaluateContracts, evaluateEvolution, type GovernanceOptions } from './governance/evaluate';
import { diffAccess } from './evolution/diff-access';
import type { Finding } from './governance/finding';
import type { EffectivePolicy } from './governance/policy';
import { GovernanceLedger } from './governance/ledger';
import type { MeshRules, RulePack } from './governance/custom/rule-set';
import { addGovernanceGate } from './synthesis-output';
import { resolveContractsDir } from './contract/mesh-root';
import { VERBOSE_CONTEXT } from './constructs/verbosity';
import { DOMAINS_VARIABLE, parseDomainList, selectDomains, UnknownDomainError, type DomainSelection } from './domain-selection';

export interface BuildMeshOptions {
  /** Folder holding platform.yaml and one folder per domain. @default $DATAMESH_CONTRACTS, else the folder with platform.yaml found walking up from the working folder */
  readonly contractsDir?: string;
  /** Environment to build, one of platform.environments. @default $DATAMESH_ENV, else `dev` */
  readonly environment?: string;
  /** ISO date governance compares exception expiry and sunset dates with. @default today (UTC) */
  readonly today?: string;
  /**
   * Git revision to compare every contract with (DM3xx semver rules), e.g. `origin/main`.
   * @default $DATAMESH_BASELINE, else no comparison
   */
  readonly baseline?: string;
  /**
   * Rules of your own, with the built-in rules' interface: contract rules run on every product,
   * resource rules on every stack (hand-added resources too). Ids must not start with DM nor
   * reuse another rule's id; a clash throws a RulePackError.
   * @example buildMesh(app, { rules: { contract: [dataOwnerTag], resource: [costCenterTag] } })
   * @default no rules beyond the built-in ones and `governance.customRules`
   */
  readonly rules?: RulePack;
  /**
   * Domains whose stacks to build; the others are not synthesized and their folders in the output
   * are left untouched. The whole mesh is still loaded and governed, so grants to unselected
   * domains are checked. An unknown name fails like an invalid contract, listing the known domains.
   * @default $DATAMESH_DOMAINS (comma-separated), else every domain
   */
  readonly domains?: readonly string[];
  /** Informational notes from constructs (cdktf INFO annotations). @default true when DATAMESH_VERBOSE=1 */
  readonly verbose?: boolean;
}

export interface BuiltMesh {
  readonly mesh: MeshSpec;
  readonly environment: string;
  /**
   * One stack per selected domain, keyed by domain name, so a team can add resources before `app.synth()`.
   * Empty in what `synthMesh` returns without `customize`: it releases each stack once written.
   */
  readonly stacks: ReadonlyMap<string, DomainStack>;
  /** Contract findings now; resource findings once `app.synth()` has run the governance aspect. */
  readonly governance: GovernanceLedger;
  /** Every rule the mesh is governed by (built-in, code, platform.yaml and domain.yaml), for reports. */
  readonly rules: MeshRules;
  /** What a valid contract declares but the platform does not build or enforce (e.g. a second ODCS table). */
  readonly warnings: readonly ContractError[];
  /** The domains built, and whether that is only part of the mesh. */
  readonly selection: DomainSelection;
}

/**
 * Loads and validates every contract, evaluates the contract rules, then creates one DomainStack
 * per domain with the governance aspect attached, and a governance gate on the app: `app.synth()`
 * writes the reports and the catalog and throws on any unwaived error, removing the stacks. Throws a MeshValidationError listing every
 * error of every file (and every policy that tries to loosen the global one) before creating
 * anything, so an invalid mesh never reaches synthesis.
 */
export function buildMesh(app: App, options: BuildMeshOptions = {}): BuiltMesh {
  return withoutTokenStackTraces(() => {
    const prepared = prepareMesh(options);
    applyVerbosity(app, options.verbose);
    const stacks = new Map<string, DomainStack>();
    for (const domain of prepared.domains) stacks.set(domain.name, addDomainStack(app, prepared, domain));
    const built: BuiltMesh = { ...prepared.built, stacks };
    // Unwaived errors fail app.synth() itself, whoever calls it, and the reports are always written.
    addGovernanceGate(app, () => built);
    return built;
  });
}

/**
 * What every domain's stack shares, settled before any construct exists: the validated mesh, the
 * selection, the merged policies and the contract (and evolution) findings. synthMesh builds the
 * stacks from it one at a time, each in its own App.
 */
export interface PreparedMesh {
  /** Everything of the BuiltMesh but its stacks. */
  readonly built: Omit<BuiltMesh, 'stacks'>;
  /** The selected domains this repository builds, in mesh order. */
  readonly domains: readonly DomainSpec[];
  readonly policies: ReadonlyMap<string, EffectivePolicy>;
  readonly options: GovernanceOptions;
}

/**
 * Loads and validates the contracts and evaluates the contract rules. Throws a MeshValidationError
 * (an UnknownDomainError for a selection naming an unknown domain) when the mesh cannot be built.
 */
export function prepareMesh(options: BuildMeshOptions): PreparedMesh {
  const contractsDir = options.contractsDir ?? resolveContractsDir(undefined, process.env);
  const environment = options.environment ?? process.env.DATAMESH_ENV ?? 'dev';
  const { value: mesh, errors, warnings = [], filesRead } = loadMesh(contractsDir);
  if (!mesh) throw new MeshValidationError(errors, { filesRead, warnings });
  if (!mesh.platform.environments.includes(environment)) {
    throw new MeshValidationError([
      {
        // At the `environments` value the environment is missing from, not at the top of the file.
        ...(mesh.platform.fieldLocations.environments ?? { file: mesh.platform.source.file, line: 1, column: 1 }),
        path: 'environments',
        message: `environment "${environment}" is not declared`,
        hint: `set DATAMESH_ENV to one of ${mesh.platform.environments.join(', ')}, or add "${environment}" to environments`,
      },
    ]);
  }
  const requested = options.domains ?? parseDomainList(process.env[DOMAINS_VARIABLE]);
  const { selection, errors: selectionErrors } = selectDomains(
    ownDomains(mesh).map((d) => d.name),
    requested,
    options.domains ? 'the domains option' : DOMAINS_VARIABLE,
  );
  if (!selection) throw new UnknownDomainError(selectionErrors);
  const { policies, errors: policyErrors, rules } = domainPolicies(mesh, options.rules);
  if (policyErrors.length > 0) throw new MeshValidationError(policyErrors);

  const governance = new GovernanceLedger();
  governance.add(evaluateContracts(mesh, policies, { today: options.today, rules }));
  const baseline = options.baseline ?? process.env.DATAMESH_BASELINE;
  if (baseline) governance.add(evolutionFindings(mesh, contractsDir, baseline, policies, options.today));
  // Domains known only from the mesh registry resolve grants but are built by their own repositories.
  const domains = ownDomains(mesh).filter((d) => selection.domains.includes(d.name));
  return { built: { mesh, environment, governance, rules, warnings, selection }, domains, policies, options: { today: options.today, rules } };
}

/** Context can only be set on an app without children; otherwise constructs read DATAMESH_VERBOSE. */
export function applyVerbosity(app: App, verbose: boolean | undefined): void {
  if (verbose !== undefined && app.node.tryGetContext(VERBOSE_CONTEXT) === undefined && app.node.children.length === 0) app.node.setContext(VERBOSE_CONTEXT, verbose);
}

/** One domain's stack, with the governance aspect that records its resource findings in the shared ledger. */
export function addDomainStack(app: App, prepared: PreparedMesh, domain: DomainSpec): DomainStack {
  const { mesh, environment, governance } = prepared.built;
  const stack = new DomainStack(app, domain.name, { mesh, domain: domain.name, environment });
  const products = new Map([...stack.products].map(([name, product]) => [name, product.product]));
  Aspects.of(stack).add(new GovernanceAspect({ ledger: governance, policy: prepared.policies.get(domain.name)!, domain, products, options: prepared.options }));
  return stack;
}

/** DM3xx findings against a git revision; a revision that cannot be read stops the build like an invalid contract. */
function evolutionFindings(mesh: MeshSpec, contractsDir: string, ref: string, policies: ReadonlyMap<string, EffectivePolicy>, today?: string): Finding[] {
  let base;
  try {
    base = loadBaseline(ref, contractsDir);
  } catch (error) {
    throw new MeshValidationError([
      {
        file: contractsDir,
        line: 1,
        column: 1,
        path: '',
        message: `cannot read the baseline ${ref}: ${(error as Error).message}`,
        hint: 'set DATAMESH_BASELINE to a commit, branch or tag of this repository, or unset it',
      },
    ]);
  }
  return [...evaluateEvolution(evolveMesh(base.products, mesh.products), policies, { today }), ...evaluateAccess(diffAccess(base, mesh), policies, { today })];
}

/**
 * The edges of a synthesis run: what happens before `app.synth()` when the mesh is invalid, and
 * after it when governance has spoken. Reports and the console are written here and nowhere else.
 */
import { App } from 'cdktf';
import { withoutTokenStackTraces } from './constructs/token-stack-traces';
import { applyVerbosity, buildMesh, prepareMesh, type BuildMeshOptions, type BuiltMesh, type PreparedMesh } from './build-mesh';
import { synthDomainByDomain } from './synthesis-by-domain';
import { MeshValidationError } from './contract/errors';
import { UnknownDomainError } from './domain-selection';
import { synthesisSummary } from './synthesis-summary';
import { isVerbose } from './constructs/verbosity';
import { removeStacks, writeSynthesisReports } from './synthesis-output';

export { writeGovernanceReports, writeAtomically } from './synthesis-output';

/**
 * A synthesis that must not be deployed: the mesh is invalid or governance found unwaived errors.
 * Everything is printed and the stacks are removed before it is thrown; the app entry ends the
 * process with status 1 (`catch (e) { if (e instanceof SynthesisFailedError) process.exitCode = 1; ... }`).
 */
export class SynthesisFailedError extends Error {
  override readonly name = 'SynthesisFailedError';
  constructor(
    message: string,
    /** Why: contracts that do not load, or governance errors. */
    readonly reason: 'invalid-mesh' | 'governance',
  ) {
    super(message);
  }
}

export interface SynthMeshOptions extends BuildMeshOptions {
  /**
   * Adds a team's own resources to the domain stacks before synthesis; governance checks them too.
   * It sees every stack at once, so with it every domain's construct tree is in memory together
   * (one App, as `buildMesh` + `app.synth()`); without it the domains are synthesized one at a time.
   * @default nothing added
   */
  readonly customize?: (built: BuiltMesh) => void;
}

/**
 * The whole app of a mesh repository in one call: load and validate the contracts, build one
 * stack per domain, synthesize, run governance, write reports and the catalog. Throws
 * SynthesisFailedError on invalid contracts or governance errors, leaving no stack behind.
 * Without `customize`, each domain's stack is built and written in turn and then released, so
 * memory holds one domain's tree at a time; the BuiltMesh returned then has no stacks.
 */
export function synthMesh(options: SynthMeshOptions = {}): BuiltMesh {
  const app = new App();
  if (options.customize) return synthInOneApp(app, options, options.customize);
  let prepared: PreparedMesh;
  try {
    prepared = prepareMesh(options);
  } catch (error) {
    failOnInvalidMesh(app, error);
  }
  applyVerbosity(app, options.verbose);
  const built = synthDomainByDomain(app, prepared, options.verbose);
  finishSynthesis(app, built);
  return built;
}

function synthInOneApp(app: App, options: BuildMeshOptions, customize: (built: BuiltMesh) => void): BuiltMesh {
  let built: BuiltMesh;
  try {
    built = buildMesh(app, options);
  } catch (error) {
    failOnInvalidMesh(app, error);
  }
  customize(built);
  try {
    // Hand-added resources and aspects too: see token-stack-traces.ts.
    withoutTokenStackTraces(() => app.synth());
  } catch (error) {
    // The governance gate failed app.synth(): finishSynthesis says why, once, and throws.
    if (built.governance.blocking().length === 0) throw error;
  }
  finishSynthesis(app, built);
  return built;
}

/**
 * Ends an app whose mesh is invalid: prints every error, removes stacks left in the output folder
 * by an earlier synth (cdktf does not, and a stale stack could be deployed by mistake) and throws
 * SynthesisFailedError. A selection naming an unknown domain leaves them: the mesh is not at fault.
 * Errors other than MeshValidationError are rethrown untouched.
 */
export function failOnInvalidMesh(app: App, error: unknown): never {
  if (!(error instanceof MeshValidationError)) throw error;
  // As in finishSynthesis: details once on stdout, one line on stderr.
  console.log(error.message);
  console.error(`datamesh: ${error.message.split('\n')[0]}`);
  if (!(error instanceof UnknownDomainError)) removeStacks(app.outdir);
  throw new SynthesisFailedError(error.message.split('\n')[0], 'invalid-mesh');
}

/**
 * After `app.synth()`: writes the governance reports to `<outdir>/governance/` and the catalog to
 * `<outdir>/catalog/` (the governance gate of `buildMesh` has written them already; writing again
 * is harmless), prints one summary (every error in full; warnings too with DATAMESH_VERBOSE=1),
 * and when any unwaived error remains removes the stacks and throws SynthesisFailedError, so
 * nothing that failed governance can be deployed.
 */
export function finishSynthesis(app: App, built: BuiltMesh): void {
  const findings = built.governance.findings();
  writeSynthesisReports(app.outdir, built, findings);
  const summary = synthesisSummary(built, findings, { outdir: app.outdir, verbose: isVerbose(app) });
  // Details go to stdout once: `cdktf synth` echoes a failed app's stderr a second time, so
  // stderr gets one line.
  console.log(summary);
  if (built.governance.blocking().length > 0) {
    const message = `synthesis failed governance (${built.governance.blocking().length} unwaived error(s), listed above)`;
    console.error(`datamesh: ${message}`);
    removeStacks(app.outdir);
    throw new SynthesisFailedError(message, 'governance');
  }
}

/**
 * Child process of the benchmark: synthesizes a contracts folder with the library, as
 * stacks/main.ts does (synthMesh: domain by domain, then reports and catalog), and prints one JSON line with its
 * timings, the governance share and its peak RSS. Run in a fresh process per measurement so that
 * nothing (module cache, JIT, heap) carries over from one step to the next.
 *
 *   node bin/run-typescript.js bench/synth-library.ts <contractsDir> <outdir>
 *   node bin/run-typescript.js bench/synth-library.ts --load-only   (fills the transpile cache)
 */
const started = performance.now();
import { tracingChannel } from 'diagnostics_channel';
import { GOVERNANCE_CHANNEL, type GovernanceTrace } from '../src/governance/trace';
import { synthMesh, SynthesisFailedError } from '../src/synthesis';
import { ENVIRONMENT } from './generate-mesh';
import { emitResult, type SynthResult } from './synth-result';

if (process.argv[2] === '--load-only') process.exit(0);
const [contractsDir, outdir] = process.argv.slice(2);
if (!contractsDir || !outdir) throw new Error('usage: synth-library.ts <contractsDir> <outdir>');

// Time spent in governance: contract rules in buildMesh, resource rules in the aspect's validation.
// Nested spans (none today) would be counted once, by the outermost.
const governance = { ms: 0, depth: 0, start: 0 };
tracingChannel<unknown, GovernanceTrace>(GOVERNANCE_CHANNEL).subscribe({
  start: () => {
    if (governance.depth++ === 0) governance.start = performance.now();
  },
  end: () => {
    if (--governance.depth === 0) governance.ms += performance.now() - governance.start;
  },
  asyncStart: () => undefined,
  asyncEnd: () => undefined,
  error: () => undefined,
});

const imported = performance.now();
// synthMesh names no output folder: the App reads it from CDKTF_OUTDIR, as under `cdktf synth`.
process.env.CDKTF_OUTDIR = outdir;
let built;
try {
  built = synthMesh({ contractsDir, environment: ENVIRONMENT });
} catch (error) {
  // Blocking findings are printed on stdout; say why in a form the parent can show.
  if (error instanceof SynthesisFailedError) throw new Error(`governance: ${error.message}`);
  throw error;
}
const finished = performance.now();

const result: SynthResult = {
  startupMs: started,
  importMs: imported - started,
  workMs: finished - imported,
  governanceMs: governance.ms,
  findings: built.governance.findings().length,
  maxRssKb: process.resourceUsage().maxRSS,
};
emitResult(result);

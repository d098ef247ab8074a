/** What a synthesis child process reports to the benchmark: one JSON line on stdout. */
export interface SynthResult {
  /** From process start to the driver's first line: Node and ts-node start-up. */
  readonly startupMs: number;
  /** Loading modules: cdktf, the provider classes, and (library) the TypeScript sources, transpiled by ts-node. */
  readonly importMs: number;
  // The library's phases are not timed apart: synthMesh builds and writes one domain after another.
  /** Minimal program: read YAML, constructs. */
  readonly buildMs?: number;
  /** Minimal program: `app.synth()`, resolve and write every stack. */
  readonly synthMs?: number;
  /** Minimal program: 0 (no reports). */
  readonly reportsMs?: number;
  /** build + synth + reports: the work that grows with the mesh. */
  readonly workMs: number;
  /** Library: time inside governance spans (contract and resource rules). */
  readonly governanceMs?: number;
  readonly findings?: number;
  /** Peak resident set size of the process, from process.resourceUsage(). */
  readonly maxRssKb: number;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function emitResult(result: SynthResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

export function parseResult(stdout: string): SynthResult | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  return line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as SynthResult) : undefined;
}

/**
 * cdktf records a full stack trace (no depth limit) each time it creates a token: every reference,
 * every nested attribute object of every resource, tens of thousands per domain. The trace is only
 * ever printed when that token later fails to resolve, and never reaches the synthesized JSON
 * (construct metadata keeps no trace). Capturing and formatting them was about a quarter of the
 * CPU time of synthesis as compiled JavaScript (half under ts-node's source-map support) and a
 * third of its peak memory. While the library builds and synthesizes its own stacks, cdktf records
 * an empty trace instead: the output stays byte for byte the same; only an unresolvable token's
 * error loses its "creation stack" section.
 * DATAMESH_TOKEN_STACK_TRACES=1 keeps the traces, for debugging such an error.
 *
 * cdktf calls the function through its module object at every token, so replacing the export for
 * the duration of a call is enough. The module is private to cdktf: the peer range pins 0.21, its
 * last release, and test/constructs/token-stack-traces.test.ts fails if the switch stops working.
 * Should the export ever stop being a function, nothing is replaced and synthesis is merely slower.
 */
import * as cdktfStackTrace from 'cdktf/lib/tokens/private/stack-trace';

interface StackTraceModule {
  captureStackTrace: (below?: unknown) => string[];
}

const tokenTraces = cdktfStackTrace as unknown as StackTraceModule;
const original = typeof tokenTraces.captureStackTrace === 'function' ? tokenTraces.captureStackTrace : undefined;
// cdktf only reads the trace (joins it into an error message): one shared empty array serves all.
const NO_TRACE: string[] = Object.freeze([]) as unknown as string[];
const noTrace = () => NO_TRACE;
let depth = 0;

/** Runs `work` with cdktf's token creation traces switched off (nested calls are fine), then restores them. */
export function withoutTokenStackTraces<T>(work: () => T): T {
  if (!original || process.env.DATAMESH_TOKEN_STACK_TRACES === '1') return work();
  if (depth++ === 0) tokenTraces.captureStackTrace = noTrace;
  try {
    return work();
  } finally {
    if (--depth === 0) tokenTraces.captureStackTrace = original;
  }
}

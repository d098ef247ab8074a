/**
 * Governance work is published on a diagnostics channel, so a tool (the benchmark, a profiler)
 * can time it without the library knowing who listens. Without a subscriber `traceSync` calls
 * straight through: nothing is recorded and nothing is allocated but the context object.
 */
import { tracingChannel } from 'diagnostics_channel';

export const GOVERNANCE_CHANNEL = 'datamesh:governance';

export interface GovernanceTrace {
  /** `contracts`: the contract rules over the mesh; `resources`: the resource rules over one stack. */
  readonly phase: 'contracts' | 'resources';
  /** The domain stack, for resource rules. */
  readonly stack?: string;
}

const channel = tracingChannel<unknown, GovernanceTrace>(GOVERNANCE_CHANNEL);

/** Runs `work` as one traced span of governance. */
export function traceGovernance<T>(trace: GovernanceTrace, work: () => T): T {
  return channel.traceSync(work, { ...trace });
}

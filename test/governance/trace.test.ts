import { App } from 'cdktf';
import { tracingChannel } from 'diagnostics_channel';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { GOVERNANCE_CHANNEL, traceGovernance, type GovernanceTrace } from '../../src/governance/trace';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';

const channel = tracingChannel<unknown, GovernanceTrace>(GOVERNANCE_CHANNEL);

/** Records the governance spans published while `work` runs. */
function spansDuring(work: () => void): string[] {
  const spans: string[] = [];
  const subscribers = {
    start: (trace: GovernanceTrace) => spans.push(`start ${trace.phase}${trace.stack ? ` ${trace.stack}` : ''}`),
    end: (trace: GovernanceTrace) => spans.push(`end ${trace.phase}${trace.stack ? ` ${trace.stack}` : ''}`),
    asyncStart: () => undefined,
    asyncEnd: () => undefined,
    error: () => undefined,
  };
  channel.subscribe(subscribers);
  try {
    work();
  } finally {
    channel.unsubscribe(subscribers);
  }
  return spans;
}

describe('governance trace', () => {
  it('publishes one span for the contract rules and one per stack for the resource rules', () => {
    const spans = spansDuring(() => {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-trace-')) });
      buildMesh(app, { contractsDir: REFERENCE_CONTRACTS });
      app.synth();
    });
    expect(spans).toEqual(['start contracts', 'end contracts', ...['customer', 'payments', 'sales'].flatMap((stack) => [`start resources ${stack}`, `end resources ${stack}`])]);
  });

  it('returns what the traced work returns, listened to or not', () => {
    expect(traceGovernance({ phase: 'contracts' }, () => 42)).toBe(42);
    let result: number | undefined;
    expect(spansDuring(() => (result = traceGovernance({ phase: 'contracts' }, () => 7)))).toEqual(['start contracts', 'end contracts']);
    expect(result).toBe(7);
  });
});

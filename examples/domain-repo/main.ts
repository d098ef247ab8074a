import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { synthMesh, SynthesisFailedError } from '@datamesh/platform';

// One call does it all: load and validate contracts/, one stack per domain, governance, reports
// and the catalog. `customize` is where the team adds its own resources; governance checks them.
try {
  synthMesh({
    contractsDir: 'contracts',
    customize: ({ stacks }) => {
      new SqsQueue(stacks.get('sales')!, 'order-events', {
        name: 'acme-sales-order-events',
        sqsManagedSseEnabled: true,
        tags: { DataProduct: 'orders', Classification: 'internal', ContractVersion: 'n/a', Status: 'active' },
      });
    },
  });
} catch (error) {
  // Invalid contracts or governance errors: already printed, stacks removed; fail the synth.
  if (!(error instanceof SynthesisFailedError)) throw error;
  process.exitCode = 1;
}

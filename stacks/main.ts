import { synthMesh, SynthesisFailedError } from '../src';

// The app stays thin: everything it builds comes from the contracts folder
// ($DATAMESH_CONTRACTS, default contracts/) for the environment $DATAMESH_ENV (default dev).
try {
  synthMesh();
} catch (error) {
  // Already printed, stacks removed: only the exit status is left to set, here at the edge.
  if (!(error instanceof SynthesisFailedError)) throw error;
  process.exitCode = 1;
}

/**
 * The read-ahead thread (see read-ahead.ts): takes the next file nobody has taken, works out what
 * prefetch.ts can for it, hands the answer over and marks the file done, until none is left or the
 * loader says stop.
 */
import { workerData } from 'worker_threads';
import { prefetchContract, type Prefetched } from './prefetch';
import { DONE, NEXT, STOP, type Handed, type ReadAheadData } from './read-ahead-protocol';

const { files, state: buffer, port } = workerData as ReadAheadData;
const state = new Int32Array(buffer);

try {
  for (;;) {
    if (Atomics.load(state, STOP) !== 0) break;
    const index = Atomics.add(state, NEXT, 1);
    if (index >= files.length) break;
    let answer: Prefetched | undefined;
    try {
      answer = prefetchContract(files[index]);
    } catch {
      // Whatever went wrong, the loader reads this file itself and reports it.
      answer = undefined;
    }
    if (answer) (port).postMessage({ index, ...answer } satisfies Handed);
    Atomics.store(state, DONE + index, answer ? 1 : 2);
    Atomics.notify(state, DONE + index);
  }
} finally {
  // Anything still waiting on this thread stops waiting: the loader does the rest itself.
  Atomics.store(state, STOP, 2);
  for (let index = 0; index < files.length; index++) Atomics.notify(state, DONE + index);
}

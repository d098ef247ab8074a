/**
 * How the loader and its read-ahead thread share the work (read-ahead.ts, read-ahead-worker.ts).
 * `state` is shared memory: NEXT is the first file nobody has taken, STOP is set by either side
 * (1: the loader needs no more, 2: the thread is done), and DONE + i says what became of file i:
 * 0 not done yet, 1 its answer was posted, 2 the thread left it to the loader.
 */
import type { MessagePort } from 'worker_threads';
import type { Prefetched } from './prefetch';

export const NEXT = 0;
export const STOP = 1;
export const DONE = 2;

export interface ReadAheadData {
  readonly files: readonly string[];
  readonly state: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** An answer as posted: the file's index in `files`, and what prefetch.ts found. */
export interface Handed extends Prefetched {
  readonly index: number;
}

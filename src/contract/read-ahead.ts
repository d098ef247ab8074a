/**
 * Reading contracts on two cores. Loading a large mesh is mostly reading: each contract is parsed
 * and checked against its schema before the loader can normalize it. A thread started here does
 * that part ahead of the loader, in the loader's order, while the loader normalizes the contracts
 * already read. Each file is taken by one side only, whichever gets to it first (a shared
 * counter), so the loader never waits for a file the thread has not started: it reads it itself,
 * as it does every file when the thread is slow to start, fails, or is not worth starting.
 *
 * The thread answers only for files with nothing to report (prefetch.ts) and hands over their
 * text and values; the loader builds everything else, locations included, from them. What a
 * mesh loads, and every error and location, is the same with or without the thread
 * (test/contract/read-ahead.test.ts compares them).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { prefetchContract, type Prefetched } from './prefetch';
import { DONE, NEXT, STOP, type Handed, type ReadAheadData } from './read-ahead-protocol';

/**
 * `auto`: a thread for meshes of READ_AHEAD_FROM contracts or more, on a machine with two cores or
 * more. `off`: none. `wait`: always one, and the loader waits for it on every file (tests use it
 * to see the thread's answers used).
 */
export type ReadAheadMode = 'auto' | 'off' | 'wait';

/** Below this many contracts, starting a thread (about 0.1 s of one core) saves less than it costs. */
export const READ_AHEAD_FROM = 64;

/** How long the loader waits on one file the thread took before it reads that file itself. */
const PATIENCE_MS = 20_000;

export interface ReadAhead {
  /**
   * The thread's answer for `files[index]`, or undefined when the loader is to read that file
   * itself. Ask for every index, in order.
   */
  take(index: number): Prefetched | undefined;
  /** Ends the thread; files not taken yet are left to the loader. */
  stop(): void;
}

let served = 0;

/** How many files this process has loaded from the thread's answers: tests check it is used. */
export function readAheadServed(): number {
  return served;
}

export function startReadAhead(files: readonly string[], mode: ReadAheadMode): ReadAhead | undefined {
  if (mode === 'off' || files.length === 0) return undefined;
  if (mode === 'auto' && (files.length < READ_AHEAD_FROM || os.availableParallelism() < 2)) return undefined;
  const entry = workerEntry();
  if (!entry) return undefined;
  const state = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (DONE + files.length)));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const workerData: ReadAheadData = { files, state: state.buffer, port: port2 };
    worker = new Worker(entry.script, { eval: entry.eval, workerData, transferList: [port2], execArgv: [], stdout: true, stderr: true });
  } catch {
    port1.close();
    return undefined;
  }
  // The thread never keeps the process alive, and its failure only leaves files to the loader.
  worker.unref();
  worker.on('error', () => undefined);
  return new SharedReading(files, state, port1, worker, mode === 'wait');
}

class SharedReading implements ReadAhead {
  private readonly early = new Map<number, Handed>();
  /** Files the loader took out of turn while the thread was busy with the one it needed, and its answers. */
  private readonly own = new Map<number, Prefetched | undefined>();
  private abandoned = false;

  constructor(
    private readonly files: readonly string[],
    private readonly state: Int32Array,
    private readonly port: MessagePort,
    private readonly worker: Worker,
    private readonly waitForThread: boolean,
  ) {}

  take(index: number): Prefetched | undefined {
    if (this.own.has(index)) {
      const answer = this.own.get(index);
      this.own.delete(index);
      return answer;
    }
    if (this.abandoned || index >= this.files.length) return undefined;
    if (!this.waitForThread && Atomics.compareExchange(this.state, NEXT, index, index + 1) === index) return undefined;
    if (!this.settled(index)) {
      this.stop();
      return undefined;
    }
    return Atomics.load(this.state, DONE + index) === 1 ? this.receive(index) : undefined;
  }

  stop(): void {
    this.abandoned = true;
    Atomics.compareExchange(this.state, STOP, 0, 1);
    this.port.close();
    void this.worker.terminate();
  }

  /**
   * Until the thread has settled file `index`, the loader reads the next files nobody has taken,
   * rather than wait; false when the thread never will settle it (it ended, or took too long).
   */
  private settled(index: number): boolean {
    const slot = DONE + index;
    const deadline = Date.now() + PATIENCE_MS;
    while (Atomics.load(this.state, slot) === 0) {
      // Either side stopped: the thread ended without taking this file (`wait` mode) or without settling it (it failed).
      if (Atomics.load(this.state, STOP) !== 0 && Atomics.load(this.state, slot) === 0) return false;
      if (Date.now() > deadline) return false;
      if (!this.waitForThread) {
        const ahead = Atomics.add(this.state, NEXT, 1);
        if (ahead < this.files.length) {
          this.own.set(ahead, prefetchAtHome(this.files[ahead]));
          continue;
        }
      }
      Atomics.wait(this.state, slot, 0, 50);
    }
    return true;
  }

  /** The answer for `index`: posted before the file was marked done, so already in the port. */
  private receive(index: number): Prefetched | undefined {
    const early = this.early.get(index);
    if (early) return this.use(index, early);
    for (;;) {
      const message = receiveMessageOnPort(this.port);
      if (!message) return undefined;
      const handed = message.message as Handed;
      if (handed.index === index) return this.use(index, handed);
      this.early.set(handed.index, handed);
    }
  }

  private use(index: number, handed: Handed): Prefetched {
    this.early.delete(index);
    served++;
    return { text: handed.text, value: handed.value, accepted: handed.accepted };
  }
}

/** prefetch.ts on the loader's side, for a file it took out of turn; whatever fails, the full path reads the file again. */
function prefetchAtHome(file: string): Prefetched | undefined {
  try {
    return prefetchContract(file);
  } catch {
    return undefined;
  }
}

/**
 * The thread's script: the compiled worker next to this file in an installed package; in this
 * repository's TypeScript sources, the worker source loaded through bin/run-typescript.js, the
 * same transpile cache `datamesh` uses here. Undefined when neither is there.
 */
function workerEntry(): { script: string; eval: boolean } | undefined {
  const compiled = path.join(__dirname, 'read-ahead-worker.js');
  if (fs.existsSync(compiled)) return { script: compiled, eval: false };
  const source = path.join(__dirname, 'read-ahead-worker.ts');
  const runner = path.join(__dirname, '..', '..', 'bin', 'run-typescript.js');
  if (!fs.existsSync(source) || !fs.existsSync(runner)) return undefined;
  return { script: `require(${JSON.stringify(runner)}).registerCachedTypeScript();\nrequire(${JSON.stringify(source)});`, eval: true };
}

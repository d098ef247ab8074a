/**
 * The read-ahead thread (src/contract/read-ahead.ts) may only make loading faster: a mesh loads
 * the same, every error and location included, whether the loader reads every file itself, waits
 * for the thread on every file, or shares the files with it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeMesh } from '../../bench/generate-mesh';
import { loadMesh, loadMeshWith } from '../../src/contract/mesh';
import { prefetchContract } from '../../src/contract/prefetch';
import { READ_AHEAD_FROM, readAheadServed, startReadAhead } from '../../src/contract/read-ahead';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';

let dir: string;
let contracts: string[];

/** Contract files of `dir` in the order the loader reads them: domains, then files, sorted. */
function contractFiles(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((domain) =>
      fs
        .readdirSync(path.join(root, domain))
        .filter((f) => f !== 'domain.yaml')
        .sort()
        .map((f) => path.join(root, domain, f)),
    );
}

function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-ahead-'));
  writeMesh(dir, { domains: 2, productsPerDomain: 40 });
  contracts = contractFiles(dir);
  expect(contracts.length).toBeGreaterThanOrEqual(READ_AHEAD_FROM);
  const odcs = contracts.filter((f) => f.endsWith('.odcs.yaml'));
  const native = contracts.filter((f) => !f.endsWith('.odcs.yaml'));
  // Files the thread cannot answer for (the loader reads them the full way)...
  edit(native[3], (t) => `${t}broken: [unclosed\n`);
  fs.writeFileSync(native[10], Buffer.concat([Buffer.from('apiVersion: datamesh/v1\nname: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  edit(native[20], (t) => t.replace('\n  ', '\n\t'));
  // ...and files it answers for, that a schema refuses or that name no schema it knows.
  edit(native[30], (t) => `${t}unexpectedKey: true\n`);
  edit(odcs[0], (t) => t.replace(/^apiVersion: .*$/m, 'apiVersion: v2.2.2'));
  edit(odcs[1], (t) => `${t}notAnOdcsField: 1\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loading a mesh with the read-ahead thread', () => {
  it('gives what the loader alone gives, errors, warnings and every location included', () => {
    const alone = loadMeshWith(dir, 'off');
    // The edits above are all reported, each in its own file.
    const files = new Set(alone.errors.map((e) => e.file));
    expect(files.size).toBe(6);

    const servedBefore = readAheadServed();
    const waiting = loadMeshWith(dir, 'wait');
    // Every file but the three with nothing the fast way can read came from the thread.
    expect(readAheadServed() - servedBefore).toBe(contracts.length - 3);
    expect(waiting).toEqual(alone);
    // Locations find their line when read: JSON reads them all.
    expect(JSON.stringify(waiting)).toBe(JSON.stringify(alone));

    const shared = loadMeshWith(dir, 'auto');
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
  });

  it('gives the same clean mesh, with the thread answering for every file', () => {
    const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'read-ahead-clean-'));
    try {
      writeMesh(clean, { domains: 3, productsPerDomain: 25 });
      const alone = loadMeshWith(clean, 'off');
      expect(alone.errors).toEqual([]);
      expect(alone.value!.products).toHaveLength(75);
      const servedBefore = readAheadServed();
      const waiting = loadMeshWith(clean, 'wait');
      expect(readAheadServed() - servedBefore).toBe(75);
      expect(JSON.stringify(waiting)).toBe(JSON.stringify(alone));
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('starts no thread for a small mesh', () => {
    const servedBefore = readAheadServed();
    expect(loadMesh(REFERENCE_CONTRACTS).errors).toEqual([]);
    expect(readAheadServed()).toBe(servedBefore);
    expect(startReadAhead(contracts.slice(0, READ_AHEAD_FROM - 1), 'auto')).toBeUndefined();
  });

  it('answers each file as prefetch.ts does, and leaves the rest to the loader once stopped', () => {
    const ahead = startReadAhead(contracts, 'wait')!;
    expect(ahead).toBeDefined();
    const first = ahead.take(0);
    expect(first).toEqual(prefetchContract(contracts[0]));
    expect(first!.accepted).toEqual(['data-product']);
    ahead.stop();
    // Once stopped, no file waits for the thread: the loader reads each itself.
    for (let index = 1; index < contracts.length; index++) expect(ahead.take(index)).toBeUndefined();
  });
});

describe('what the thread answers for a file (prefetch.ts)', () => {
  it('nothing for a file with anything to report, so that the loader reports it', () => {
    const odd = contractFiles(dir).filter((f) => prefetchContract(f) === undefined);
    expect(odd).toHaveLength(3);
  });

  it('the schema that accepts a clean file, and none that refuses it', () => {
    const answers = contracts.map((file) => prefetchContract(file)).filter((a) => a !== undefined);
    const byAccepted = new Map<string, number>();
    for (const answer of answers) byAccepted.set(answer.accepted.join(',') || 'none', (byAccepted.get(answer.accepted.join(',') || 'none') ?? 0) + 1);
    // Native contracts by data-product, ODCS by the schema of their version; the refused and the v2 one by none.
    expect(byAccepted.get('none')).toBe(3);
    expect([...byAccepted.keys()].sort()).toEqual(['data-product', 'none', 'odcs-v3.1']);
  });
});

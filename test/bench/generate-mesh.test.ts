import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ENVIRONMENT, generateMesh, parseSize, writeMesh, type GeneratedMesh } from '../../bench/generate-mesh';
import { buildMesh } from '../../src/build-mesh';
import { loadMesh } from '../../src/contract/mesh';
import { governContracts } from '../../src/governance/evaluate';

const SMALL = { domains: 2, productsPerDomain: 3, odcsEvery: 2 };

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-bench-test-'));
}

describe('benchmark mesh generator', () => {
  let dir: string;
  let contracts: string;
  let generated: GeneratedMesh;
  beforeAll(() => {
    dir = tempDir();
    contracts = path.join(dir, 'contracts');
    generated = writeMesh(contracts, SMALL);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes platform.yaml, a domain.yaml per domain and every product, native and ODCS', () => {
    expect(generated.products).toHaveLength(6);
    const files = generated.files.map((f) => f.path);
    expect(files).toContain('platform.yaml');
    expect(files.filter((f) => f.endsWith('/domain.yaml'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.odcs.yaml')).length).toBeGreaterThan(0);
    for (const file of files) expect(fs.existsSync(path.join(contracts, file))).toBe(true);
  });

  it('loads with no error and no warning, and the contract rules find nothing', () => {
    const { value: mesh, errors, warnings } = loadMesh(contracts);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(mesh!.products).toHaveLength(6);
    expect(governContracts(mesh!)).toEqual({ errors: [], findings: [] });
  });

  it('synthesizes with no governance finding, resource rules included', () => {
    const app = new App({ outdir: path.join(dir, 'out') });
    const built = buildMesh(app, { contractsDir: contracts, environment: ENVIRONMENT });
    app.synth();
    expect(built.governance.findings()).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'out', 'stacks')).sort()).toEqual([...generated.domains].sort());
  });

  it('writes realistic contracts: 8-30 columns, PII classified, partitions, consumers, key quality rules', () => {
    const { products } = generateMesh({ domains: 4, productsPerDomain: 25 });
    for (const product of products) {
      expect(product.columns.length).toBeGreaterThanOrEqual(8);
      expect(product.columns.length).toBeLessThanOrEqual(30);
      expect(product.quality.filter((q) => q.rule === 'not_null' || q.rule === 'unique').length).toBeGreaterThanOrEqual(2);
      expect(product.columns.every((c) => c.description.length > 0)).toBe(true);
      if (product.columns.some((c) => c.classification === 'pii')) expect(product.retention).toBeDefined();
      expect(product.consumers.filter((c) => c.domain && c.domain !== product.domain).length).toBeLessThanOrEqual(3);
    }
    const share = (test: (p: (typeof products)[number]) => boolean) => products.filter(test).length / products.length;
    expect(share((p) => p.columns.some((c) => c.classification === 'pii'))).toBeGreaterThan(0.2);
    expect(share((p) => p.partitionBy.length > 0)).toBeGreaterThan(0.2);
    expect(share((p) => p.consumers.some((c) => c.pii === true))).toBeGreaterThan(0.05);
    expect(share((p) => p.columns.some((c) => c.type.startsWith('decimal(')))).toBeGreaterThan(0.5);
    expect(share((p) => p.columns.some((c) => c.type.includes('<')))).toBeGreaterThan(0.5);
  });
});

describe('benchmark mesh determinism', () => {
  it('generates the same files for the same seed, and others for another seed', () => {
    const first = generateMesh({ ...SMALL, seed: 7 });
    expect(generateMesh({ ...SMALL, seed: 7 }).files).toEqual(first.files);
    expect(generateMesh({ ...SMALL, seed: 8 }).files).not.toEqual(first.files);
  });

  it('keeps a product the same however many products its domain has, so sizes compare like for like', () => {
    const small = generateMesh({ domains: 2, productsPerDomain: 3 });
    const large = generateMesh({ domains: 2, productsPerDomain: 30 });
    for (const file of small.files.filter((f) => !f.path.endsWith('domain.yaml') && f.path !== 'platform.yaml')) {
      expect(large.files.find((f) => f.path === file.path)?.text).toBe(file.text);
    }
  });

  it('reads sizes as DOMAINSxPRODUCTS', () => {
    expect(parseSize('20x100')).toEqual({ domains: 20, productsPerDomain: 100 });
    expect(() => parseSize('20*100')).toThrow(/DOMAINSxPRODUCTS/);
  });
});

/**
 * Issue #18: clean YAML files are read by js-yaml (src/contract/fast-yaml.ts) and their positions
 * found only when a location is read. The `yaml` package stays the reference: for every file the
 * fast path takes, it must give the same values, the same errors (none) and the same locations as
 * the full path; every other file must go the full way. The reference is this same code with the
 * fast path switched off.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateMesh, writeMesh } from '../../bench/generate-mesh';
import { evaluateContractRules } from '../../src/cli/contract-rules';
import { untrusted } from '../../src/constructs/terraform-text';
import { validatePaths } from '../../src/cli/validation';
import { fastYamlValue } from '../../src/contract/fast-yaml';
import { loadMesh, loadProductText } from '../../src/contract/mesh';
import { SourceDocument, yamlTreesBuilt, type DocPath } from '../../src/contract/source';

type SourceModule = typeof import('../../src/contract/source');
type MeshModule = typeof import('../../src/contract/mesh');

/** The loader with the fast path switched off: what every file went through before. */
const reference = ((): { source: SourceModule; mesh: MeshModule } => {
  let modules: { source: SourceModule; mesh: MeshModule } | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../src/contract/fast-yaml', () => ({ fastYamlValue: () => undefined }));
    modules = { source: jest.requireActual<SourceModule>('../../src/contract/source'), mesh: jest.requireActual<MeshModule>('../../src/contract/mesh') };
  });
  jest.dontMock('../../src/contract/fast-yaml');
  return modules!;
})();

const ROOT = path.join(__dirname, '..', '..');

function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f) && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f));
}

/** Every path to a value of the document, and one that does not exist below each mapping. */
function pathsOf(value: unknown, at: DocPath = []): DocPath[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsOf(item, [...at, index]))];
  if (value !== null && typeof value === 'object') {
    return [...here, [...at, 'no-such-key'], ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  }
  return here;
}

/** Same values, same errors, and the same location for every path, offsets inside text included. */
function expectSameAsReference(file: string, text: string): void {
  const fast = SourceDocument.parse(file, text);
  const full = reference.source.SourceDocument.parse(file, text);
  expect(fast.errors).toEqual(full.errors);
  expect(fast.document === undefined).toBe(full.document === undefined);
  if (!fast.document || !full.document) return;
  expect(fast.document.toJS()).toStrictEqual(full.document.toJS());
  const fastDocument = fast.document;
  const fullDocument = full.document;
  const paths = pathsOf(full.document.toJS());
  // Spread and JSON as the callers use them: the lazy line and column must come along. One
  // comparison per file, so that a difference still names its path.
  const located = (document: SourceDocument, spread: (location: object) => object) =>
    paths.map((at) => ({ at, value: spread(document.locate(at)), key: spread(document.locate(at, 'key')), within: spread(document.locateWithin(at, 2)) }));
  expect(located(fastDocument, (l) => ({ ...l }))).toStrictEqual(located(fullDocument, (l) => l));
  expect(located(fastDocument, (l) => JSON.parse(JSON.stringify(l)) as object)).toStrictEqual(located(fullDocument, (l) => l));
}

describe('the fast YAML path', () => {
  const repositoryFiles = ['contracts', 'examples', path.join('test', 'fixtures')].flatMap((dir) => yamlFilesUnder(path.join(ROOT, dir)));

  it('reads every YAML file of the repository as the yaml package does, and takes most of them', () => {
    expect(repositoryFiles.length).toBeGreaterThan(50);
    let fast = 0;
    for (const file of repositoryFiles) {
      const text = fs.readFileSync(file, 'utf8');
      if (fastYamlValue(text)) fast++;
      expectSameAsReference(path.relative(ROOT, file), text);
    }
    // The hostile and broken fixtures go the full way; the reference mesh and the examples do not.
    expect(fast / repositoryFiles.length).toBeGreaterThan(0.8);
    for (const file of yamlFilesUnder(path.join(ROOT, 'contracts'))) expect(fastYamlValue(fs.readFileSync(file, 'utf8'))).toBeDefined();
  });

  it('takes every file of a generated mesh, with the same values and locations', () => {
    const mesh = generateMesh({ domains: 2, productsPerDomain: 5 });
    for (const file of mesh.files) {
      expect(fastYamlValue(file.text)).toBeDefined();
      expectSameAsReference(file.path, file.text);
    }
  });

  it('leaves the normalizers with the same specs, every location in them included', () => {
    const mesh = generateMesh({ domains: 2, productsPerDomain: 10 });
    const contracts = mesh.files.filter((f) => !/(^|\/)(domain|platform)\.yaml$/.test(f.path));
    expect(contracts.length).toBe(20);
    for (const file of contracts) {
      const domain = file.path.split('/')[0];
      expect(loadProductText(file.path, file.text, domain)).toEqual(reference.mesh.loadProductText(file.path, file.text, domain));
    }
    const contractsDir = path.join(ROOT, 'contracts');
    expect(loadMesh(contractsDir)).toEqual(reference.mesh.loadMesh(contractsDir));
  });
});

describe('validating a clean mesh', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fast-yaml-'));
    const mesh = writeMesh(dir, { domains: 2, productsPerDomain: 10 });
    // Both formats: ODCS contracts are read by their own normalizer.
    expect(mesh.files.some((f) => f.text.includes('kind: DataContract'))).toBe(true);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("builds no yaml document, even when locations are read: they come from js-yaml's offsets", () => {
    const expected = reference.mesh.loadMesh(dir).value!.products;
    const before = yamlTreesBuilt();
    const report = validatePaths([dir], evaluateContractRules);
    expect(report.findings).toEqual([]);
    expect(report.products).toBe(20);
    const loaded = loadMesh(dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.value!.products).toHaveLength(20);
    // JSON reads every line and column of every product: the same as the full path's, and no document built.
    for (const product of loaded.value!.products) expect(JSON.stringify(product)).toBe(JSON.stringify(expected.find((p) => p.id === product.id)));
    expect(yamlTreesBuilt()).toBe(before);
  });

  it('finds a location js-yaml does not vouch for (a block scalar) when it is read, through the copies constructs receive', () => {
    const text = 'apiVersion: datamesh/v1\ndescription: >\n  Folded\n  text.\nname: orders\n';
    const fast = SourceDocument.parse('shop/orders.yaml', text).document!;
    const full = reference.source.SourceDocument.parse('shop/orders.yaml', text).document!;
    const before = yamlTreesBuilt();
    expect(fast.locate(['name'])).toStrictEqual({ file: 'shop/orders.yaml', line: 5, column: 7 });
    expect(yamlTreesBuilt()).toBe(before);
    const folded = fast.locate(['description']);
    const copy = untrusted({ location: folded }).location;
    expect(yamlTreesBuilt()).toBe(before);
    expect(copy).not.toBe(folded);
    expect({ ...copy }).toStrictEqual({ ...full.locate(['description']) });
    expect({ ...copy }).toStrictEqual({ file: 'shop/orders.yaml', line: 2, column: 14 });
    expect(yamlTreesBuilt()).toBe(before + 1);
  });
});

/** `[what it shows, YAML text, whether the fast path takes it]`. */
const EDGE_CASES: readonly (readonly [string, string, boolean])[] = [
  // Plain scalars of the YAML 1.2 core schema, as the yaml package resolves them.
  ['null as ~', 'v: ~\n', true],
  ['null as Null', 'v: Null\n', true],
  ['null as NULL', 'v: NULL\n', true],
  ['an empty value', 'v:\nw: 1\n', true],
  ['an empty list item', 'v:\n  -\n  - 1\n', true],
  ['true as TRUE', 'v: TRUE\n', true],
  ['false as False', 'v: False\n', true],
  ['yes, on and tRUE stay text', 'v: [yes, on, tRUE]\n', true],
  ['an octal 0o17', 'v: 0o17\n', true],
  ['0o8 stays text', 'v: 0o8\n', true],
  ['a hex 0x1F', 'v: 0x1F\n', true],
  ['a signed hex stays text', 'v: [-0x1F, +0x1]\n', true],
  ['a signed +1', 'v: +1\n', true],
  ['minus zero', 'v: -0\n', true],
  ['a leading zero 0777 is decimal', 'v: 0777\n', true],
  ['.5', 'v: .5\n', true],
  ['1.', 'v: 1.\n', true],
  ['1.50 keeps its value', 'v: 1.50\n', true],
  ['1e3', 'v: 1e3\n', true],
  ['1E-3', 'v: 1E-3\n', true],
  ['a lone dot stays text', 'v: .\n', true],
  ['.Inf is reported as not finite', 'v: .Inf\n', false],
  ['-.inf is reported as not finite', 'v: -.inf\n', false],
  ['.NaN is reported as not finite', 'v: .NaN\n', false],
  ['-.nan stays text', 'v: -.nan\n', true],
  ['1e999 is reported as not finite', 'v: 1e999\n', false],
  ['1_000 stays text (YAML 1.1 only)', 'v: 1_000\n', true],
  ['0b1 stays text (YAML 1.1 only)', 'v: 0b1\n', true],
  ['a date stays text', 'v: 2024-01-01\n', true],
  ['a sexagesimal 1:20 stays text', 'v: 1:20\n', true],
  ['the largest exact integer', 'v: 9007199254740992\n', true],
  ['9007199254740993 is reported as inexact', 'v: 9007199254740993\n', false],
  ['a huge integer is reported as inexact', 'v: 123456789012345678901234567890\n', false],
  ['1.0000000000000000001 is reported as inexact', 'v: 1.0000000000000000001\n', false],
  // Quoted and block forms are text.
  ['quoted forms', 'a: "1"\nb: \'true\'\nc: "~"\nd: \'it\'\'s\'\ne: "a\\"b"\n', true],
  ['unicode escapes', 'v: "caf\\u00e9 \\x41"\n', true],
  ['an escape beyond the BMP goes the full way, where surrogates are checked', 'v: "\\U0001F600"\n', false],
  ['an escape that makes a control character', 'v: "bell\\a"\n', false],
  ['an escape that makes a lone surrogate', 'v: "\\ud800"\n', false],
  ['literal block, clip', 'v: |\n  one\n  two\n\nw: 1\n', true],
  ['literal block, strip', 'v: |-\n  one\n\nw: 1\n', true],
  ['literal block, keep', 'v: |+\n  one\n\n\nw: 1\n', true],
  ['folded block', 'v: >\n  one\n  two\n\n  three\n    indented\n', true],
  ['folded block, strip and keep', 'v: >-\n  one\nw: >+\n  two\n\n', true],
  ['block with an indentation indicator', 'v: |2\n    indented\n', true],
  ['multi-line plain text', 'v: one\n  two\n\n  three\n', true],
  ['multi-line quoted text', 'v: "one\n  two"\nw: \'three\n\n  four\'\n', true],
  ['flow collections', 'v: {a: [1, {b: c}], d: []}\nw: [x, "y", {}]\n', true],
  ['a merge key << is a plain key in YAML 1.2', 'base: {a: 1}\nv:\n  <<: {a: 2}\n  b: 3\n', true],
  ['comments', '# head\nv: 1 # after\n# between\nw:\n  - a # item\n', true],
  ['a document start marker', '---\nv: 1\n...\n', true],
  ['an indented document marker is text', 'v:\n  ---\n', false],
  ['a quoted key', '"a key": 1\n\'b\': 2\n', true],
  ['an empty string key', '"": 1\n', true],
  // Everything else goes the full way.
  ['CRLF line ends', 'v: 1\r\nw: two\r\n', false],
  ['a tab', 'v:\t1\n', false],
  ['a byte order mark', '\ufeffv: 1\n', false],
  ['a duplicate key', 'v: 1\nv: 2\n', false],
  ['a key that differs in type only', '1: a\n"1": b\n', false],
  ['a number key', '200: ok\n', false],
  ['a null key', '~: x\n', false],
  ['a boolean key', 'true: x\n', false],
  ['a collection key', '[a, b]: c\n', false],
  ['an explicit key', '? v\n: 1\n', false],
  ['__proto__', '__proto__: {polluted: true}\n', false],
  ['a core tag', 'v: !!str 1\n', false],
  ['an unknown tag', 'v: !custom x\n', false],
  ['a YAML 1.1 tag', 'v: !!timestamp 2024-01-01\n', false],
  ['an anchor and alias', 'a: &x {b: 1}\nc: *x\n', false],
  ['an unresolved alias', 'a: *nowhere\n', false],
  [
    'an alias bomb',
    `a: &a [x, x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join('\n')}\n`,
    false,
  ],
  ['a %YAML 1.1 directive', '%YAML 1.1\n---\nv: yes\n', false],
  ['a %YAML 1.2 directive', '%YAML 1.2\n---\nv: 1\n', false],
  ['two documents', 'v: 1\n---\nw: 2\n', false],
  ['an empty file', '', false],
  ['only a comment', '# nothing\n', false],
  ['a raw control character', 'v: a\u0007b\n', false],
  ['a key over 1024 characters from its colon', `${'k'.repeat(1030)}: 1\n`, false],
  ['a comment without a space', 'v: "a"#b\n', false],
  ['a syntax error', 'v: [1, 2\n', false],
  ['bad indentation', 'v:\n  a: 1\n b: 2\n', false],
];

describe('edge cases of YAML 1.2', () => {
  it.each(EDGE_CASES)('%s: same values and errors as the yaml package', (_what, text, fast) => {
    expect(fastYamlValue(text) !== undefined).toBe(fast);
    expectSameAsReference('edge.yaml', text);
  });

  it('gives the core schema values the yaml package gives', () => {
    const value = fastYamlValue('a: 0o17\nb: 0x1F\nc: -0\nd: 0777\ne: 1_000\nf: .5\ng: ~\nh: TRUE\ni: 1:20\nj: 2024-01-01\n')?.value;
    expect(value).toStrictEqual({ a: 15, b: 31, c: -0, d: 777, e: '1_000', f: 0.5, g: null, h: true, i: '1:20', j: '2024-01-01' });
    expect(Object.is((value as { c: number }).c, -0)).toBe(true);
  });
});

describe('random edits of a contract', () => {
  /** Pieces of YAML syntax that change how a file reads, inserted at random places. */
  const PIECES = [
    ' ',
    '\n',
    ':',
    ': ',
    '- ',
    '#',
    ' #',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    '|',
    '>-',
    '&a ',
    '*a',
    '!',
    '? ',
    '%',
    '@',
    '---',
    '\\',
    '\\x41',
    '0o17',
    '1e3',
    '-0',
    '1_000',
    'True',
    '~',
    '\n  ',
    '\n- ',
    '"a"#b',
    'a: b: c',
    '{a: [b]}',
  ];

  it('never gives a value the yaml package would not give, and still takes some of them', () => {
    let seed = 18;
    const random = () => {
      // mulberry32, as the bench generator: the same edits on every run.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const original = fs.readFileSync(path.join(ROOT, 'contracts', 'sales', 'orders.yaml'), 'utf8');
    let fast = 0;
    for (let i = 0; i < 300; i++) {
      let text = original;
      for (let edit = 0; edit < 1 + Math.floor(random() * 3); edit++) {
        const at = Math.floor(random() * text.length);
        text = random() < 0.6 ? text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
      }
      const read = fastYamlValue(text);
      if (!read) continue;
      fast++;
      const full = reference.source.SourceDocument.parse('edited.yaml', text);
      expect({ errors: full.errors, value: full.document?.toJS() }).toStrictEqual({ errors: [], value: read.value });
    }
    expect(fast).toBeGreaterThan(50);
  });
});

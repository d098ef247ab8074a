/**
 * `npm run bench`: generates meshes of D domains x P products in a temporary folder and measures,
 * each step in a fresh process: `datamesh validate`, synthesis with the library, and synthesis by
 * a minimal cdktf program that builds the same resources without it (bench/minimal-program.ts).
 * Prints a table (min / median of the repetitions) and checks the targets of the benchmark issue.
 *
 *   npm run bench -- [--sizes 10x10,10x100,20x100] [--repeat 3] [--json results.json] [--seed 1] [--old <checkout>]
 *   npm run bench -- --smoke      a 2x3 mesh once: fails if any step fails or governance finds errors
 *
 * --old names another checkout (e.g. `git worktree add ../old <commit>`, node_modules installed or
 * linked): its validate and library synthesis run interleaved with this one's, as they ran then.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeMesh, type MeshSize, parseSize } from './generate-mesh';
import { buildDist, median, min, PROJECT_ROOT, runSynth, runValidate, warmUp, type SynthProgram, type SynthRun, type ValidateRun } from './measure';

interface Options {
  readonly sizes: readonly MeshSize[];
  readonly repeat: number;
  readonly smoke: boolean;
  readonly json?: string;
  readonly seed: number;
  readonly old?: string;
}

interface SizeResult {
  readonly size: string;
  readonly domains: number;
  readonly products: number;
  readonly validate: readonly ValidateRun[];
  /** The same command as an installed package runs it (compiled dist/). */
  readonly installed: readonly ValidateRun[];
  readonly library: readonly SynthRun[];
  readonly minimal: readonly SynthRun[];
  readonly oldValidate?: readonly ValidateRun[];
  readonly oldInstalled?: readonly ValidateRun[];
  readonly oldLibrary?: readonly SynthRun[];
}

const LIBRARY: SynthProgram = { checkout: PROJECT_ROOT, driver: 'synth-library.ts', launch: 'compiled' };
const MINIMAL: SynthProgram = { checkout: PROJECT_ROOT, driver: 'minimal-program.ts', launch: 'cdktf-init' };
/** The library before the speed work, as its cdktf.json started it. */
const oldLibrary = (checkout: string): SynthProgram => ({ checkout, driver: 'synth-library.ts', launch: 'ts-node-transpile' });

/** Resource counts of the minimal program may differ from the library's by this share at most. */
const RESOURCE_TOLERANCE = 0.02;
const TARGETS = { ratio: 0.5, ratioProducts: [1000, 2000], governanceShare: 0.1, validateMs: 1000, products: 1000, rssMbPerProduct: 0.5, rssProducts: 2000 };

function parseArgs(argv: readonly string[]): Options {
  let sizes = ['10x10', '10x100', '20x100'];
  let repeat = 3;
  let smoke = false;
  let json: string | undefined;
  let seed = 1;
  let old: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    switch (argv[i]) {
      case '--sizes':
        sizes = value().split(',');
        break;
      case '--repeat':
        repeat = positive(value(), '--repeat');
        break;
      case '--smoke':
        smoke = true;
        break;
      case '--json':
        json = path.resolve(value());
        break;
      case '--seed':
        seed = positive(value(), '--seed');
        break;
      case '--old':
        old = path.resolve(value());
        break;
      case '--help':
      case '-h':
        process.stdout.write('usage: npm run bench -- [--sizes 10x10,10x100,20x100] [--repeat 3] [--json file] [--seed 1] [--old checkout] [--smoke]\n');
        process.exit(0);
      default:
        throw new Error(`unknown argument ${argv[i]} (try --help)`);
    }
  }
  if (old && !fs.existsSync(path.join(old, 'bench', 'synth-library.ts'))) throw new Error(`--old ${old}: no bench/synth-library.ts there`);
  if (smoke) return { sizes: [parseSize('2x3')], repeat: 1, smoke, json, seed, old };
  return { sizes: sizes.map(parseSize), repeat, smoke, json, seed, old };
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive integer, got "${text}"`);
  return n;
}

function measureSize(size: MeshSize, options: Options, log: (line: string) => void): SizeResult {
  const label = `${size.domains}x${size.productsPerDomain}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `datamesh-bench-${label}-`));
  try {
    const contracts = path.join(work, 'contracts');
    const mesh = writeMesh(contracts, { ...size, seed: options.seed });
    log(`${label}: ${mesh.products.length} products in ${contracts}`);
    // The first run fills the CLI's compile cache; it is also the check that the mesh is valid.
    const warm = runValidate(contracts);
    if (warm.errors > 0 || warm.products !== mesh.products.length) {
      throw new Error(`the generated mesh does not validate: ${warm.errors} error(s), ${warm.products} of ${mesh.products.length} products checked`);
    }
    warmUp(LIBRARY);
    if (options.old) runValidate(contracts, options.old);
    const validate: ValidateRun[] = [];
    const installed: ValidateRun[] = [];
    const oldInstalled: ValidateRun[] = [];
    const library: SynthRun[] = [];
    const minimal: SynthRun[] = [];
    const oldValidate: ValidateRun[] = [];
    const oldSynth: SynthRun[] = [];
    for (let run = 1; run <= options.repeat; run++) {
      // Interleaved, so a busy moment on a shared machine hits all steps alike.
      validate.push(runValidate(contracts));
      installed.push(runValidate(contracts, PROJECT_ROOT, 'installed'));
      if (options.old) oldValidate.push(runValidate(contracts, options.old));
      if (options.old) oldInstalled.push(runValidate(contracts, options.old, 'installed'));
      library.push(runSynth(LIBRARY, contracts, path.join(work, 'out-library')));
      minimal.push(runSynth(MINIMAL, contracts, path.join(work, 'out-minimal')));
      if (options.old) oldSynth.push(runSynth(oldLibrary(options.old), contracts, path.join(work, 'out-old')));
      const [v, l, m] = [validate[run - 1], library[run - 1], minimal[run - 1]];
      const before = options.old
        ? `; old: validate ${s(oldValidate[run - 1].wallMs)} s (installed ${s(oldInstalled[run - 1].wallMs)} s), library ${s(oldSynth[run - 1].wallMs)} s (${mb(oldSynth[run - 1].maxRssKb * 1024)} MB)`
        : '';
      log(
        `  run ${run}/${options.repeat}: validate ${s(v.wallMs)} s (installed ${s(installed[run - 1].wallMs)} s), library ${s(l.wallMs)} s (${mb(l.maxRssKb * 1024)} MB), minimal ${s(m.wallMs)} s (${mb(m.maxRssKb * 1024)} MB)${before}`,
      );
    }
    checkRuns(label, [...validate, ...installed], library, minimal);
    if (options.old) {
      checkRuns(`${label} (old)`, [...oldValidate, ...oldInstalled], oldSynth, minimal);
      if (oldSynth[0].stacks.resources !== library[0].stacks.resources)
        throw new Error(`${label}: the old library built ${oldSynth[0].stacks.resources} resources, this one ${library[0].stacks.resources}`);
    }
    const old = options.old ? { oldValidate, oldInstalled, oldLibrary: oldSynth } : {};
    return { size: label, domains: size.domains, products: mesh.products.length, validate, installed, library, minimal, ...old };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    (globalThis as { gc?: () => void }).gc?.();
  }
}

/** A benchmark of a broken mesh measures nothing: every run must be clean and build the same. */
function checkRuns(label: string, validate: readonly ValidateRun[], library: readonly SynthRun[], minimal: readonly SynthRun[]): void {
  const problems: string[] = [];
  if (validate.some((v) => v.errors > 0)) problems.push('datamesh validate reported errors');
  if (library.some((l) => (l.findings ?? 0) > 0)) problems.push(`governance reported ${library[0].findings} finding(s) on the generated mesh`);
  const lib = library[0].stacks;
  const base = minimal[0].stacks;
  if (library.some((l) => l.stacks.resources !== lib.resources)) problems.push('library runs built different resource counts');
  if (Math.abs(lib.resources - base.resources) > RESOURCE_TOLERANCE * lib.resources) {
    const types = [...new Set([...Object.keys(lib.resourcesByType), ...Object.keys(base.resourcesByType)])].filter((t) => lib.resourcesByType[t] !== base.resourcesByType[t]);
    problems.push(`the minimal program built ${base.resources} resources, the library ${lib.resources} (differ in ${types.join(', ')})`);
  }
  if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`);
}

interface Summary {
  readonly size: string;
  readonly products: number;
  readonly resources: { readonly library: number; readonly minimal: number };
  readonly stackMb: { readonly total: number; readonly max: number };
  readonly validateS: Stat;
  readonly installedValidateS: Stat;
  readonly librarySynthS: Stat;
  readonly minimalSynthS: Stat;
  /** In-process work (after module loading): build + synth + reports. */
  readonly libraryWorkS: Stat;
  readonly minimalWorkS: Stat;
  /** Library / minimal program, per resource built (medians): wall, and work after module loading. */
  readonly ratio: { readonly wall: number; readonly work: number };
  readonly governanceShare: Stat;
  readonly libraryRssMb: Stat;
  readonly minimalRssMb: Stat;
  readonly rssMbPerProduct: number;
  /** With --old: the same steps by the old checkout, in the same run. */
  readonly old?: { readonly validateS: Stat; readonly installedValidateS?: Stat; readonly librarySynthS: Stat; readonly libraryRssMb: Stat; readonly ratio: number };
}

interface Stat {
  readonly min: number;
  readonly median: number;
}

const stat = (values: readonly number[]): Stat => ({ min: min(values), median: median(values) });

/** Median time per resource built, so that a resource-count difference (at most 2%) does not skew the ratio. */
const perResource = (runs: readonly SynthRun[], time: (r: SynthRun) => number) => median(runs.map(time)) / runs[0].stacks.resources;

function summarize(result: SizeResult): Summary {
  const lib = result.library;
  const base = result.minimal;
  const libraryRss = stat(lib.map((r) => r.maxRssKb / 1024));
  const old =
    result.oldLibrary && result.oldValidate
      ? {
          validateS: stat(result.oldValidate.map((v) => v.wallMs / 1000)),
          installedValidateS: result.oldInstalled?.length ? stat(result.oldInstalled.map((v) => v.wallMs / 1000)) : undefined,
          librarySynthS: stat(result.oldLibrary.map((r) => r.wallMs / 1000)),
          libraryRssMb: stat(result.oldLibrary.map((r) => r.maxRssKb / 1024)),
          ratio: perResource(result.oldLibrary, (r) => r.wallMs) / perResource(base, (r) => r.wallMs),
        }
      : undefined;
  return {
    size: result.size,
    products: result.products,
    resources: { library: lib[0].stacks.resources, minimal: base[0].stacks.resources },
    stackMb: { total: lib[0].stacks.totalBytes / 2 ** 20, max: lib[0].stacks.maxBytes / 2 ** 20 },
    validateS: stat(result.validate.map((v) => v.wallMs / 1000)),
    installedValidateS: stat(result.installed.map((v) => v.wallMs / 1000)),
    librarySynthS: stat(lib.map((r) => r.wallMs / 1000)),
    minimalSynthS: stat(base.map((r) => r.wallMs / 1000)),
    libraryWorkS: stat(lib.map((r) => r.workMs / 1000)),
    minimalWorkS: stat(base.map((r) => r.workMs / 1000)),
    // Ratio of medians: robust to one slow run of either program.
    ratio: { wall: perResource(lib, (r) => r.wallMs) / perResource(base, (r) => r.wallMs), work: perResource(lib, (r) => r.workMs) / perResource(base, (r) => r.workMs) },
    governanceShare: stat(lib.map((r) => (r.governanceMs ?? 0) / r.workMs)),
    libraryRssMb: libraryRss,
    minimalRssMb: stat(base.map((r) => r.maxRssKb / 1024)),
    rssMbPerProduct: libraryRss.median / result.products,
    ...(old ? { old } : {}),
  };
}

function table(summaries: readonly Summary[]): string {
  const withOld = summaries.some((x) => x.old);
  const was = (value: Stat | undefined, digits: number) => (withOld ? `${value ? value.median.toFixed(digits) : '-'} -> ` : '');
  const header = [
    'size',
    'products',
    'resources (lib / minimal)',
    'stack MB (max)',
    `validate s${withOld ? ' (old -> new)' : ''}`,
    `validate s, installed${withOld ? ' (old -> new)' : ''}`,
    `synth s, lib${withOld ? ' (old -> new)' : ''}`,
    'synth s, minimal',
    `ratio per resource${withOld ? ' (old -> new)' : ''}`,
    'work ratio',
    'governance %',
    `peak RSS MB, lib${withOld ? ' (old -> new)' : ''} / minimal`,
    'RSS MB/product',
  ];
  const rows = summaries.map((x) => [
    x.size,
    String(x.products),
    `${x.resources.library} / ${x.resources.minimal}`,
    `${x.stackMb.total.toFixed(1)} (${x.stackMb.max.toFixed(1)})`,
    `${was(x.old?.validateS, 2)}${pair(x.validateS, 2)}`,
    `${was(x.old?.installedValidateS, 2)}${pair(x.installedValidateS, 2)}`,
    `${was(x.old?.librarySynthS, 1)}${pair(x.librarySynthS, 1)}`,
    pair(x.minimalSynthS, 1),
    `${withOld ? `${x.old ? x.old.ratio.toFixed(2) : '-'} -> ` : ''}${x.ratio.wall.toFixed(2)}`,
    x.ratio.work.toFixed(2),
    `${(x.governanceShare.median * 100).toFixed(1)}`,
    `${was(x.old?.libraryRssMb, 0)}${x.libraryRssMb.median.toFixed(0)} / ${x.minimalRssMb.median.toFixed(0)}`,
    x.rssMbPerProduct.toFixed(2),
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

const pair = (value: Stat, digits: number) => `${value.min.toFixed(digits)} / ${value.median.toFixed(digits)}`;

interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

function checkTargets(summaries: readonly Summary[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const x of summaries.filter((y) => TARGETS.ratioProducts.includes(y.products))) {
    checks.push({
      target: `synthesis per resource at most ${TARGETS.ratio}x the minimal program at ${x.size}`,
      measured: `${x.ratio.wall.toFixed(2)}x wall, ${x.ratio.work.toFixed(2)}x after module loading`,
      met: x.ratio.wall <= TARGETS.ratio,
    });
  }
  const atTarget = summaries.find((x) => x.products === TARGETS.products);
  if (atTarget) {
    checks.push({
      target: `datamesh validate of ${TARGETS.products} contracts at most ${TARGETS.validateMs / 1000} s`,
      measured: `${pair(atTarget.installedValidateS, 2)} s installed, ${pair(atTarget.validateS, 2)} s from the repository (min / median)`,
      met: atTarget.installedValidateS.median <= TARGETS.validateMs / 1000,
    });
  }
  const atRss = summaries.find((x) => x.products === TARGETS.rssProducts);
  if (atRss) {
    checks.push({
      target: `peak RSS at most ${TARGETS.rssMbPerProduct} MB per product at ${TARGETS.rssProducts} products`,
      measured: `${atRss.rssMbPerProduct.toFixed(2)} MB (${atRss.libraryRssMb.median.toFixed(0)} MB)`,
      met: atRss.rssMbPerProduct <= TARGETS.rssMbPerProduct,
    });
  }
  const worstShare = Math.max(...summaries.map((x) => x.governanceShare.median));
  checks.push({
    target: `governance at most ${TARGETS.governanceShare * 100}% of synthesis`,
    measured: `${(worstShare * 100).toFixed(1)}% at worst (median per size)`,
    met: worstShare <= TARGETS.governanceShare,
  });
  const sorted = [...summaries].sort((a, b) => a.products - b.products);
  if (sorted.length >= 3) {
    // Linear: the memory each further product costs stays about the same as the mesh grows.
    const slopes = sorted.slice(1).map((x, i) => ((x.libraryRssMb.median - sorted[i].libraryRssMb.median) * 1024) / (x.products - sorted[i].products));
    const [first, last] = [slopes[0], slopes[slopes.length - 1]];
    checks.push({ target: 'peak memory grows linearly with products', measured: `${slopes.map((k) => k.toFixed(0)).join(' then ')} KB per added product`, met: last <= first * 1.5 && last > 0 });
  }
  return checks;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    `datamesh benchmark: ${os.cpus().length} cores, ${mb(os.totalmem())} MB, node ${process.version}, ${options.repeat} run(s) per size, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const started = Date.now();
  // `datamesh validate` is also measured as installed packages run it: from a fresh dist/.
  for (const checkout of [PROJECT_ROOT, ...(options.old ? [options.old] : [])]) {
    log(`building ${path.relative(process.cwd(), path.join(checkout, 'dist')) || 'dist'} (npm run build)`);
    buildDist(checkout);
  }
  const results = options.sizes.map((size) => measureSize(size, options, log));
  const summaries = results.map(summarize);
  const targets = options.smoke ? [] : checkTargets(summaries);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  const lines = [
    table(summaries),
    '',
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${mb(os.totalmem())} MB, node ${process.version}; times are min / median of ${options.repeat} run(s), each step in a fresh process; library as compiled JavaScript, minimal program as \`cdktf init\` runs it (ts-node, type-checked)${options.old ? `, old = ${options.old} as it ran (ts-node, transpile-only)` : ''}; load average at the end ${load} (1, 5, 15 min).`,
    ...targets.map((t) => `${t.met ? 'met    ' : 'MISSED '} ${t.target}: ${t.measured}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (options.json) {
    fs.writeFileSync(options.json, JSON.stringify({ machine: { cores: os.cpus().length, memoryMb: mb(os.totalmem()), node: process.version }, options, summaries, targets, runs: results }, null, 2));
  }
  log(`done in ${s(Date.now() - started)} s`);
}

function s(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
}

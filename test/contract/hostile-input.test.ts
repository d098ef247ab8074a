/**
 * Issue #12, "every input gets a clear answer": odd and malicious files, each a small fixture under
 * test/fixtures/hostile/ laid over the minimal mesh. Every case is answered by an error at its line
 * (or a warning naming the file) on all three paths a user takes: the loader, `datamesh validate`
 * and synthesis. No path prints a JavaScript stack trace, and a failed synthesis leaves no stack.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatContractError } from '../../src/contract/errors';
import { excerpt } from '../../src/contract/limits';
import { loadMesh } from '../../src/contract/mesh';
import { compileDqdl } from '../../src/contract/dqdl/dqdl';
import { synthMesh, SynthesisFailedError } from '../../src/synthesis';
import { datamesh } from '../cli/run-cli';
import { cdktfSynth } from '../helpers/cdktf-cli';
import { copyMesh, FIXTURES } from '../helpers/fixtures';

const HOSTILE = path.join(FIXTURES, 'hostile');

/** The minimal mesh with one hostile fixture laid over it. */
function meshWith(fixture: string): string {
  const dir = copyMesh();
  fs.cpSync(path.join(HOSTILE, fixture), dir, { recursive: true });
  return dir;
}

/** `<mesh>/shop/orders.yaml:8:14: description: message`, the first line of each error. */
function loaderAnswer(dir: string): { errors: string[]; warnings: string[] } {
  const { errors, warnings = [] } = loadMesh(dir);
  const line = (e: Parameters<typeof formatContractError>[0]) => formatContractError(e).split('\n')[0].split(dir).join('<mesh>');
  return { errors: errors.map(line), warnings: warnings.map(line) };
}

/** A JavaScript stack frame (`    at fn (file.js:1:2)`), or the name of a JavaScript exception. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const EXCEPTION = /\b(?:Reference|Type|Range|Syntax|Eval|URI|Internal|RE2JSSyntax|YAML(?:Parse|Warn)?)Error\b|\bError: [A-Z]/;

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(STACK_FRAME);
  expect(output).not.toMatch(EXCEPTION);
}

class ExitCalled extends Error {
  constructor(readonly code: number | undefined) {
    super(`process.exit(${code})`);
  }
}

/**
 * `synthMesh()`, the app of `cdktf synth`, run in-process into an output folder that holds a
 * stack from an earlier synth; process.exit and the console are captured.
 */
function synthesizeInProcess(contractsDir: string): { exitCode?: number; output: string; stacksLeft: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-hostile-'));
  fs.mkdirSync(path.join(outdir, 'stacks', 'shop'), { recursive: true });
  fs.writeFileSync(path.join(outdir, 'stacks', 'shop', 'cdk.tf.json'), '{}');
  const printed: string[] = [];
  // Details go to stdout and a one-line summary to stderr (src/synthesis.ts): capture both.
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw new ExitCalled(code);
  }) as typeof process.exit);
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  let exitCode: number | undefined;
  try {
    synthMesh({ contractsDir });
  } catch (thrown) {
    // Anything but a failed synthesis (a crash) fails the test with its stack, as it would fail a user.
    if (thrown instanceof ExitCalled) throw new Error(`synthMesh called ${thrown.message}: library code throws SynthesisFailedError, only the app entry exits`);
    if (thrown instanceof SynthesisFailedError)
      exitCode = 1; // what stacks/main.ts makes of it
    else throw thrown;
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
    error.mockRestore();
    log.mockRestore();
    exit.mockRestore();
  }
  const stacks = path.join(outdir, 'stacks');
  return { exitCode, output: printed.join('\n'), stacksLeft: fs.existsSync(stacks) ? fs.readdirSync(stacks) : [] };
}

/**
 * The case's errors, exactly, from the loader; the same lines from `datamesh validate` (exit 1)
 * and from synthesis (exit 1, the stale stack removed, no new one); no stack trace anywhere.
 */
async function expectRefused(dir: string, expected: readonly string[]): Promise<void> {
  expect(loaderAnswer(dir).errors).toEqual(expected);

  const cli = await datamesh(['validate', dir]);
  expect(cli.code).toBe(1);
  for (const line of expected) {
    const [, where, message] = /^(<mesh>[^:]*:\d+:\d+): (.*)$/.exec(line)!;
    expect(cli.stdout).toContain(`${where.replace('<mesh>', dir)}  error  contract  ${message.split('<mesh>').join(dir)}`);
  }
  expect(cli.stdout).toContain(`${expected.length} error${expected.length === 1 ? '' : 's'}`);
  expectNoStackTrace(cli.stdout + cli.stderr);

  const synth = synthesizeInProcess(dir);
  expect(synth.exitCode).toBe(1);
  expect(synth.output).toContain(`${expected.length} error${expected.length === 1 ? '' : 's'} in `);
  for (const line of expected) expect(synth.output).toContain(line.split('<mesh>').join(dir));
  expectNoStackTrace(synth.output);
  expect(synth.stacksLeft).toEqual([]);
}

describe('hostile and odd inputs get a clear answer before anything is written', () => {
  it('refuses a YAML alias bomb (nested anchors) with an error naming the file, at the first alias', async () => {
    await expectRefused(meshWith('alias-bomb'), ['<mesh>/shop/orders.yaml:47:10: x1[0]: aliases expand past the limit of 100: anchors nested in anchors (a "billion laughs" document)']);
  });

  it('refuses invalid UTF-8 at the line and column of the first bad byte', async () => {
    await expectRefused(meshWith('invalid-utf8'), ['<mesh>/shop/orders.yaml:8:49: not valid UTF-8: byte 0xE9 does not start or continue a UTF-8 character']);
  });

  it('refuses unknown YAML tags (!!js/function, custom tags) at the tag', async () => {
    await expectRefused(meshWith('unknown-tags'), [
      '<mesh>/shop/orders.yaml:8:14: description: unknown YAML tag !!js/function: the value would be read as plain text',
      '<mesh>/shop/orders.yaml:11:10: owner.email: unknown YAML tag !vault: the value would be read as plain text',
    ]);
  });

  it('reports a schema error in one file and an unknown consumer domain in it and in another, in one run', async () => {
    await expectRefused(meshWith('two-rounds'), [
      '<mesh>/shop/orders.yaml:16:11: output.format: "parket" is not allowed; expected one of: parquet, orc, avro, json, csv, iceberg',
      '<mesh>/shop/orders.yaml:43:5: consumers[0].domain: unknown consumer domain "finanse"',
      '<mesh>/shop/returns.yaml:43:5: consumers[0].domain: unknown consumer domain "finance"',
    ]);
  });

  it('refuses control characters in text and a column comment over the 255 characters Glue takes, at their lines', async () => {
    await expectRefused(meshWith('text-aws-refuses'), [
      '<mesh>/shop/orders.yaml:8:14: description: control character U+0007 in text: AWS refuses control characters in names, descriptions and tags',
      '<mesh>/shop/orders.yaml:30:18: schema[2].description: "Order total in EUR, including VAT and shipping; including VA…" must NOT have more than 255 characters',
    ]);
  });

  it('refuses numbers that would change meaning: retention past 100 years, a bound past 2^53', async () => {
    await expectRefused(meshWith('numbers'), [
      '<mesh>/shop/orders.yaml:18:3: output.retention: retention of 364999999999635 days is longer than 100 years (36500 days), the most the platform accepts',
      '<mesh>/shop/orders.yaml:44:10: quality[2].max: the number 9007199254740993 cannot be kept exactly: it would become 9007199254740992',
    ]);
  });

  it('refuses PII patterns that need a backtracking engine, at their line', async () => {
    await expectRefused(meshWith('pii-pattern-re2'), [
      '<mesh>/shop/domain.yaml:16:9: governance.pii.patterns[0]: pattern "(card)_\\1": backreference \\1 is not supported',
      '<mesh>/shop/domain.yaml:17:9: governance.pii.patterns[1]: pattern "(?<!product_)name$": lookaround (?<! is not supported',
    ]);
  });

  it('refuses tag keys that differ only in case from a platform tag or an inherited tag, at the key', async () => {
    await expectRefused(meshWith('tag-key-case'), [
      '<mesh>/shop/domain.yaml:14:3: tags.costcenter: tag key "costcenter" differs only in case from "CostCenter" in platform.yaml',
      '<mesh>/shop/orders.yaml:47:3: tags.owner: tag key "owner" is set by the platform (as "Owner") and cannot be set here',
      '<mesh>/shop/orders.yaml:48:3: tags.CostCenter: tag key "CostCenter" differs only in case from "costcenter" in <mesh>/shop/domain.yaml',
    ]);
  });

  it('checks quality patterns in the dialect Glue runs (Java): (?i) passes, RE2-only and backtracking syntax does not', async () => {
    await expectRefused(meshWith('regex-dialect'), [
      '<mesh>/shop/orders.yaml:47:14: quality[3].pattern: pattern "^[[:alpha:]]+$": "[" inside a character class is a nested class in Java (and a POSIX class like [:alpha:] only in RE2)',
      '<mesh>/shop/orders.yaml:50:14: quality[4].pattern: pattern "^(o)\\1": backreference \\1 is not supported',
    ]);
  });

  it('refuses a file past 5 MB before parsing it, with a one-line error', async () => {
    const dir = copyMesh();
    const orders = path.join(dir, 'shop', 'orders.yaml');
    const text = fs.readFileSync(orders, 'utf8');
    fs.writeFileSync(orders, text.replace('description: One row per order placed in the web shop.', `description: ${'x'.repeat(50 * 1024 * 1024)}`));
    await expectRefused(dir, ['<mesh>/shop/orders.yaml:1:1: file is 50.0 MB, more than the 5.0 MB a contract file may have; it was not parsed']);
  });

  it('quotes at most a short excerpt of a huge value', async () => {
    const dir = copyMesh();
    const orders = path.join(dir, 'shop', 'orders.yaml');
    fs.writeFileSync(orders, fs.readFileSync(orders, 'utf8').replace('description: One row per order placed in the web shop.', `description: ${'x'.repeat(4 * 1024 * 1024)}`));
    await expectRefused(dir, [`<mesh>/shop/orders.yaml:8:14: description: "${'x'.repeat(60)}…" must NOT have more than 2048 characters`]);
    const cli = await datamesh(['validate', dir]);
    expect(cli.stdout.length).toBeLessThan(1000);
  });

  it('answers the alias bomb under the real `cdktf synth` too: the error, no stack trace, no stack', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-hostile-cli-'));
    const dir = meshWith('alias-bomb');
    const { status, output } = cdktfSynth(outdir, { DATAMESH_CONTRACTS: dir });
    expect(status).not.toBe(0);
    expect(output).toContain(`${dir}/shop/orders.yaml:47:10: x1[0]: aliases expand past the limit of 100`);
    expectNoStackTrace(output);
    const stacks = path.join(outdir, 'stacks');
    expect(fs.existsSync(stacks) ? fs.readdirSync(stacks) : []).toEqual([]);
  });
});

describe('text folded for the targets that take one line', () => {
  it('folds a multi-line column description (description: |) to single spaces for the Glue column comment', () => {
    const { value, errors } = loadMesh(meshWith('multi-line-description'));
    expect(errors).toEqual([]);
    const total = value!.products[0].columns.find((c) => c.name === 'total')!;
    expect(total.description).toBe('Order total in EUR, including VAT. Rounded to cents.');
  });
});

describe('a pattern that backtracks exponentially cannot hang validate', () => {
  it('runs the PII pattern ^(a+)+$ on a 41-character column name in linear time', async () => {
    const dir = meshWith('pattern-hang');
    const started = Date.now();
    const { code, stdout } = await datamesh(['validate', dir], { evaluateRules: 'wired' });
    // A backtracking engine needs about 2^40 steps to find that a{40}x does not match: hours.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    // The pattern did run: it matches the column "aa", and only that one.
    expect(stdout).toContain(`${dir}/shop/orders.yaml:37:5  error  DM103  column "aa" of shop.orders looks personal but is classified internal`);
    expect(stdout).toContain('1 error, 0 warnings');
    expectNoStackTrace(stdout);
  });
});

describe('every file under the contracts folder is read or named', () => {
  it('names each file that is not read, and why, and counts what was read', async () => {
    const dir = meshWith('not-read');
    const hint = (needle: string) =>
      loadMesh(dir)
        .warnings!.find((w) => w.file.includes(needle))!
        .hint.split(dir)
        .join('<mesh>');
    expect(loaderAnswer(dir)).toEqual({
      errors: [],
      warnings: [
        '<mesh>/_drafts/shop/draft.yaml:1:1: not read: folders whose name starts with "_" are not read',
        '<mesh>/shop/NOTES.md:1:1: not read: only .yaml and .yml files are contracts',
        '<mesh>/shop/archive/old_orders.yaml:1:1: not read: contracts sit directly in their domain folder; nested folders are not read',
        '<mesh>/shop/returns.YAML:1:1: not read: the extension .YAML is not lower case',
        '<mesh>/stray_orders.yaml:1:1: not read: only platform.yaml and domain folders are read at the top of the contracts folder',
      ],
    });
    expect(hint('returns.YAML')).toBe('rename it to returns.yaml');
    expect(hint('stray_orders')).toBe('move it into its domain folder: <mesh>/<domain>/stray_orders.yaml');

    const { code, stdout } = await datamesh(['validate', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${dir}/shop/archive/old_orders.yaml:1:1  warning  contract  not read: contracts sit directly in their domain folder`);
    expect(stdout).toContain('3 files read, 5 not read; 1 product checked: 0 errors, 5 warnings');
  });

  it('follows a symbolic link that stays inside the contracts folder', () => {
    const dir = copyMesh();
    fs.mkdirSync(path.join(dir, '.shared'));
    fs.renameSync(path.join(dir, 'shop', 'orders.yaml'), path.join(dir, '.shared', 'orders.yaml'));
    fs.symlinkSync(path.join('..', '.shared', 'orders.yaml'), path.join(dir, 'shop', 'orders.yaml'));
    const { value, errors, filesRead } = loadMesh(dir);
    expect(errors).toEqual([]);
    expect(value!.products.map((p) => p.id)).toEqual(['shop.orders']);
    expect(filesRead).toBe(3);
  });

  it('refuses a symbolic link, to a contract or a domain folder, that leaves the contracts folder', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-outside-'));
    fs.cpSync(path.join(FIXTURES, 'minimal', 'shop'), path.join(outside, 'billing'), { recursive: true });
    const dir = copyMesh();
    fs.symlinkSync(path.join(outside, 'billing', 'orders.yaml'), path.join(dir, 'shop', 'linked_orders.yaml'));
    fs.symlinkSync(path.join(outside, 'billing'), path.join(dir, 'billing'));
    const real = fs.realpathSync(outside);
    // The target is shown as an excerpt: a long temporary folder cuts it.
    await expectRefused(dir, [
      `<mesh>/billing:1:1: symbolic link leads outside the contracts folder (to ${excerpt(`${real}/billing`)})`,
      `<mesh>/shop/linked_orders.yaml:1:1: symbolic link leads outside the contracts folder (to ${excerpt(`${real}/billing/orders.yaml`)})`,
    ]);
  });

  it('names a symbolic link that leads nowhere', () => {
    const dir = copyMesh();
    fs.symlinkSync(path.join(dir, 'shop', 'gone.yaml'), path.join(dir, 'shop', 'returns.yaml'));
    expect(loaderAnswer(dir).warnings).toEqual(['<mesh>/shop/returns.yaml:1:1: not read: it is a symbolic link to nothing']);
  });

  it('prints the files it did not read when synthesis fails for another reason', () => {
    const dir = meshWith('not-read');
    fs.writeFileSync(path.join(dir, 'shop', 'orders.yaml'), fs.readFileSync(path.join(dir, 'shop', 'orders.yaml'), 'utf8').replace('format: parquet', 'format: parket'));
    const { exitCode, output } = synthesizeInProcess(dir);
    expect(exitCode).toBe(1);
    expect(output).toContain('1 error in 1 file; nothing was synthesized. 3 files read, 5 not read.');
    expect(output).toContain(`warning: ${dir}/shop/returns.YAML:1:1: not read: the extension .YAML is not lower case`);
  });
});

describe('quality patterns in Glue dialect', () => {
  it('keeps a (?i) pattern, which Java accepts, in the DQDL ruleset as written', () => {
    const dir = meshWith('regex-dialect');
    const orders = path.join(dir, 'shop', 'orders.yaml');
    fs.writeFileSync(orders, fs.readFileSync(orders, 'utf8').replace(/  - rule: pattern\n    column: order_id\n    pattern: "\^\[\[:alpha[\s\S]*?\\\\1"\n/, ''));
    const { value, errors } = loadMesh(dir);
    expect(errors).toEqual([]);
    expect(compileDqdl(value!.products[0]).rules).toContain('ColumnValues "order_id" matches "(?i)^ord-[0-9]+$"');
  });
});

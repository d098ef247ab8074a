import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { cdktfSynth } from '../helpers/cdktf-cli';
import { copyMesh, copyReversed, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';

/** Synthesizes a contracts folder in-process and returns each stack's cdk.tf.json text. */
function synthStacks(contractsDir: string): Record<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-synth-'));
  const app = new App({ outdir });
  buildMesh(app, { contractsDir });
  app.synth();
  const stacks = path.join(outdir, 'stacks');
  return Object.fromEntries(
    fs
      .readdirSync(stacks)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(stacks, name, 'cdk.tf.json'), 'utf8')]),
  );
}

describe('synthesis of the reference mesh', () => {
  const first = synthStacks(REFERENCE_CONTRACTS);

  it('gives byte-identical stacks when run twice', () => {
    expect(synthStacks(REFERENCE_CONTRACTS)).toEqual(first);
  });

  it('gives byte-identical stacks when contract files are read in another order', () => {
    expect(synthStacks(copyReversed(REFERENCE_CONTRACTS))).toEqual(first);
  });

  it('builds no resources for draft products', () => {
    const customer = JSON.parse(first.customer);
    const tables = Object.values(customer.resource.aws_glue_catalog_table).map((t: any) => t.name);
    expect(tables).not.toContain('loyalty_events');
  });

  it.each(Object.keys(first))('matches the reviewed snapshot of stack %s', (domain) => {
    // A snapshot change is a change of every user's plan: review it like one.
    expect(JSON.parse(first[domain])).toMatchSnapshot();
  });
});

describe('cdktf synth with invalid contracts', () => {
  it('fails, lists every error with file:line:col, and writes no stack, not even a stale one', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'sales/orders.yaml', (t) => t.replace(/format: iceberg/, 'format: icebreg'));
    editFile(dir, 'payments/transactions.yaml', (t) => t.replace(/type: decimal\((\d+),(\d+)\)/, 'type: decimal($1;$2)'));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-invalid-'));
    // A stack left by an earlier, valid synth must not survive to be deployed by mistake.
    fs.mkdirSync(path.join(outdir, 'stacks', 'sales'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks', 'sales', 'cdk.tf.json'), '{}');
    const { status, output } = cdktfSynth(outdir, { DATAMESH_CONTRACTS: dir });
    expect(status).not.toBe(0);
    expect(output).toContain('2 errors in 2 files; nothing was synthesized.');
    expect(output).toMatch(/payments\/transactions\.yaml:\d+:\d+: schema\[\d+\]\.type: invalid Glue type/);
    expect(output).toMatch(/sales\/orders\.yaml:\d+:\d+: output\.format: "icebreg" is not allowed/);
    const stacks = path.join(outdir, 'stacks');
    expect(fs.existsSync(stacks) ? fs.readdirSync(stacks) : []).toEqual([]);
  });
});

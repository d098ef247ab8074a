import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatContractError } from '../../src/contract/errors';
import { loadProductFile } from '../../src/contract/mesh';
import { App } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { resourceCount } from '../helpers/terraform';

/** Docs that compile: the README's contract example must be a valid contract. */
describe('README', () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

  it('shows a contract example that validates', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('kind: DataProduct');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-readme-')), 'orders.yaml');
    fs.writeFileSync(file, example!);
    const { value, errors } = loadProductFile(file);
    expect(errors.map(formatContractError)).toEqual([]);
    expect(value!.columns.map((c) => c.name)).toEqual(['order_id', 'customer_email', 'items']);
  });

  it('starts with the install-and-synthesize command and the test command', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(firstBlock).toMatch(/^npm ci && npx cdktf synth/m);
    expect(firstBlock).toMatch(/^npm test/m);
  });

  it('gives the resources per reference stack that synthesis builds (figures that change with the code are checked)', () => {
    const figures = /Stacks: customer (\d+) resources, payments (\d+), sales (\d+)/.exec(readme.replace(/\s+/g, ' '));
    expect(figures).not.toBeNull();
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-readme-synth-'));
    const app = new App({ outdir });
    buildMesh(app, { contractsDir: REFERENCE_CONTRACTS, environment: 'dev' });
    app.synth();
    const counts = ['customer', 'payments', 'sales'].map((domain) => resourceCount(path.join(outdir, 'stacks', domain)));
    expect(figures!.slice(1).map(Number)).toEqual(counts);
  });

  it('says when and how each measured time was taken, and gives no test count to drift', () => {
    expect(readme).not.toMatch(/runs \d+ jest tests/);
    expect(readme).toMatch(/Measured on\s+\d{4}-\d{2}-\d{2} \(wall time of the whole run\)[^.]*`npm test` \d+ s/);
    expect(readme).not.toMatch(/\d+ tests\)/);
  });
});

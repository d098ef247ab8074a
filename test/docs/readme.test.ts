import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { formatContractError } from '../../src/contract/errors';
import { loadProductFile } from '../../src/contract/mesh';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

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
});

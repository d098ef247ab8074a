import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh } from './run-cli';

function repository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-affected-cli-'));
  fs.cpSync(REFERENCE_CONTRACTS, path.join(repo, 'contracts'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  return repo;
}

describe('datamesh affected (command)', () => {
  it('prints each affected stack with its reasons, and the JSON CI reads', async () => {
    const repo = repository();
    const contracts = path.join(repo, 'contracts');
    editFile(contracts, 'customer/domain.yaml', (t) => t.replace(/(consumers:\n\s+- arn:aws:iam::222222222222:role\/)([\w-]+)/, '$1customer-insights'));

    const text = await datamesh(['affected', contracts, '--base', 'main']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^2 of 3 stacks change since main \(dev\):\n {2}changed {2}payments {2}consumer roles of customer\n {2}changed {2}sales {5}consumer roles of customer\n$/);

    const json = await datamesh(['affected', contracts, '--base', 'main', '--format', 'json']);
    const document = JSON.parse(json.stdout);
    expect(document.stacks).toEqual(['payments', 'sales']);
    expect(document.unchanged).toEqual(['customer']);
    expect(document.affected[0]).toEqual({ stack: 'payments', change: 'changed', reasons: ['consumer roles of customer'] });
  });

  it('says when nothing changes', async () => {
    const repo = repository();
    const run = await datamesh(['affected', path.join(repo, 'contracts'), '--base', 'main']);
    expect(run).toEqual({ code: 0, stdout: 'no stack changes since main (dev, 3 stacks compared)\n', stderr: '' });
  });

  it('refuses a base starting with "-" and an unknown base as usage errors', async () => {
    const repo = repository();
    expect((await datamesh(['affected', path.join(repo, 'contracts'), '--base=--upload-pack=evil'])).code).toBe(2);
    const unknown = await datamesh(['affected', path.join(repo, 'contracts'), '--base', 'no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown revision "no-such-branch": no commit, branch or tag of that name/);
    const environment = await datamesh(['affected', path.join(repo, 'contracts'), '--base', 'main', '--env', 'qa']);
    expect(environment.code).toBe(2);
    expect(environment.stderr).toMatch(/environment "qa" is not declared/);
  });

  it('exits 1 with the errors when the working tree does not load', async () => {
    const repo = repository();
    editFile(path.join(repo, 'contracts'), 'sales/orders.yaml', (t) => t.replace('format: iceberg', 'format: excel'));
    const run = await datamesh(['affected', path.join(repo, 'contracts'), '--base', 'main']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sales\/orders\.yaml:\d+:\d+/);
  });
});

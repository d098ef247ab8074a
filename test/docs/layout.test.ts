import * as fs from 'fs';
import * as path from 'path';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

/** The first column of the README's "Layout" block: the paths it describes. */
function layoutPaths(): string[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const block = /## Layout\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no "## Layout" code block');
  return block
    .split('\n')
    .filter((line) => /^\S/.test(line))
    .map((line) => line.split(/\s+/)[0]);
}

const folders = (dir: string) =>
  fs
    .readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !['node_modules', 'dist', 'cdktf.out', 'temp', 'test-artifacts', 'coverage'].includes(e.name))
    .map((e) => (dir ? `${dir}/${e.name}/` : `${e.name}/`));

describe('the README layout', () => {
  it('names only paths that exist', () => {
    const missing = layoutPaths().filter((p) => !fs.existsSync(path.join(PROJECT_ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('names every top-level folder and every folder of src/ (or a file in it)', () => {
    const listed = layoutPaths();
    expect([...folders(''), ...folders('src')].filter((folder) => !listed.some((p) => p.startsWith(folder))).sort()).toEqual([]);
  });
});

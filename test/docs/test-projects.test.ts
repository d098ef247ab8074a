import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const INTEGRATION = require(path.join(ROOT, 'test', 'integration-tests.js')) as readonly string[];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
  });
}

/** What makes a test file slow and external: it starts terraform, the cdktf CLI, a browser or npm. */
const EXTERNAL = /from '\.\.\/helpers\/(terraform|cdktf-cli)'.*\b(terraform|cdktfSynth)\(|playwright|'npm'|scripts', 'cdktf\.js'|bin', 'datamesh\.js'|\['plan', |'registry', 'pack'/s;

describe('the jest projects', () => {
  const files = testFiles(path.join(ROOT, 'test'));

  it('name only test files that exist in the integration project', () => {
    for (const file of INTEGRATION) expect(files).toContain(file);
  });

  it('keep every test file that starts terraform, the cdktf CLI, a browser or npm out of `npm run test:unit`', () => {
    const external = files.filter((file) => file !== 'test/docs/test-projects.test.ts' && EXTERNAL.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(external.length).toBeGreaterThanOrEqual(5);
    expect(external.filter((file) => !INTEGRATION.includes(file))).toEqual([]);
  });
});

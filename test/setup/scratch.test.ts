import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const scratch = require('./scratch') as { teardown: () => Promise<void>; VARIABLE: string };

describe('the run scratch folder', () => {
  const folder = process.env[scratch.VARIABLE];

  it('is where this worker and the programs it starts make temporary folders', () => {
    expect(folder).toBeDefined();
    expect(path.basename(folder!)).toMatch(/^datamesh-jest-/);
    expect(fs.statSync(folder!).isDirectory()).toBe(true);
    expect(os.tmpdir()).toBe(folder);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("os").tmpdir())'], { encoding: 'utf8' });
    expect(child.stdout).toBe(folder);
  });

  it('is removed whole after the teardown, whatever it holds', async () => {
    const fake = fs.mkdtempSync(path.join(folder!, 'fake-run-'));
    fs.mkdirSync(path.join(fake, 'cdktf.outdir.x', 'stacks', 'a'), { recursive: true });
    fs.writeFileSync(path.join(fake, 'cdktf.outdir.x', 'stacks', 'a', 'cdk.tf.json'), '{}');
    try {
      process.env[scratch.VARIABLE] = fake;
      await scratch.teardown();
    } finally {
      process.env[scratch.VARIABLE] = folder;
    }
    // A detached process removes it, so jest need not wait: poll for up to 20 s.
    for (let waited = 0; fs.existsSync(fake) && waited < 20000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.existsSync(fake)).toBe(false);
    expect(fs.existsSync(folder!)).toBe(true);
  });
});

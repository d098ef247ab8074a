import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Copies a contracts folder writing files in reverse order, so directory order differs from the original. */
export function copyReversed(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-reversed-'));
  const files = (fs.readdirSync(source, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(source, f)).isFile()).sort().reverse();
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(source, file), path.join(target, file));
  }
  return target;
}

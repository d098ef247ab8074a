import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const REFERENCE_CONTRACTS = path.join(__dirname, '..', '..', 'contracts');

/** A throwaway copy of a contracts folder that a test may break as it likes. */
export function copyMesh(source: string = path.join(FIXTURES, 'minimal')): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-test-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

/** Copies a contracts folder writing files in reverse order, so directory order differs from the original. */
export function copyReversed(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-reversed-'));
  const files = (fs.readdirSync(source, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(source, f)).isFile())
    .sort()
    .reverse();
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(source, file), path.join(target, file));
  }
  return target;
}

/** Rewrites one file of a copied mesh. */
export function editFile(dir: string, file: string, edit: (text: string) => string): string {
  const full = path.join(dir, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing: the fixture no longer has what the test expects`);
  fs.writeFileSync(full, after);
  return full;
}

export function writeFile(dir: string, file: string, text: string): string {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

/** 1-based line of the first line containing `needle`, to assert error positions without magic numbers. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** 1-based column of `needle` within its line. */
export function columnOf(text: string, needle: string): number {
  const line = text.split('\n').find((l) => l.includes(needle))!;
  return line.indexOf(needle) + 1;
}

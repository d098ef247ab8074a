import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ContractError } from '../../src/contract/errors';
import { loadProductFile, type LoadResult } from '../../src/contract/mesh';
import type { DataProductSpec } from '../../src/contract/model';
import { FIXTURES } from './fixtures';

export const ODCS_FIXTURES = path.join(FIXTURES, 'odcs');

/** A copy of an ODCS fixture in a `shop/` folder of its own, after an edit; returns what loading it gives. */
export function loadOdcs(fixture: string, edit?: (text: string) => string): LoadResult<DataProductSpec> & { text: string; file: string } {
  const before = fs.readFileSync(path.join(ODCS_FIXTURES, fixture), 'utf8');
  const text = edit ? edit(before) : before;
  if (edit && text === before) throw new Error(`edit of ${fixture} changed nothing: the fixture no longer has what the test expects`);
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-odcs-')), 'shop');
  fs.mkdirSync(dir);
  const file = path.join(dir, fixture);
  fs.writeFileSync(file, text);
  return { ...loadProductFile(file), text, file };
}

export function messages(errors: readonly ContractError[] | undefined): string[] {
  return (errors ?? []).map((e) => `${e.path}: ${e.message}`);
}

/**
 * The model without what naturally differs between two files holding the same contract: the
 * `source` (file and format), every `location` (file:line:col) and the `declared` placements,
 * which say at which field each server named its location (export writes one server, for the
 * environment it is given; `output.location` and `output.database` are compared). Quality rules
 * are compared in a canonical order, because ODCS nests each check under its column and so
 * reorders them.
 */
export function comparableSpec(spec: DataProductSpec): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => key !== 'location' && key !== 'fieldLocations' && key !== 'source' && key !== 'declared' && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  const stripped = strip(spec) as { quality: unknown[] };
  return { ...stripped, quality: stripped.quality.map((q) => JSON.stringify(q)).sort() };
}

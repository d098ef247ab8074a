import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh } from './run-cli';

/** A path under a regular file: nothing can be written there, whoever runs the command. */
function underAFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-unwritable-')), 'a-file');
  fs.writeFileSync(file, 'not a folder');
  return file;
}

describe('an output path that cannot be written', () => {
  it('export odcs --out under a file, where no folder can be: an error that names the file, exit 1, no stack trace', async () => {
    const out = path.join(underAFile(), 'orders.odcs.yaml');
    const { code, stdout, stderr } = await datamesh(['export', 'odcs', path.join(REFERENCE_CONTRACTS, 'sales', 'orders.yaml'), '--out', out]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain(`error: could not write ${out}`);
    expect(stderr).toContain('nothing was exported.');
    expect(fs.readdirSync(path.dirname(path.dirname(out)))).toEqual(['a-file']);
  });

  it('catalog --out naming a file: an error that names it, exit 1, no stack trace', async () => {
    const out = underAFile();
    const { code, stdout, stderr } = await datamesh(['catalog', '--contracts', REFERENCE_CONTRACTS, '--out', out]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain(`error: could not write the catalog to ${out}`);
    expect(stderr).toContain('no catalog was written.');
    expect(fs.readFileSync(out, 'utf8')).toBe('not a folder');
  });
});

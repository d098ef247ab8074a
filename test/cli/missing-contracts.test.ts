import * as os from 'os';
import * as path from 'path';
import { datamesh } from './run-cli';

/** A folder that is not there, given each way a command takes its contracts folder. */
const MISSING = path.join(os.tmpdir(), 'datamesh-no-such-contracts-folder');

describe('a contracts folder that does not exist', () => {
  // The README: exit 2 on a usage error, a missing path included. Every command that reads a mesh.
  it.each([
    `rules --contracts ${MISSING}`,
    `catalog --contracts ${MISSING}`,
    `registry pack --package-version 1.0.0 --contracts ${MISSING}`,
    `new sales/returns --contracts ${MISSING}`,
    `diff ${MISSING} --base HEAD`,
    `affected ${MISSING} --base HEAD`,
    `ci github ${MISSING}`,
    `plan sales --offline --contracts ${MISSING}`,
    `validate ${MISSING}`,
  ])('`datamesh %s` is a usage error (exit 2) that names the folder', async (command) => {
    const { code, stdout, stderr } = await datamesh(command.split(' '));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(MISSING);
    expect(stderr).not.toContain('unexpected error');
  });

  it('is a usage error when DATAMESH_CONTRACTS names it, too', async () => {
    for (const command of ['rules', 'catalog']) {
      const { code, stderr } = await datamesh([command], { env: { DATAMESH_CONTRACTS: MISSING } });
      expect({ command, code }).toEqual({ command, code: 2 });
      expect(stderr).toContain(MISSING);
    }
  });
});

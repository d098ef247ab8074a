import * as fs from 'fs';
import * as path from 'path';
import { loadMesh } from '../../src/contract/mesh';
import { preventsDestroy } from '../../src/contract/model';
import { copyMesh, editFile, FIXTURES, lineOf } from '../helpers/fixtures';

/** The minimal fixture (environments dev and prod) with a storage block appended to platform.yaml. */
function withStorage(block: string) {
  const dir = copyMesh();
  const file = editFile(dir, 'platform.yaml', (t) => `${t}storage:\n${block}`);
  return { ...loadMesh(dir), text: fs.readFileSync(file, 'utf8'), file };
}

describe('storage.preventDestroy in platform.yaml', () => {
  it('protects every environment by default', () => {
    const { value } = loadMesh(path.join(FIXTURES, 'minimal'));
    expect(value!.platform.storage.preventDestroy).toEqual({ dev: true, prod: true });
  });

  it('applies true or false to every environment', () => {
    expect(withStorage('  preventDestroy: false\n').value!.platform.storage.preventDestroy).toEqual({ dev: false, prod: false });
  });

  it('is set per environment, so a dev environment can be torn down while prod cannot', () => {
    const { value, errors } = withStorage('  preventDestroy: { dev: false, prod: true }\n');
    expect(errors).toEqual([]);
    expect(value!.platform.storage.preventDestroy).toEqual({ dev: false, prod: true });
    expect([preventsDestroy(value!.platform.storage, 'dev'), preventsDestroy(value!.platform.storage, 'prod')]).toEqual([false, true]);
  });

  it('keeps the data of an environment the mapping leaves out', () => {
    expect(withStorage('  preventDestroy:\n    dev: false\n').value!.platform.storage.preventDestroy).toEqual({ dev: false, prod: true });
  });

  it('refuses an environment that platform.yaml does not declare, at its line', () => {
    const { value, errors, text, file } = withStorage('  preventDestroy:\n    dev: false\n    qa: false\n');
    expect(value).toBeUndefined();
    expect(errors).toEqual([
      expect.objectContaining({ file, line: lineOf(text, 'qa: false'), column: 5, path: 'storage.preventDestroy.qa', message: 'key "qa" is not allowed here; expected one of: dev, prod' }),
    ]);
    expect(errors[0].hint).toMatch(/environment listed in `environments`/);
  });

  it('refuses a value that is not true or false, at its line', () => {
    const { errors, text } = withStorage('  preventDestroy:\n    prod: "yes"\n');
    expect(errors.map((e) => [e.line, e.path, e.message])).toEqual([[lineOf(text, 'prod: "yes"'), 'storage.preventDestroy.prod', 'must be a boolean, got string "yes"']]);
  });

  it('refuses an empty mapping', () => {
    expect(withStorage('  preventDestroy: {}\n').errors.map((e) => e.path)).toEqual(['storage.preventDestroy']);
  });
});

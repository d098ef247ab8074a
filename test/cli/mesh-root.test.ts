import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findMeshRoot, resolveContractsDir } from '../../src/contract/mesh-root';
import { copyMesh, REFERENCE_CONTRACTS } from '../helpers/fixtures';

const BIN = path.join(__dirname, '..', '..', 'bin', 'datamesh.js');

/** A repository with the reference mesh in contracts/ and a src/ folder beside it. */
function repository(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-repo-'));
  fs.cpSync(REFERENCE_CONTRACTS, path.join(repo, 'contracts'), { recursive: true });
  fs.mkdirSync(path.join(repo, 'src', 'jobs'), { recursive: true });
  return repo;
}

describe('finding the mesh by walking up to platform.yaml', () => {
  const repo = repository();
  const contracts = path.join(repo, 'contracts');

  it.each([
    ['the repository root', ''],
    ['the contracts folder', 'contracts'],
    ['a domain folder', 'contracts/sales'],
    ['a folder beside the contracts', 'src/jobs'],
  ])('finds it from %s', (_, from) => {
    expect(findMeshRoot(path.join(repo, from))).toBe(contracts);
  });

  it('finds nothing outside any mesh', () => {
    expect(findMeshRoot(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-nomesh-')))).toBeUndefined();
  });

  it('lets --contracts and DATAMESH_CONTRACTS win over the walk', () => {
    const other = copyMesh();
    expect(resolveContractsDir(undefined, { DATAMESH_CONTRACTS: other }, path.join(repo, 'contracts/sales'))).toBe(other);
    expect(resolveContractsDir(other, { DATAMESH_CONTRACTS: '/nowhere' }, path.join(repo, 'contracts/sales'))).toBe(other);
  });

  it('runs `datamesh validate` from a domain folder', () => {
    const run = spawnSync(process.execPath, [BIN, 'validate'], { cwd: path.join(contracts, 'sales'), env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/11 products checked: 0 errors/);
  });

  it('says plainly when no mesh is above the working folder', () => {
    const run = spawnSync(process.execPath, [BIN, 'validate'], { cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-nomesh-')), env: { PATH: process.env.PATH }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no mesh found: no platform\.yaml in .* or any folder above it/);
  });
});

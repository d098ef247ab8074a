import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCatalog } from '../../src/catalog/build-catalog';
import { writeCatalog } from '../../src/catalog/write-catalog';
import { loadMesh } from '../../src/contract/mesh';
import { FIXTURES } from '../helpers/fixtures';

const catalog = buildCatalog(loadMesh(path.join(FIXTURES, 'minimal')).value!, { environment: 'dev' });
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-write-'));

describe('writeCatalog', () => {
  it('writes catalog.json and index.html, creating the folder', () => {
    const out = path.join(tempDir(), 'cdktf.out', 'catalog');
    const written = writeCatalog(catalog, out);
    expect(written).toEqual({ json: path.join(out, 'catalog.json'), html: path.join(out, 'index.html') });
    expect(JSON.parse(fs.readFileSync(written.json, 'utf8'))).toEqual(JSON.parse(JSON.stringify(catalog)));
    expect(fs.readFileSync(written.html, 'utf8')).toMatch(/^<!doctype html>/);
    expect(fs.readdirSync(out).sort()).toEqual(['catalog.json', 'index.html']);
  });

  it('replaces an earlier catalog whole', () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'catalog.json'), '{"stale": true, "padding": "' + 'x'.repeat(100000) + '"}');
    writeCatalog(catalog, out);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8')).catalogVersion).toBe(1);
  });

  it('leaves neither a half-written file nor a temporary one when it cannot finish', () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'catalog.json'), 'earlier');
    // A folder where index.html should go makes the last rename fail.
    fs.mkdirSync(path.join(out, 'index.html'));
    fs.writeFileSync(path.join(out, 'index.html', 'keep'), '');
    expect(() => writeCatalog(catalog, out)).toThrow();
    expect(fs.readdirSync(out).sort()).toEqual(['catalog.json', 'index.html']);
    const json = fs.readFileSync(path.join(out, 'catalog.json'), 'utf8');
    // Either the earlier file or the complete new one, never a mix.
    expect(json === 'earlier' || JSON.parse(json).catalogVersion === 1).toBe(true);
  });

  it('writes nothing when the output folder cannot be created', () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'file'), '');
    expect(() => writeCatalog(catalog, path.join(parent, 'file', 'catalog'))).toThrow();
    expect(fs.readdirSync(parent)).toEqual(['file']);
  });
});

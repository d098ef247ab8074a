/**
 * The only side effect of the catalog: catalog.json and index.html into a folder. Both are
 * rendered in memory first, written to temporary files beside their targets, then renamed into
 * place, so a reader (or a failed run) never sees a half-written file.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Catalog } from './catalog';
import { renderCatalogPage } from './html/page';

export const CATALOG_JSON = 'catalog.json';
export const CATALOG_HTML = 'index.html';

/** Writes both files and returns their paths. */
export function writeCatalog(catalog: Catalog, outDir: string): { readonly json: string; readonly html: string } {
  // Rendered one at a time, each let go once written: at 2000 products each text is about 20 MB.
  const files: [string, () => string][] = [
    [path.join(outDir, CATALOG_JSON), () => `${JSON.stringify(catalog, null, 2)}\n`],
    [path.join(outDir, CATALOG_HTML), () => renderCatalogPage(catalog)],
  ];
  fs.mkdirSync(outDir, { recursive: true });
  const temporaries: string[] = [];
  try {
    for (const [target, render] of files) {
      const temporary = path.join(outDir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
      temporaries.push(temporary);
      fs.writeFileSync(temporary, render());
    }
    files.forEach(([target], i) => fs.renameSync(temporaries[i], target));
  } finally {
    for (const temporary of temporaries) fs.rmSync(temporary, { force: true });
  }
  return { json: files[0][0], html: files[1][0] };
}

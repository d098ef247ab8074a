/** The data product catalog: catalog.json and a static HTML page, built from a loaded mesh. */
export * from './catalog';
export { buildCatalog, type BuildCatalogOptions } from './build-catalog';
export { writeCatalog, CATALOG_JSON, CATALOG_HTML } from './write-catalog';
export { renderCatalogPage } from './html/page';
export { mergeCatalogs, type CatalogFile, type MergeResult } from './merge-catalogs';

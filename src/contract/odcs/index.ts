// ODCS v3 (Open Data Contract Standard) support: reading into the model, and writing from it.
export { exportOdcs, type OdcsExportOptions } from './export';
export { normalizeOdcsContract, type OdcsReadContext, type OdcsReadResult } from './normalize';
export { ODCS_API_VERSIONS, ODCS_EXPORT_VERSION } from './header';
export { EXTRA as ODCS_CUSTOM_PROPERTIES, DATAMESH_ENGINE } from './custom-properties';

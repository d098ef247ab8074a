// ODCS v3 (Open Data Contract Standard) support: reading v3.0.x, v3.1.0 and v3.2.0 into the model, and writing from it.
export { exportOdcs, odcsExportErrors, odcsExportLosses, type OdcsExportOptions } from './export';
export { normalizeOdcsContract, type OdcsReadContext, type OdcsReadResult } from './normalize';
export { readOdcsContract } from './read';
export { ODCS_API_VERSIONS, ODCS_EXPORT_VERSION, ODCS_EXPORT_VERSIONS, type OdcsExportVersion } from './header';
export { EXTRA as ODCS_CUSTOM_PROPERTIES, DATAMESH_ENGINE } from './custom-properties';

// The public API of the package. Constructs import the provider by deep path only: the package
// root of @cdktf/provider-aws costs seconds and hundreds of megabytes per process.
export { buildMesh, type BuildMeshOptions, type BuiltMesh } from './build-mesh';
export { exitOnInvalidMesh, finishSynthesis, writeGovernanceReports } from './synthesis';
export * from './contract/model';
export { loadMesh, loadProductFile, loadDomainFile, loadPlatformFile, type LoadResult } from './contract/mesh';
export { MeshValidationError, formatContractError, type ContractError } from './contract/errors';
export { parseGlueType, formatGlueType, type GlueType, type GlueTypeResult } from './contract/glue-type';
export { exportOdcs, normalizeOdcsContract, ODCS_API_VERSIONS, ODCS_EXPORT_VERSION, ODCS_CUSTOM_PROPERTIES, DATAMESH_ENGINE, type OdcsExportOptions, type OdcsReadContext, type OdcsReadResult } from './contract/odcs';
export { governContracts, evaluateContracts, evaluateResources, domainPolicies, type GovernanceOptions } from './governance/evaluate';
export { GovernanceAspect, type GovernanceAspectProps } from './governance/aspect';
export { GovernanceLedger } from './governance/ledger';
export { ALL_RULES, CONTRACT_RULES, RESOURCE_RULES, ruleById } from './governance/registry';
export { isBlocking, type Finding, type Severity } from './governance/finding';
export type { ContractRule, ResourceRule, RuleMetadata, RuleResult, Violation } from './governance/rule';
export { mergePolicy, MANDATORY_TAGS, DEFAULT_PII_PATTERNS, type EffectivePolicy } from './governance/policy';
export { DomainStack } from './constructs/domain-stack';
export type { DomainStackProps } from './constructs/domain-stack-props';
export { DataProduct } from './constructs/data-product';
export type { DataProductProps } from './constructs/data-product-props';
export { SecureBucket } from './constructs/storage/secure-bucket';
export type { SecureBucketProps } from './constructs/storage/secure-bucket-props';
export { ProductTable } from './constructs/catalog/product-table';
export type { ProductTableProps } from './constructs/catalog/product-table-props';
export { productBucketName, glueDatabaseName, accessLogBucketName } from './constructs/naming';

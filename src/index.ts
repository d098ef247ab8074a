// The public API of the package. Constructs import the provider by deep path only: the package
// root of @cdktf/provider-aws costs seconds and hundreds of megabytes per process.
export { buildMesh, type BuildMeshOptions, type BuiltMesh } from './build-mesh';
export { exitOnInvalidMesh } from './synthesis';
export * from './contract/model';
export { loadMesh, loadProductFile, loadDomainFile, loadPlatformFile, type LoadResult } from './contract/mesh';
export { MeshValidationError, formatContractError, type ContractError } from './contract/errors';
export { parseGlueType, formatGlueType, type GlueType, type GlueTypeResult } from './contract/glue-type';
export { DomainStack } from './constructs/domain-stack';
export type { DomainStackProps } from './constructs/domain-stack-props';
export { DataProduct } from './constructs/data-product';
export type { DataProductProps } from './constructs/data-product-props';
export { SecureBucket } from './constructs/storage/secure-bucket';
export type { SecureBucketProps } from './constructs/storage/secure-bucket-props';
export { ProductTable } from './constructs/catalog/product-table';
export type { ProductTableProps } from './constructs/catalog/product-table-props';
export { productBucketName, glueDatabaseName, accessLogBucketName } from './constructs/naming';

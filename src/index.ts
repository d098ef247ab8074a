// The public API of the package. Constructs import the provider by deep path only: the package
// root of @cdktf/provider-aws costs seconds and hundreds of megabytes per process.
export { buildMesh, type BuildMeshOptions, type BuiltMesh } from './build-mesh';
export { synthMesh, failOnInvalidMesh, finishSynthesis, writeGovernanceReports, SynthesisFailedError, type SynthMeshOptions } from './synthesis';
export { ConstructError } from './constructs/errors';
export * from './contract/model';
export { loadMesh, loadProductFile, loadDomainFile, loadPlatformFile, type LoadResult } from './contract/mesh';
export { ownDomains, REGISTRY_FOLDER, REGISTRY_FORMAT } from './contract/registry';
export { MeshValidationError, formatContractError, type ContractError } from './contract/errors';
export { parseGlueType, formatGlueType, type GlueType, type GlueTypeResult } from './contract/glue-type';
export {
  exportOdcs,
  normalizeOdcsContract,
  readOdcsContract,
  odcsExportLosses,
  ODCS_API_VERSIONS,
  ODCS_EXPORT_VERSION,
  ODCS_EXPORT_VERSIONS,
  ODCS_CUSTOM_PROPERTIES,
  DATAMESH_ENGINE,
  type OdcsExportOptions,
  type OdcsExportVersion,
  type OdcsReadContext,
  type OdcsReadResult,
} from './contract/odcs';
export { governContracts, evaluateContracts, evaluateResources, evaluateEvolution, domainPolicies, type GovernanceOptions } from './governance/evaluate';
export { GovernanceAspect, type GovernanceAspectProps } from './governance/aspect';
export { GovernanceLedger } from './governance/ledger';
export { ALL_RULES, CONTRACT_RULES, RESOURCE_RULES, EVOLUTION_RULES, ruleById } from './governance/registry';
export { isBlocking, type Finding, type Severity } from './governance/finding';
export type { ContractRule, ContractRuleContext, ResourceRule, ResourceRuleContext, EvolutionRule, RuleMetadata, RuleResult, RuleSource, Violation } from './governance/rule';
export { meshRules, RulePackError, CUSTOM_RULE_ID, type RulePack, type MeshRules } from './governance/custom/rule-set';
export { compileCondition, type CompiledCondition, type ConditionProblem } from './governance/custom/condition';
export { VARIABLES, variableRows, type Shape } from './governance/custom/variables';
export type { StackResources, StackResource } from './governance/stack-resources';
export { mergePolicy, MANDATORY_TAGS, DEFAULT_PII_PATTERNS, type EffectivePolicy } from './governance/policy';
export { DomainStack } from './constructs/domain-stack';
export type { DomainStackProps } from './constructs/domain-stack-props';
export { DataProduct } from './constructs/data-product';
export type { DataProductProps } from './constructs/data-product-props';
export { SecureBucket } from './constructs/storage/secure-bucket';
export type { SecureBucketProps } from './constructs/storage/secure-bucket-props';
export { ProductTable } from './constructs/catalog/product-table';
export type { ProductTableProps } from './constructs/catalog/product-table-props';
export { productBucketName, glueDatabaseName, accessLogBucketName, type NameParts, type DomainNames } from './contract/naming';
export * from './catalog';
export { runCli, type RunOptions } from './cli/main';
export type { ContractRuleEvaluator } from './cli/contract-rules';
export { diffMesh, type MeshDiff } from './governance/diff-mesh';
export { evolveMesh, evolveProduct, versionBump, type ProductEvolution, type Bump } from './evolution/evolution';
export { diffProducts } from './evolution/diff-products';
export { CHANGE_KINDS, type Change, type ChangeKind, type Impact } from './evolution/change';
export { loadBaseline, BaselineError, type Baseline } from './evolution/baseline';
export { formatDiff, type DiffFormat } from './governance/reports/diff';
export { compileDqdl, type CompiledRuleset, type UnsupportedRule } from './contract/dqdl/dqdl';
export { DomainLfTags, type LfTagKeys } from './constructs/access/lake-formation-tags';
export type { DomainLfTagsProps } from './constructs/access/lake-formation-tags-props';
export { ProductLakeFormation } from './constructs/access/product-lake-formation';
export type { ProductLakeFormationProps } from './constructs/access/product-lake-formation-props';
export { ProductQuality } from './constructs/quality/product-quality';
export { DOMAINS_VARIABLE, parseDomainList, type DomainSelection } from './domain-selection';
export { affectedStacks, compareStacks, type AffectedReport, type AffectedStack, type StackChange } from './evolution/affected';
export { stackInputs, type MeshModel, type StackInputs } from './evolution/stack-inputs';
export { githubWorkflow, WorkflowError, type WorkflowMesh, type WorkflowOptions } from './ci/github-workflow';
export type { ProductQualityProps } from './constructs/quality/product-quality-props';
export type { ReusesResolution } from './governance/resolution';
export type { TerraformJsonStack } from './governance/stack-resources';
// Types the signatures above name: a caller can spell every type the API hands out or takes.
export { EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, type ExitCode } from './cli/exit-codes';
export type { Terminal } from './cli/terminal';
export type { ConsumerGrant } from './constructs/access/consumer-grants';
export type { PrincipalAccess } from './constructs/access/consumer-access';
export type { PolicyStatement, PolicyConditions } from './constructs/access/policy-document';
export { DomainOperations } from './constructs/operate/domain-operations';
export type { DomainOperationsProps } from './constructs/operate/domain-operations-props';
export { DomainAlerts } from './constructs/operate/domain-alerts';
export type { DomainAlertsProps } from './constructs/operate/domain-alerts-props';
export { QualityEvaluation } from './constructs/operate/quality-evaluation';
export type { QualityEvaluationProps, EvaluatedProduct } from './constructs/operate/quality-evaluation-props';
export type { LoadSummary } from './contract/errors';
export type { GluePrimitiveName, GlueStructField, GlueTypeError } from './contract/glue-type';
export type { SourceDocument, DocPath } from './contract/source';
export type { NamePattern } from './contract/patterns';
export type { FoundBump } from './evolution/evolution';
export { ACCESS_CHANGE_KINDS, type AccessChange, type AccessChangeKind, type AccessImpact } from './evolution/diff-access';
export type { Downstream, DownstreamConsumer } from './evolution/impact';

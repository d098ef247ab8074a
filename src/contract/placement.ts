/**
 * What a contract declares about where its data lives is built as declared or refused at its
 * line (DESIGN.md §4): the platform names buckets `<org>-<env>-<domain>-<product>` and Glue
 * databases `<org>_<env>_<domain>` itself, so a declared S3 location, Glue database, AWS account,
 * region or Athena catalog is accepted only when it is what the platform builds, and a
 * "cannot build" error otherwise. The loader knows the environments but not the one being built:
 * a declaration for a named environment of the platform (an ODCS server's `environment`) must
 * match that environment's names, any other must match those of one of the platform's environments.
 */
import { DATA_PREFIX, glueDatabaseName, productBucketName } from './naming';
import type { ContractError } from './errors';
import type { DataProductSpec, DeclaredPlacement, DomainSpec, PlatformSpec } from './model';

// The Glue Data Catalog of the account, as Athena names it.
const ATHENA_CATALOG = 'awsdatacatalog';

export function declaredPlacementErrors(platform: PlatformSpec, domains: readonly DomainSpec[], products: readonly DataProductSpec[]): ContractError[] {
  const byName = new Map(domains.map((d) => [d.name, d]));
  return products.flatMap((product) =>
    (product.output.declared ?? []).flatMap((declared) => {
      const problem = mismatch(declared, product, platform, byName.get(product.domain));
      return problem ? [{ ...declared.location, path: declared.path, message: `cannot build: ${problem.message}`, hint: problem.hint }] : [];
    }),
  );
}

function mismatch(declared: DeclaredPlacement, product: DataProductSpec, platform: PlatformSpec, domain: DomainSpec | undefined): { message: string; hint: string } | undefined {
  const environments = declared.environment !== undefined && platform.environments.includes(declared.environment) ? [declared.environment] : platform.environments;
  const parts = (environment: string) => ({ organization: platform.organization, environment, domain: product.domain });
  const each = (names: readonly string[]) => names.map((name, i) => `${name} (${environments[i]})`).join(' or ');
  const says = `${product.id} declares ${declared.kind} "${declared.value}"`;
  switch (declared.kind) {
    case 'location': {
      const built = environments.map((environment) => `s3://${productBucketName(parts(environment), product.name)}/${DATA_PREFIX}`);
      if (built.some((uri) => sameLocation(declared.value, uri))) return undefined;
      return {
        message: `${says}, but the platform stores it at ${each(built)}`,
        hint: "leave the location out, or write the platform's own; the platform names its buckets <organization>-<environment>-<domain>-<product> and builds no other",
      };
    }
    case 'database': {
      const built = environments.map((environment) => glueDatabaseName(parts(environment)));
      if (built.includes(declared.value)) return undefined;
      return {
        message: `${says}, but the platform puts its table in the Glue database ${each(built)}`,
        hint: "leave the database out, or write the platform's own: <organization>_<environment>_<domain>",
      };
    }
    case 'account':
      if (!domain || domain.account === declared.value) return undefined;
      return {
        message: `${says}, but domain ${domain.name} deploys into account ${domain.account}`,
        hint: `write ${domain.account}, or leave the account out; the account is set in ${domain.source.file}`,
      };
    case 'region': {
      const region = domain?.region ?? platform.region;
      if (region === declared.value) return undefined;
      return { message: `${says}, but domain ${product.domain} deploys into ${region}`, hint: `write ${region}, or leave the region out` };
    }
    case 'catalog':
      if (declared.value.toLowerCase() === ATHENA_CATALOG) return undefined;
      return { message: `${says}, but the platform registers its table in the account's Glue Data Catalog (${ATHENA_CATALOG})`, hint: `write ${ATHENA_CATALOG}, or leave the catalog out` };
  }
}

/** `s3://bucket`, `s3://bucket/` and `s3://bucket/data/` all name where the table's data lives (s3a:// too). */
function sameLocation(declared: string, built: string): boolean {
  const normal = (uri: string) =>
    uri
      .trim()
      .replace(/^s3a:\/\//, 's3://')
      .replace(/\/+$/, '');
  const bucketOf = (uri: string) => /^s3:\/\/[^/]+/.exec(normal(uri))?.[0];
  return normal(declared) === normal(built) || normal(declared) === bucketOf(built);
}

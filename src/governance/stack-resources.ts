/**
 * A read-only view of one synthesized Terraform stack (its JSON, tokens resolved), for resource
 * rules. Pure data: no cdktf import, so rules are tested on small JSON fixtures.
 */
export interface StackResource {
  readonly type: string;
  /** Logical name in the stack. */
  readonly name: string;
  /** Construct path, e.g. `sales/orders/storage/bucket`. */
  readonly path: string;
  readonly config: Readonly<Record<string, any>>;
  /** Whether the resource type accepts tags at all. */
  readonly taggable: boolean;
  /** Provider default tags merged with the resource's own. */
  readonly tags: Readonly<Record<string, string>>;
  /** The data product the resource belongs to, if any. */
  readonly productId?: string;
}

export interface StackResources {
  readonly stack: string;
  readonly resources: readonly StackResource[];
  /** `data` blocks by type and name, for policies built with aws_iam_policy_document. */
  readonly data: Readonly<Record<string, Readonly<Record<string, any>>>>;
}

/** A stack's Terraform JSON as cdktf resolves it: the blocks the rules read (the JSON holds others too). */
export interface TerraformJsonStack {
  readonly resource?: Record<string, Record<string, Record<string, any>>>;
  readonly data?: Record<string, Record<string, Record<string, any>>>;
  readonly provider?: Record<string, readonly Record<string, any>[]>;
}

export interface StackResourceOptions {
  /** Decides taggability; the default treats a resource as taggable when it sets `tags`. */
  readonly isTaggable?: (type: string, name: string, config: Record<string, any>) => boolean;
  /** Names the product a resource belongs to, by its type and logical name. */
  readonly productOfResource?: (type: string, name: string) => string | undefined;
}

export function stackResources(stack: string, json: TerraformJsonStack, options: StackResourceOptions = {}): StackResources {
  const defaultTags: Record<string, string> = Object.assign({}, ...(json.provider?.aws ?? []).flatMap((p) => (p.default_tags ?? []).map((d: { tags?: object }) => d.tags ?? {})));
  const resources: StackResource[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) {
      const path: string = config['//']?.metadata?.path ?? `${stack}/${name}`;
      const taggable = options.isTaggable ? options.isTaggable(type, name, config) : config.tags !== undefined;
      resources.push({ type, name, path, config, taggable, tags: { ...defaultTags, ...(config.tags ?? {}) }, productId: options.productOfResource?.(type, name) });
    }
  }
  return { stack, resources, data: json.data ?? {} };
}

export function ofType(stack: StackResources, type: string): StackResource[] {
  return [...(indexOf(stack).byType.get(type) ?? [])];
}

/** The resource a `${type.name.attr}` reference points at. */
export function referenced(stack: StackResources, value: unknown, type: string): StackResource | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(value);
  if (match) return match[1] === type ? indexOf(stack).byAddress.get(`${type}.${match[2]}`) : undefined;
  return undefined;
}

/** The bucket a companion resource (policy, encryption, ...) configures: by reference or by literal name. */
export function bucketOf(stack: StackResources, value: unknown): StackResource | undefined {
  return referenced(stack, value, 'aws_s3_bucket') ?? (value === undefined ? undefined : indexOf(stack).bucketsByName.get(value));
}

/** Companion resources of `type` whose `bucket` attribute is this bucket. */
export function companions(stack: StackResources, bucket: StackResource, type: string): StackResource[] {
  const index = indexOf(stack);
  let byBucket = index.companionsByType.get(type);
  if (!byBucket) {
    byBucket = new Map();
    for (const resource of index.byType.get(type) ?? []) {
      const target = bucketOf(stack, resource.config.bucket);
      if (!target) continue;
      const list = byBucket.get(target);
      if (list) list.push(resource);
      else byBucket.set(target, [resource]);
    }
    index.companionsByType.set(type, byBucket);
  }
  return [...(byBucket.get(bucket) ?? [])];
}

/**
 * Rules ask the same questions of every bucket (its type's resources, its companions); answering
 * them by scanning the stack each time would make a check quadratic in the stack's size. A view
 * is never modified, so its lookups are built once, on first use.
 */
interface StackIndex {
  readonly byType: Map<string, StackResource[]>;
  /** `type.name`; the first resource wins, as a scan would find it. */
  readonly byAddress: Map<string, StackResource>;
  readonly bucketsByName: Map<unknown, StackResource>;
  readonly companionsByType: Map<string, Map<StackResource, StackResource[]>>;
}

const indexes = new WeakMap<StackResources, StackIndex>();

function indexOf(stack: StackResources): StackIndex {
  let found = indexes.get(stack);
  if (found) return found;
  found = { byType: new Map(), byAddress: new Map(), bucketsByName: new Map(), companionsByType: new Map() };
  for (const resource of stack.resources) {
    const ofItsType = found.byType.get(resource.type);
    if (ofItsType) ofItsType.push(resource);
    else found.byType.set(resource.type, [resource]);
    const address = `${resource.type}.${resource.name}`;
    if (!found.byAddress.has(address)) found.byAddress.set(address, resource);
    if (resource.type === 'aws_s3_bucket' && resource.config.bucket !== undefined && !found.bucketsByName.has(resource.config.bucket)) {
      found.bucketsByName.set(resource.config.bucket, resource);
    }
  }
  indexes.set(stack, found);
  return found;
}

/**
 * Buckets that receive S3 server access logs, i.e. logging targets: SSE-S3 is allowed for them and
 * they need no versioning. A bucket policy letting the log delivery service write does not count:
 * any data bucket could add one to escape the rules without an exception.
 */
export function accessLogBuckets(stack: StackResources): Set<StackResource> {
  const targets = ofType(stack, 'aws_s3_bucket_logging').map((l) => bucketOf(stack, l.config.target_bucket));
  const inline = ofType(stack, 'aws_s3_bucket').flatMap((b) => (b.config.logging ?? []).map((l: { target_bucket?: string }) => bucketOf(stack, l.target_bucket)));
  return new Set([...targets, ...inline].filter((b): b is StackResource => b !== undefined));
}

export interface Statement {
  readonly effect: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** Principal identifiers; `*` for anyone. */
  readonly principals: readonly string[];
  readonly conditions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * Statements of a policy attribute: literal JSON, or a reference to an aws_iam_policy_document.
 * Undefined when the policy is computed at apply time and cannot be read here.
 */
export function policyStatements(stack: StackResources, policy: unknown): Statement[] | undefined {
  if (typeof policy !== 'string') return undefined;
  const document = /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json\}$/.exec(policy);
  if (document) {
    const data = stack.data.aws_iam_policy_document?.[document[1]];
    return data ? (data.statement ?? []).map(documentStatement) : undefined;
  }
  try {
    const parsed = JSON.parse(policy);
    return [parsed.Statement ?? []].flat().map(jsonStatement);
  } catch {
    return undefined;
  }
}

function jsonStatement(s: Record<string, any>): Statement {
  const principal = s.Principal;
  const principals = principal === undefined ? [] : typeof principal === 'string' ? [principal] : Object.values(principal).flat().map(String);
  return { effect: s.Effect, actions: [s.Action ?? []].flat(), resources: [s.Resource ?? []].flat(), principals, conditions: s.Condition ?? {} };
}

function documentStatement(s: Record<string, any>): Statement {
  const conditions: Record<string, Record<string, unknown>> = {};
  for (const c of s.condition ?? []) conditions[c.test] = { ...conditions[c.test], [c.variable]: c.values };
  return {
    effect: s.effect === 'Deny' ? 'Deny' : 'Allow',
    actions: s.actions ?? [],
    resources: s.resources ?? [],
    principals: (s.principals ?? []).flatMap((p: { identifiers?: string[] }) => p.identifiers ?? []),
    conditions,
  };
}

/** What a bucket rule says about one bucket: the problem in words, or undefined when it complies. */
export type BucketCheck = (bucket: StackResource, name: string, accessLog: boolean) => string | undefined;

/**
 * The loop every bucket rule shares: each `aws_s3_bucket` of the stack (only data buckets when
 * `dataOnly`, i.e. not the access-log targets), one violation per bucket with a problem, named
 * by its bucket name; not applicable when there is no such bucket.
 */
export function checkBuckets(stack: StackResources, check: BucketCheck, options: { readonly dataOnly?: boolean } = {}): 'not-applicable' | 'compliant' | { message: string; constructPath: string }[] {
  const logBuckets = accessLogBuckets(stack);
  const buckets = ofType(stack, 'aws_s3_bucket').filter((b) => !(options.dataOnly && logBuckets.has(b)));
  if (buckets.length === 0) return 'not-applicable';
  const violations = buckets.flatMap((bucket) => {
    const problem = check(bucket, String(bucket.config.bucket ?? bucket.name), logBuckets.has(bucket));
    return problem === undefined ? [] : [{ message: problem, constructPath: bucket.path }];
  });
  return violations.length ? violations : 'compliant';
}

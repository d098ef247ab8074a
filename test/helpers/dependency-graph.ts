/**
 * The dependency graph Terraform builds from a stack's JSON: an edge for every `${type.name...}`
 * reference in a resource's arguments and for every `depends_on` entry. Resources are addressed
 * `type.name`, as in Terraform's own output.
 */
export interface DependencyGraph {
  /** Every resource address, with its construct path. */
  readonly resources: ReadonlyMap<string, { readonly type: string; readonly path: string; readonly config: Record<string, any> }>;
  /** Direct dependencies of a resource. */
  readonly edges: ReadonlyMap<string, ReadonlySet<string>>;
}

export function dependencyGraph(stack: { resource?: Record<string, Record<string, Record<string, any>>> }): DependencyGraph {
  const resources = new Map<string, { type: string; path: string; config: Record<string, any> }>();
  const edges = new Map<string, Set<string>>();
  for (const [type, byName] of Object.entries(stack.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) {
      const { ['//']: metadata, depends_on: dependsOn = [], ...args } = config;
      const address = `${type}.${name}`;
      resources.set(address, { type, path: metadata?.metadata?.path ?? address, config });
      const references = [...JSON.stringify(args).matchAll(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)[.}]/g)].map((m) => `${m[1]}.${m[2]}`);
      edges.set(address, new Set([...references, ...(dependsOn as string[])]));
    }
  }
  return { resources, edges };
}

/** Everything `address` waits for, directly or through other resources. */
export function dependenciesOf(graph: DependencyGraph, address: string): Set<string> {
  const seen = new Set<string>();
  const pending = [...(graph.edges.get(address) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(graph.edges.get(next) ?? []));
  }
  return seen;
}

/** Addresses of the resources of one type, optionally only those under a construct path. */
export function addressesOf(graph: DependencyGraph, type: string, under?: string): string[] {
  return [...graph.resources].filter(([, r]) => r.type === type && (under === undefined || r.path.startsWith(`${under}/`))).map(([address]) => address);
}

/**
 * The dependencies Terraform read from a stack, from the `configuration` section of its plan JSON
 * (`terraform show -json`): every `references` list of a resource's expressions, nested blocks
 * included, and its `depends_on`. These are what Terraform builds its graph from; data sources are
 * nodes too (`data.type.name`), so a resource that waits through one is found by dependenciesOf.
 * Reading them from the plan the test already has costs no extra start of the provider, which
 * `terraform graph` needed (about 3 s each).
 */
export function planConfigurationGraph(plan: { configuration?: { root_module?: { resources?: PlannedConfiguration[] } } }): DependencyGraph {
  const edges = new Map<string, Set<string>>();
  for (const resource of plan.configuration?.root_module?.resources ?? []) {
    const references = new Set<string>(resource.depends_on ?? []);
    collectReferences(resource.expressions, references);
    edges.set(resource.address, new Set([...references].map(referencedObject)));
  }
  return { resources: new Map(), edges };
}

interface PlannedConfiguration {
  readonly address: string;
  readonly expressions?: unknown;
  readonly depends_on?: readonly string[];
}

function collectReferences(expression: unknown, into: Set<string>): void {
  if (Array.isArray(expression)) {
    for (const item of expression) collectReferences(item, into);
  } else if (expression && typeof expression === 'object') {
    for (const [key, value] of Object.entries(expression)) {
      if (key === 'references' && Array.isArray(value)) for (const reference of value) into.add(String(reference));
      else collectReferences(value, into);
    }
  }
}

/** `aws_kms_key.key.arn` -> `aws_kms_key.key`; `data.aws_iam_policy_document.doc.json` -> `data.aws_iam_policy_document.doc`. */
function referencedObject(reference: string): string {
  const parts = reference.split('.');
  return parts.slice(0, parts[0] === 'data' ? 3 : 2).join('.');
}

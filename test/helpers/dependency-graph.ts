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
 * The edges of `terraform graph` (DOT): Terraform's own reading of the configuration. It prints
 * the transitive reduction, so ask it what a resource waits for with dependenciesOf.
 */
export function terraformGraph(dot: string): DependencyGraph {
  const edges = new Map<string, Set<string>>();
  for (const [, from, to] of dot.matchAll(/^\s*"([^"]+)" -> "([^"]+)"/gm)) {
    const clean = (node: string) => node.replace(/^\[root\] /, '').replace(/ \(expand\)$/, '');
    const set = edges.get(clean(from)) ?? new Set<string>();
    set.add(clean(to));
    edges.set(clean(from), set);
  }
  return { resources: new Map(), edges };
}

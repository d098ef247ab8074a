/**
 * Who a breaking change reaches: the products derived from the changed product (through their
 * `inputs`, transitively) and the consumers granted access to it or to any of those products.
 * Read from the current mesh, with the base contract's grants added: a consumer that just lost
 * its access is the first to feel it.
 */
import { buildLineage, downstreamOf } from '../contract/lineage';
import type { ConsumerSpec, DataProductSpec } from '../contract/model';
import type { ProductEvolution } from './evolution';

export interface DownstreamConsumer {
  /** `domain <name>` or the role ARN. */
  readonly consumer: string;
  /** The product whose grant reaches it. */
  readonly via: string;
}

export interface Downstream {
  /** Products derived from the changed one, directly or through others, nearest first. */
  readonly products: readonly string[];
  /** Consumers of the changed product and of every product downstream of it. */
  readonly consumers: readonly DownstreamConsumer[];
}

/** Downstream of every product with a breaking change, by product id. */
export function breakingImpact(evolutions: readonly ProductEvolution[], products: readonly DataProductSpec[]): Readonly<Record<string, Downstream>> {
  const lineage = buildLineage(products);
  const byId = new Map(products.map((p) => [p.id, p]));
  const impact: Record<string, Downstream> = {};
  for (const evolution of evolutions) {
    if (!evolution.changes.some((c) => c.impact === 'breaking')) continue;
    const downstream = downstreamOf(lineage, evolution.productId);
    const consumers: DownstreamConsumer[] = [];
    const add = (consumer: ConsumerSpec, via: string) => {
      const who = consumerName(consumer);
      if (!consumers.some((c) => c.consumer === who && c.via === via)) consumers.push({ consumer: who, via });
    };
    for (const consumer of [...(evolution.base?.consumers ?? []), ...(evolution.current?.consumers ?? [])]) add(consumer, evolution.productId);
    for (const id of downstream) for (const consumer of byId.get(id)?.consumers ?? []) add(consumer, id);
    impact[evolution.productId] = { products: downstream, consumers };
  }
  return impact;
}

export function consumerName(consumer: ConsumerSpec): string {
  return consumer.kind === 'domain' ? `domain ${consumer.domain}` : consumer.principal;
}

/** One line: `products a, b; consumers domain x (via a), arn:... (via b)`. */
export function describeDownstream(downstream: Downstream | undefined): string {
  if (!downstream || (downstream.products.length === 0 && downstream.consumers.length === 0)) return 'nothing downstream: no product derives from it and no consumer is granted';
  const products = downstream.products.length ? downstream.products.join(', ') : 'none';
  const consumers = downstream.consumers.length ? downstream.consumers.map((c) => `${c.consumer} (via ${c.via})`).join(', ') : 'none';
  return `products ${products}; consumers ${consumers}`;
}

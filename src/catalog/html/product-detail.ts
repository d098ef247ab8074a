/** The detail view of one product: what it is, who owns it, its schema, promises and readers. */
import { formatMinutes } from '../durations';
import type { Catalog, CatalogColumn, CatalogProduct, ConsumerEntry } from '../catalog';
import { html, type SafeHtml } from './escape';
import { neighbourhood, renderLineageGraph } from './lineage-graph';

/** Fragment id of a product's detail view; ids are `<domain>.<name>`, valid in a URL fragment. */
export function detailAnchor(product: Pick<CatalogProduct, 'id'>): string {
  return `product-${product.id}`;
}

export function renderProductDetail(product: CatalogProduct, catalog?: Pick<Catalog, 'lineage' | 'domains'>): SafeHtml {
  const port = product.outputPort;
  const sla = product.sla;
  return html`<article class="detail" id="${detailAnchor(product)}" data-product="${product.id}" aria-labelledby="${detailAnchor(product)}-title">
<p><a href="#" class="back">&larr; All products</a></p>
<h2 id="${detailAnchor(product)}-title">${product.id} <span class="version">v${product.version}</span> <span class="badge status-${product.status}">${product.status}</span> ${governanceBadge(product)}${product.containsPii ? html` <span class="badge pii">contains PII</span>` : ''}</h2>
<p class="description">${product.description}</p>
${product.synonyms?.length ? html`<p class="synonyms">Also known as: ${product.synonyms.join(', ')}</p>` : ''}
<dl class="facts">
<dt>Owner</dt><dd>${product.owner.team} &lt;<a href="mailto:${product.owner.email}">${product.owner.email}</a>&gt;</dd>
<dt>Freshness</dt><dd>${sla.freshnessMinutes === undefined ? 'not promised' : `at most ${formatMinutes(sla.freshnessMinutes)} old`}</dd>
<dt>Availability</dt><dd>${sla.availabilityPercent === undefined ? 'not promised' : `${sla.availabilityPercent}%`}</dd>
<dt>Classification</dt><dd>${product.classification}</dd>
<dt>Format</dt><dd>${port.format}${port.partitionBy.length ? `, partitioned by ${port.partitionBy.join(', ')}` : ''}${port.retentionDays === undefined ? ', kept forever' : `, kept ${formatMinutes(port.retentionDays * 1440)}`}</dd>
<dt>S3</dt><dd><code class="s3-uri">${port.s3Uri}</code>${port.deployed ? '' : html` <span class="note">(draft: not deployed)</span>`}</dd>
<dt>Glue table</dt><dd><code class="glue-table">${port.table}</code></dd>
<dt>Contract</dt><dd><code>${product.source.file}</code> (${product.source.format})</dd>
</dl>
<h3>Schema</h3>
<div class="table-scroll"><table class="schema"><thead><tr><th>Column</th><th>Type</th><th>Description</th><th>Classification</th><th>Flags</th></tr></thead>
<tbody>${product.schema.map(columnRow)}</tbody></table></div>
${product.context ? contextSection(product.context) : ''}<h3>Query in Athena</h3>
<pre class="athena"><code>${product.athenaQuery}</code></pre>
<h3>Quality rules</h3>
${product.quality.length ? html`<ul class="quality">${product.quality.map((q) => html`<li><code>${q.rule}</code> ${q.summary}${q.description ? html` <span class="note">${q.description}</span>` : ''}</li>`)}</ul>` : html`<p class="empty">No quality rules.</p>`}
<h3>Monitoring</h3>
${monitoringFacts(product)}
<h3>Consumers</h3>
${product.consumers.length ? consumersTable(product.consumers) : html`<p class="empty">No consumers yet.</p>`}
<h3>Lineage</h3>
${lineageSection(product, catalog)}
<h3>Governance</h3>
${governanceList(product)}
</article>
`;
}

function columnRow(column: CatalogColumn): SafeHtml {
  const flags = [
    column.deprecated ? 'deprecated' : undefined,
    column.semanticType && column.semanticType !== 'column' ? column.semanticType : undefined,
    column.primaryKey ? 'primary key' : undefined,
    column.required && !column.primaryKey ? 'required' : undefined,
    column.partitionKey ? 'partition' : undefined,
    ...column.tags,
  ].filter((f): f is string => f !== undefined);
  return html`<tr data-column="${column.name}"${column.pii ? html` class="pii-column"` : ''}>
<td><code>${column.name}</code>${column.pii ? html` <span class="badge pii" title="personal data">PII</span>` : ''}</td>
<td><code>${column.type}</code></td><td>${column.description ?? ''}${column.synonyms?.length ? html` <span class="note">also: ${column.synonyms.join(', ')}</span>` : ''}</td><td>${column.classification}</td><td>${flags.join(', ')}</td></tr>`;
}

/** ODCS v3.2.0 context: what people and AI tools should know before they query. */
function contextSection(context: NonNullable<CatalogProduct['context']>): SafeHtml {
  return html`<h3>Context</h3>
<div class="context">${context.instructions ? html`<p>${context.instructions}</p>` : ''}${
    context.statements.length ? html`<dl class="statements">${context.statements.map((s) => html`<dt>${s.question}</dt><dd>${s.answer ?? ''}</dd>`)}</dl>` : ''
  }${context.constraints.length ? html`<ul class="constraints">${context.constraints.map((c) => html`<li>${c}</li>`)}</ul>` : ''}</div>
`;
}

function consumersTable(consumers: readonly ConsumerEntry[]): SafeHtml {
  return html`<div class="table-scroll"><table class="consumers"><thead><tr><th>Consumer</th><th>Access</th><th>PII approved</th><th>Reason</th></tr></thead><tbody>${consumers.map(
    (c) =>
      html`<tr><td>${c.domain !== undefined ? html`domain <strong>${c.domain}</strong>` : html`<code>${c.principal}</code>`}</td><td>${c.access}</td><td>${c.pii ? 'yes' : 'no'}</td><td>${c.reason ?? ''}</td></tr>`,
  )}</tbody></table></div>`;
}

function governanceBadge(product: CatalogProduct): SafeHtml {
  const labels = { pass: 'governance: pass', warn: 'governance: warnings', fail: 'governance: errors', 'not-evaluated': 'governance: not evaluated' } as const;
  return html`<span class="badge governance-${product.governance.status}">${labels[product.governance.status]}</span>`;
}

function governanceList(product: CatalogProduct): SafeHtml {
  const g = product.governance;
  if (g.status === 'not-evaluated') return html`<p class="empty">Governance rules were not evaluated for this catalog.</p>`;
  if (g.findings.length === 0) return html`<p>No findings.</p>`;
  return html`<ul class="findings">${g.findings.map(
    (f) =>
      html`<li class="finding ${f.waiver ? 'waived' : f.severity}"><code>${f.ruleId}</code> ${f.waiver ? `${f.severity}, waived until ${f.waiver.expires}` : f.severity}: ${f.message} <span class="note">fix: ${f.fix}</span></li>`,
  )}</ul>`;
}

function monitoringFacts(product: CatalogProduct): SafeHtml {
  const m = product.monitoring;
  return html`<dl class="facts monitoring">
<dt>Quality checks</dt><dd>${m.evaluated ? html`<code class="schedule">${m.schedule ?? ''}</code> (${m.cadenceSource ?? ''}): ${m.rulesEvaluated} rule(s) of ruleset <code>${m.ruleset ?? ''}</code>` : html`<span class="empty">not scheduled</span>`}</dd>
<dt>Alerts</dt><dd>${m.alertTopic ? html`SNS topic <code class="alert-topic">${m.alertTopic}</code> to ${m.alertEndpoints.map((e) => `${e.protocol} ${e.endpoint}`).join(', ')}` : html`<span class="empty">none</span>`}</dd>
</dl>`;
}

/** Upstream and downstream products, as lists of links and as a picture of the neighbourhood. */
function lineageSection(product: CatalogProduct, catalog: Pick<Catalog, 'lineage' | 'domains'> | undefined): SafeHtml {
  const lineage = product.lineage;
  if (!lineage || (lineage.upstream.length === 0 && lineage.downstream.length === 0)) return html`<p class="empty lineage-none">No inputs declared, and no product is derived from this one.</p>`;
  const link = (id: string) => html`<a href="#${detailAnchor({ id })}">${id}</a>`;
  const edges = catalog ? neighbourhood(catalog.lineage, product.id, lineage.allUpstream, lineage.allDownstream) : [];
  return html`<div class="lineage" data-product="${product.id}">
<p><strong>Derived from</strong> (upstream): ${lineage.upstream.length ? html`<span class="upstream">${join(lineage.upstream.map((u) => html`${link(u.id)}${u.versionRange ? html` <span class="note">${u.versionRange}</span>` : ''}`))}</span>` : html`<span class="empty">no inputs</span>`}</p>
<p><strong>Read by</strong> (downstream): ${lineage.downstream.length ? html`<span class="downstream">${join(lineage.downstream.map(link))}</span>` : html`<span class="empty">no derived products</span>`}</p>
${lineage.allDownstream.length ? html`<p class="note impact">A breaking change to ${product.id} reaches ${lineage.allDownstream.length} product${lineage.allDownstream.length === 1 ? '' : 's'} downstream: ${lineage.allDownstream.join(', ')}.</p>` : ''}
${edges.length ? renderLineageGraph(edges, { focus: product.id, title: `Lineage of ${product.id}: arrows point from a product to the products derived from it`, domains: catalog!.domains.map((d) => d.name) }) : ''}
</div>`;
}

function join(items: readonly SafeHtml[]): SafeHtml[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [html`, `, item]));
}

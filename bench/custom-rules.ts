/**
 * What 20 custom rules (CEL conditions in platform.yaml) cost on a generated mesh: the contract
 * rules' evaluation with and without them, interleaved, median of the runs. Compilation (once per
 * mesh) is timed apart. Usage: `node -r ts-node/register/transpile-only bench/custom-rules.ts [10x100] [repeat]`
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadMesh } from '../src/contract/mesh';
import type { MeshSpec } from '../src/contract/model';
import { domainPolicies, evaluateContracts } from '../src/governance/evaluate';
import { parseSize, writeMesh } from './generate-mesh';

/** Five conditions per target, all satisfied by the generated mesh except where noted, so every element is evaluated. */
const CONDITIONS: readonly [string, string][] = [
  ['product', "product.owner.team != ''"],
  ['product', "product.status != 'active' || has(product.sla.freshnessMinutes)"],
  ['product', "product.columns.all(c, c.name.matches('^[a-z][a-z0-9_]*$'))"],
  ['product', '!product.columns.exists(c, c.pii) || has(product.output.retentionDays)'],
  ['product', "size(product.description) >= 10 && product.version.startsWith('')"],
  ['column', 'column.name.size() <= 128'],
  ['column', "!column.pii || column.classification in ['pii', 'restricted']"],
  ['column', '!column.partitionKey || !column.pii'],
  ['column', "column.type != ''"],
  ['column', "column.classification in ['public', 'internal', 'confidential', 'pii', 'restricted']"],
  ['consumer', "consumer.access in ['read', 'write']"],
  ['consumer', '!consumer.pii || has(consumer.reason)'],
  ['consumer', "consumer.kind != 'domain' || consumer.domain != ''"],
  ['consumer', "consumer.kind == 'domain' || consumer.principal.startsWith('arn:')"],
  ['consumer', 'domain.account.size() == 12'],
  ['quality', "quality.kind != ''"],
  ['quality', "quality.columns.all(c, product.columns.exists(col, col.name == c)) || quality.kind == 'row_count'"],
  ['quality', "platform.organization != ''"],
  ['quality', 'size(quality.columns) <= 10'],
  ['quality', "quality.kind != 'pattern' || has(quality.pattern)"],
];

function withRules(mesh: MeshSpec): MeshSpec {
  const location = { file: 'platform.yaml', line: 1, column: 1 };
  const customRules = CONDITIONS.map(([applies, condition], i) => ({
    id: `BENCH${String(i + 1).padStart(3, '0')}`,
    description: `bench rule ${i + 1}`,
    applies: applies as 'product',
    condition,
    severity: 'warning' as const,
    waivable: false,
    fix: 'none',
    location,
    conditionLocation: location,
  }));
  return { ...mesh, platform: { ...mesh.platform, governance: { ...mesh.platform.governance, customRules } } };
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const size = parseSize(process.argv[2] ?? '10x100');
  const repeat = Number(process.argv[3] ?? 5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-bench-rules-'));
  try {
    writeMesh(dir, size);
    const { value: plain, errors } = loadMesh(dir);
    if (!plain) throw new Error(`generated mesh does not load: ${errors[0]?.message}`);
    const custom = withRules(plain);
    let compiled!: ReturnType<typeof domainPolicies>;
    const compileMs = time(() => (compiled = domainPolicies(custom)));
    if (compiled.errors.length) throw new Error(`bench rules do not compile: ${compiled.errors[0].message}`);
    const base = domainPolicies(plain);
    const without: number[] = [];
    const withCustom: number[] = [];
    let customFindings = 0;
    for (let i = 0; i < repeat; i++) {
      without.push(time(() => evaluateContracts(plain, base.policies, { today: '2026-12-01', rules: base.rules })));
      withCustom.push(time(() => (customFindings = evaluateContracts(custom, compiled.policies, { today: '2026-12-01', rules: compiled.rules }).filter((f) => f.ruleId.startsWith('BENCH')).length)));
    }
    const products = plain.products.length;
    const columns = plain.products.reduce((n, p) => n + p.columns.length + p.partitionKeys.length, 0);
    const consumers = plain.products.reduce((n, p) => n + p.consumers.length, 0);
    const quality = plain.products.reduce((n, p) => n + p.quality.length, 0);
    const evaluations = 5 * (products + columns + consumers + quality);
    console.log(
      `mesh ${process.argv[2] ?? '10x100'}: ${products} products, ${columns} columns, ${consumers} consumers, ${quality} quality rules; ${CONDITIONS.length} custom rules (${evaluations} condition evaluations); ${repeat} runs, median; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    console.log(`compile 20 conditions:             ${compileMs.toFixed(1)} ms`);
    console.log(`contract rules without custom:     ${median(without).toFixed(0)} ms`);
    console.log(`contract rules with 20 custom:     ${median(withCustom).toFixed(0)} ms`);
    const cost = median(withCustom) - median(without);
    console.log(`cost of the 20 custom rules:       ${cost.toFixed(0)} ms (${((cost * 1000) / evaluations).toFixed(1)} µs per evaluation; ${customFindings} findings)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();

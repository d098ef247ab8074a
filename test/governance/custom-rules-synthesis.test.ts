import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh, type BuildMeshOptions } from '../../src/build-mesh';
import { buildCatalog } from '../../src/catalog';
import type { ResourceRule } from '../../src/governance/rule';
import { synthKeepingFindings } from '../helpers/synth';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { TODAY } from './fixtures';
import { datamesh } from '../cli/run-cli';

/** A rule pack's resource rule: no bucket is a scratch bucket. */
const noScratchBuckets: ResourceRule = {
  id: 'PACK201',
  scope: 'resource',
  title: 'No scratch buckets',
  rationale: 'Scratch buckets outlive the work they were made for.',
  defaultSeverity: 'error',
  waivable: false,
  fix: 'keep scratch data in the product bucket under a prefix',
  check: (stack) => {
    const scratch = stack.resources.filter((r) => r.type === 'aws_s3_bucket' && String(r.config.bucket ?? '').includes('scratch'));
    return scratch.length ? scratch.map((r) => ({ message: `${r.path} is a scratch bucket`, constructPath: r.path })) : 'compliant';
  },
};

function synthesize(contractsDir: string, options: BuildMeshOptions = {}, addResources?: (stacks: ReturnType<typeof buildMesh>['stacks']) => void) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-custom-'));
  const app = new App({ outdir });
  const built = buildMesh(app, { contractsDir, today: TODAY, ...options });
  addResources?.(built.stacks);
  synthKeepingFindings(app, built);
  return { built, outdir, findings: built.governance.findings() };
}

describe('custom rules at synth time', () => {
  it('the reference mesh carries a global and a domain rule, both satisfied', () => {
    const { built, findings } = synthesize(REFERENCE_CONTRACTS);
    const custom = built.rules.all.filter((r) => r.source === 'platform' || r.source === 'domain');
    expect(custom.map((r) => [r.id, r.source, r.domain])).toEqual([
      ['ACME001', 'platform', undefined],
      ['PAY001', 'domain', 'payments'],
    ]);
    expect(findings.filter((f) => f.ruleId === 'ACME001' || f.ruleId === 'PAY001')).toEqual([]);
  });

  it('runs a code resource rule on hand-added resources, and on nothing else', () => {
    const clean = synthesize(REFERENCE_CONTRACTS, { rules: { resource: [noScratchBuckets] } });
    expect(clean.findings.filter((f) => f.ruleId === 'PACK201')).toEqual([]);
    const { findings } = synthesize(REFERENCE_CONTRACTS, { rules: { resource: [noScratchBuckets] } }, (stacks) => {
      new S3Bucket(stacks.get('sales')!, 'team-scratch', { bucket: 'acme-team-scratch' });
    });
    expect(findings.filter((f) => f.ruleId === 'PACK201')).toEqual([expect.objectContaining({ severity: 'error', constructPath: 'sales/team-scratch', domain: 'sales' })]);
  });

  it('writes custom rule metadata and findings into SARIF, the json report and the catalog', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'payments/refunds.yaml', (t) => t.replace(/  freshness: [^\n]+\n/, ''));
    const { findings, outdir, built } = synthesize(dir, { rules: { resource: [noScratchBuckets] } });
    expect(findings.filter((f) => f.ruleId === 'ACME001').map((f) => f.productId)).toEqual(['payments.refunds']);

    const sarif = JSON.parse(fs.readFileSync(path.join(outdir, 'governance', 'report.sarif'), 'utf8'));
    const rules = sarif.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string }; properties: Record<string, unknown> }[];
    expect(rules.find((r) => r.id === 'ACME001')).toMatchObject({
      shortDescription: { text: 'Every active product declares how fresh its data is.' },
      properties: { waivable: true, source: 'platform' },
    });
    expect(rules.find((r) => r.id === 'PAY001')).toMatchObject({ properties: { waivable: false, source: 'domain', domain: 'payments' }, help: { text: expect.stringContaining('(not waivable)') } });
    expect(rules.find((r) => r.id === 'PACK201')).toMatchObject({ properties: { source: 'code' } });
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'ACME001');
    expect(rules[result.ruleIndex].id).toBe('ACME001');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/payments\/refunds\.yaml$/);

    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'governance', 'report.json'), 'utf8'));
    expect(json.rules.find((r: { id: string }) => r.id === 'ACME001')).toMatchObject({ source: 'platform', waivable: true, fix: expect.any(String) });

    const catalog = buildCatalog(built.mesh, { environment: 'dev', findings });
    const refunds = catalog.products.find((p) => p.id === 'payments.refunds')!;
    expect(refunds.governance.status).toBe('fail');
    expect(refunds.governance.findings.map((f) => f.ruleId)).toContain('ACME001');
  });
});

describe('datamesh validate', () => {
  it('reports a custom rule finding at the contract line, and exits 1 on it', async () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'payments/refunds.yaml', (t) => t.replace(/  freshness: [^\n]+\n/, ''));
    const run = await datamesh(['validate', dir, '--format', 'json'], { evaluateRules: 'wired' });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { ruleId: string; file: string; productId: string }[];
    expect(findings.filter((f) => f.ruleId === 'ACME001')).toEqual([expect.objectContaining({ productId: 'payments.refunds', file: expect.stringMatching(/payments\/refunds\.yaml$/) })]);
  });
});

describe('datamesh rules', () => {
  it('lists built-in, platform and domain rules with their effective severity and source', async () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'payments/domain.yaml', (t) => t.replace('governance:\n', 'governance:\n  rules:\n    DM112: { severity: error }\n'));
    const run = await datamesh(['rules', 'payments', '--contracts', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout).rules as { id: string; severity: string; source: string; waivable: boolean }[];
    expect(listing.find((r) => r.id === 'ACME001')).toMatchObject({ source: 'platform', severity: 'error', waivable: true });
    expect(listing.find((r) => r.id === 'PAY001')).toMatchObject({ source: 'domain payments', waivable: false });
    expect(listing.find((r) => r.id === 'DM112')).toMatchObject({ source: 'built-in', severity: 'error' });

    const global = await datamesh(['rules', '--contracts', dir]);
    expect(global.code).toBe(0);
    expect(global.stdout).toMatch(/ACME001\s+error\s+yes\s+platform\s+Every active product/);
    expect(global.stdout).not.toContain('PAY001');
  });

  it('exits 2 on an unknown domain and 1 on a condition that does not compile', async () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    const unknown = await datamesh(['rules', 'paymnts', '--contracts', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "payments"?');
    editFile(dir, 'platform.yaml', (t) => t.replace('has(product.sla.freshnessMinutes)', 'has(product.sla.fresh)'));
    const broken = await datamesh(['rules', '--contracts', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/platform\.yaml:\d+:\d+\s+error\s+contract\s+governance\.customRules\.ACME001\.condition: ACME001: unknown field fresh/);
  });
});

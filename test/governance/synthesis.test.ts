import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import Ajv2020 from 'ajv/dist/2020';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { isBlocking } from '../../src/governance/finding';
import { ALL_RULES } from '../../src/governance/registry';
import { sarifReport } from '../../src/governance/reports/sarif';
import { writeGovernanceReports } from '../../src/synthesis';
import { cdktfSynth } from '../helpers/cdktf-cli';
import { synthKeepingFindings } from '../helpers/synth';
import { copyMesh, editFile, lineOf, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { TODAY } from './fixtures';

/** Builds and synthesizes a contracts folder in-process; returns the ledger's findings. */
function synthesize(contractsDir: string, addResources?: (stacks: ReturnType<typeof buildMesh>['stacks']) => void) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-gov-')) });
  const built = buildMesh(app, { contractsDir, today: TODAY });
  addResources?.(built.stacks);
  synthKeepingFindings(app, built);
  return built.governance.findings();
}

/**
 * The key fields of SARIF 2.1.0 (OASIS standard, sarif-schema-2.1.0.json) that code scanning reads:
 * written from the specification's required properties, since the schema itself is not an npm package.
 */
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: { id: { type: 'string' }, defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } } },
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: 0 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string', pattern: '^[^\\\\]+$' } } },
                          region: { type: 'object', properties: { startLine: { type: 'integer', minimum: 1 }, startColumn: { type: 'integer', minimum: 1 } } },
                        },
                      },
                    },
                  },
                },
                suppressions: {
                  type: 'array',
                  items: { type: 'object', required: ['kind'], properties: { kind: { enum: ['inSource', 'external'] }, status: { enum: ['accepted', 'underReview', 'rejected'] } } },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('governance at synth time', () => {
  it('finds no errors in the reference mesh', () => {
    const findings = synthesize(REFERENCE_CONTRACTS);
    expect(findings.filter(isBlocking)).toEqual([]);
  });

  it('fails a hand-added public, unencrypted bucket with DM2xx findings at its construct path', () => {
    const findings = synthesize(REFERENCE_CONTRACTS, (stacks) => {
      new S3Bucket(stacks.get('sales')!, 'team-scratch', { bucket: 'acme-team-scratch' });
    });
    const onScratch = findings.filter((f) => f.constructPath === 'sales/team-scratch');
    expect(onScratch.map((f) => f.ruleId).sort()).toEqual(['DM201', 'DM202', 'DM203', 'DM204', 'DM207', 'DM208']);
    expect(
      onScratch
        .filter(isBlocking)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['DM201', 'DM202', 'DM203', 'DM204', 'DM207']);
    expect(onScratch.every((f) => f.domain === 'sales')).toBe(true);
  });

  it('traces a resource finding on a product to its contract, where an exception can waive it', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(
      dir,
      'sales/orders.yaml',
      (t) => `${t}governance:\n  exceptions:\n    - rule: DM208\n      reason: Access logs for this bucket are shipped by the central log pipeline.\n      expires: "2027-03-31"\n`,
    );
    const findings = synthesize(dir, (stacks) => {
      const product = stacks.get('sales')!.products.get('orders')!;
      // Remove the product's access logging: the finding belongs to sales.orders.
      const logging = product.storage.node.findChild('access-logging');
      product.storage.node.tryRemoveChild(logging.node.id);
    });
    const dm208 = findings.filter((f) => f.ruleId === 'DM208');
    expect(dm208).toEqual([expect.objectContaining({ productId: 'sales.orders', waiver: { reason: 'Access logs for this bucket are shipped by the central log pipeline.', expires: '2027-03-31' } })]);
    expect(dm208[0].location!.file).toMatch(/sales\/orders\.yaml$/);
  });

  it('applies a current exception, reports an expired one, and refuses to waive a non-waivable rule', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(
      dir,
      'sales/orders.yaml',
      (t) =>
        `${t.replace(/description: Order identifier \(UUID\)[^\n]*/, 'description: ""')}governance:\n  exceptions:\n    - rule: DM112\n      reason: Descriptions are being written with the source team.\n      expires: "2027-03-31"\n`,
    );
    const current = synthesize(dir).filter((f) => f.productId === 'sales.orders');
    expect(current.filter((f) => f.ruleId === 'DM112')).toEqual([expect.objectContaining({ waiver: expect.objectContaining({ expires: '2027-03-31' }) })]);

    editFile(dir, 'sales/orders.yaml', (t) => t.replace('expires: "2027-03-31"', 'expires: "2026-01-31"'));
    const expired = synthesize(dir).filter((f) => f.productId === 'sales.orders');
    expect(expired.filter((f) => f.ruleId === 'DM112')).toEqual([expect.objectContaining({ waiver: undefined, severity: 'warning' })]);
    expect(expired.filter((f) => f.ruleId === 'DM113').map((f) => f.message)).toEqual(['exception for DM112 in sales.orders expired on 2026-01-31 and no longer applies']);

    editFile(dir, 'sales/orders.yaml', (t) =>
      t
        .replace('rule: DM112', 'rule: DM103')
        .replace('name: client_ip', 'name: client_ip_address')
        .replace(/(name: client_ip_address[\s\S]*?)classification: pii/, '$1classification: internal'),
    );
    const refused = synthesize(dir).filter((f) => f.productId === 'sales.orders');
    expect(refused.filter((f) => f.ruleId === 'DM103')).toEqual([expect.objectContaining({ waiver: undefined, severity: 'error' })]);
    expect(refused.filter((f) => f.ruleId === 'DM113').map((f) => f.message)).toEqual(['exception for DM103 in sales.orders cannot apply: DM103 is not waivable']);
  });

  it('writes a SARIF 2.1.0 report whose results point at contract lines', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'payments/refunds.yaml', (t) => t.replace(/  availability: "[^"]+"\n/, ''));
    const findings = synthesize(dir);
    const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-reports-'));
    writeGovernanceReports(reports, findings);
    const sarif = JSON.parse(fs.readFileSync(path.join(reports, 'report.sarif'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(SARIF_SUBSET);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'DM102');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/payments\/refunds\.yaml$/);
    // An SLA finding points at the contract's `sla:` line.
    expect(result.locations[0].physicalLocation.region.startLine).toBe(lineOf(fs.readFileSync(path.join(dir, 'payments/refunds.yaml'), 'utf8'), 'sla:'));
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('DM102');
    expect(fs.readdirSync(reports).sort()).toEqual(['report.json', 'report.md', 'report.sarif']);
  });

  it('marks waived findings as suppressed in SARIF', () => {
    const waived = { ruleId: 'DM112', severity: 'warning' as const, message: 'x', fix: 'y', waiver: { reason: 'Being written.', expires: '2027-01-01' } };
    const sarif = JSON.parse(sarifReport([waived], ALL_RULES, '0.0.0'));
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Being written. (until 2027-01-01)' }]);
  });
});

describe('cdktf synth with a governance violation', () => {
  it('fails with the rule id and contract location, keeps no stack and writes the reports', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'customer/customer_profiles.yaml', (t) => t.replace(/(- name: phone\n(?:.*\n)*?\s+)classification: pii/, '$1classification: internal'));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-gov-cli-'));
    const { status, output } = cdktfSynth(outdir, { DATAMESH_CONTRACTS: dir });
    expect(status).not.toBe(0);
    expect(output).toMatch(/error\s+DM103 customer\.customer_profiles \S*customer\/customer_profiles\.yaml:\d+:\d+/);
    expect(output).toMatch(/column "phone" of customer\.customer_profiles looks personal but is classified internal/);
    const stacks = path.join(outdir, 'stacks');
    expect(fs.existsSync(stacks) ? fs.readdirSync(stacks) : []).toEqual([]);
    expect(fs.readdirSync(path.join(outdir, 'governance')).sort()).toEqual(['report.json', 'report.md', 'report.sarif']);
  });
});

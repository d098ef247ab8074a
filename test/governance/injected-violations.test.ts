import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh, type BuiltMesh } from '../../src/build-mesh';
import { MeshValidationError } from '../../src/contract/errors';
import { isBlocking } from '../../src/governance/finding';
import { synthKeepingFindings } from '../helpers/synth';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { TODAY } from './fixtures';

const TRANSACTIONS = 'payments/transactions.yaml';

function synthesize(dir: string, addResources?: (built: BuiltMesh) => void) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-inject-')) });
  const built = buildMesh(app, { contractsDir: dir, today: TODAY });
  addResources?.(built);
  synthKeepingFindings(app, built);
  return built.governance.findings();
}

/** Each contract violation, injected into payments.transactions of a copy of the reference mesh. */
const CONTRACT_VIOLATIONS: readonly [string, string, (text: string) => string][] = [
  ['DM102', 'no availability', (t) => t.replace('  availability: "99.95%"\n', '')],
  ['DM104', 'PII (iban) without retention', (t) => t.replace('  retention: 7y\n', '')],
  ['DM105', 'a primary key without its unique rule', (t) => t.replace('  - rule: unique\n    column: transaction_id\n', '')],
  [
    'DM109',
    'PII access with a placeholder reason',
    (t) => t.replace('    pii: false\n    reason: Sales reports payment method mix and decline rates per channel next to order revenue.', '    pii: true\n    reason: xxxxxxxxxx'),
  ],
  ['DM111', 'deprecated without a sunset date', (t) => t.replace('status: active', 'status: deprecated')],
  ['DM122', 'a check schedule every minute, under the platform minimum', (t) => t.replace('  availability: "99.95%"\n', '  availability: "99.95%"\n  checkSchedule: "cron(* * * * ? *)"\n')],
];

describe('each violation injected into a copy of the reference mesh', () => {
  it.each(CONTRACT_VIOLATIONS)('%s: %s fails synthesis at the contract', (id, _what, edit) => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, TRANSACTIONS, edit);
    const blocking = synthesize(dir).filter(isBlocking);
    expect(blocking.map((f) => [f.ruleId, f.productId])).toEqual([[id, 'payments.transactions']]);
    expect(blocking[0].location!.file).toMatch(/payments\/transactions\.yaml$/);
    expect(blocking[0].location!.line).toBeGreaterThan(0);
  });

  it('points product-level findings at the field, not at the top of the file', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    const file = editFile(dir, TRANSACTIONS, (t) => t.replace('  availability: "99.95%"\n', ''));
    const [finding] = synthesize(dir).filter(isBlocking);
    const slaLine =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l === 'sla:') + 1;
    expect(finding).toMatchObject({ ruleId: 'DM102', location: expect.objectContaining({ line: slaLine, column: 1 }) });
  });

  it('DM103: an unclassified personal column fails synthesis at the column line', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    const file = editFile(dir, TRANSACTIONS, (t) => t.replace(/(- name: iban\n(?:.*\n)*?\s+)classification: pii/, '$1classification: confidential'));
    const [finding] = synthesize(dir).filter(isBlocking);
    const ibanLine =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('- name: iban')) + 1;
    expect(finding).toMatchObject({ ruleId: 'DM103', productId: 'payments.transactions', location: expect.objectContaining({ line: ibanLine }) });
  });

  it.each([
    ['DM112', 'a column without a description', (t: string) => t.replace('    description: Gateway transaction identifier (UUID).\n', '')],
    [
      'DM113',
      'an expired exception',
      (t: string) => `${t}governance:\n  exceptions:\n    - rule: DM112\n      reason: Descriptions are being written with the PSP team.\n      expires: "2026-01-31"\n`,
    ],
  ])('%s: %s is reported as a warning and does not fail synthesis', (id, _what, edit) => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, TRANSACTIONS, edit);
    const findings = synthesize(dir);
    expect(findings.filter(isBlocking)).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([[id, 'warning']]);
  });

  it('DM101, DM106, DM107 and DM108: the native schema rejects the contract before governance, with its location', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, TRANSACTIONS, (t) =>
      t
        .replace('  email: payments-data@acme.example', '  email: payments-data')
        .replace('  - name: psp_reference', '  - name: pspReference')
        .replace('version: "4.0.2"', 'version: "4.0"')
        .replace('principal: arn:aws:iam::444444444444:role/acme-central-bi-reader', 'principal: "*"'),
    );
    let error: unknown;
    try {
      synthesize(dir);
    } catch (e) {
      error = e;
    }
    expect((error as MeshValidationError).errors.map((e) => e.path)).toEqual(['version', 'owner.email', 'schema[1].name', 'consumers[1].principal']);
  });

  it('DM110: the loader refuses a tag the platform sets, in any case, at its key, before governance', () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    const file = editFile(dir, TRANSACTIONS, (t) => t.replace('  Tier: gold', '  Tier: gold\n  Environment: prod\n  owner: someone'));
    let error: unknown;
    try {
      synthesize(dir);
    } catch (e) {
      error = e;
    }
    const line =
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l === '  Environment: prod') + 1;
    expect((error as MeshValidationError).errors.map((e) => `${e.line}:${e.column} ${e.path}`)).toEqual([`${line}:3 tags.Environment`, `${line + 1}:3 tags.owner`]);
  });

  const RESOURCE_VIOLATIONS: readonly [string[], string, (built: BuiltMesh) => void][] = [
    [['DM201', 'DM202', 'DM203', 'DM204', 'DM207'], 'a bare bucket', (b) => void new S3Bucket(b.stacks.get('payments')!, 'bare', { bucket: 'acme-bare' })],
    [
      ['DM205'],
      'a wildcard IAM policy',
      (b) =>
        void new IamPolicy(b.stacks.get('payments')!, 'broad', {
          name: 'broad',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
          tags: TAGS,
        }),
    ],
    [['DM206'], 'a key without rotation', (b) => void new KmsKey(b.stacks.get('payments')!, 'unrotated', { enableKeyRotation: false, tags: TAGS })],
  ];

  it.each(RESOURCE_VIOLATIONS)('%s: %s added to a domain stack fails synthesis at its construct path', (ids, _what, add) => {
    const blocking = synthesize(copyMesh(REFERENCE_CONTRACTS), add).filter(isBlocking);
    expect(blocking.map((f) => f.ruleId).sort()).toEqual(ids);
    expect(new Set(blocking.map((f) => f.constructPath?.split('/')[0]))).toEqual(new Set(['payments']));
  });
});

/** All mandatory tags, so a hand-added resource shows only the violation under test. */
const TAGS = { Domain: 'payments', DataProduct: 'shared', Owner: 'payments-data', Classification: 'internal', ContractVersion: 'n/a', Status: 'active' };

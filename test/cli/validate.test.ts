import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Finding } from '../../src/governance/finding';
import { copyMesh, editFile, FIXTURES, lineOf, REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh, reporting } from './run-cli';
import { productsOf, REFERENCE } from './reference';

const ORDERS = (dir: string) => path.join(dir, 'shop', 'orders.yaml');

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'DM101',
    severity: 'error',
    message: 'product has no owner',
    fix: 'set owner.team and owner.email',
    domain: 'shop',
    productId: 'shop.orders',
    location: { file: ORDERS(FIXTURES + '/minimal'), line: 9, column: 1 },
    ...overrides,
  };
}

describe('datamesh validate', () => {
  it('passes the reference mesh with exit 0', async () => {
    const { code, stdout, stderr } = await datamesh(['validate', REFERENCE_CONTRACTS]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // platform.yaml, a domain.yaml per domain, and the contracts.
    expect(stdout).toContain(`${1 + REFERENCE.domains.length + REFERENCE.products.length} files read; ${REFERENCE.products.length} products checked: 0 errors, 0 warnings`);
  });

  it('validates $DATAMESH_CONTRACTS when no path is given', async () => {
    const { code, stdout } = await datamesh(['validate'], { env: { DATAMESH_CONTRACTS: path.join(FIXTURES, 'minimal') } });
    expect(code).toBe(0);
    expect(stdout).toContain('1 product checked');
  });

  it('reports a broken contract with file:line:col, rule, message and fix, and exits 1', async () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parket'));
    const line = lineOf(fs.readFileSync(file, 'utf8'), 'format: parket');
    const { code, stdout } = await datamesh(['validate', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:${line}:11  error  contract  output.format: "parket" is not allowed`);
    expect(stdout).toContain('    fix: did you mean "parquet"?');
    expect(stdout).toContain('1 error, 0 warnings');
  });

  it('reports every error of every file in one run', async () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'sales/orders.yaml', (t) => t.replace('format: iceberg', 'format: icebreg'));
    editFile(dir, 'payments/transactions.yaml', (t) => t.replace(/type: decimal\((\d+),(\d+)\)/, 'type: decimal($1;$2)'));
    const { code, stdout } = await datamesh(['validate', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/sales\/orders\.yaml:\d+:\d+ {2}error/);
    expect(stdout).toMatch(/payments\/transactions\.yaml:\d+:\d+ {2}error/);
    expect(stdout).toContain('2 errors, 0 warnings');
  });

  it('prints a JSON document for programs with --format json', async () => {
    const dir = copyMesh();
    editFile(dir, 'shop/orders.yaml', (t) => t.replace('format: parquet', 'format: parket'));
    const { code, stdout } = await datamesh(['validate', dir, '--format', 'json']);
    expect(code).toBe(1);
    const document = JSON.parse(stdout);
    expect(document).toMatchObject({ ok: false, summary: { errors: 1, warnings: 0, waived: 0, filesRead: 3, filesNotRead: 0 } });
    expect(document).not.toHaveProperty('rulesEvaluated');
    expect(document.findings).toEqual([expect.objectContaining({ ruleId: 'contract', severity: 'error', file: ORDERS(dir), line: expect.any(Number), column: 11, fix: 'did you mean "parquet"?' })]);
  });

  it('checks one contract file within its mesh and reports only that file', async () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'sales/orders.yaml', (t) => t.replace('format: iceberg', 'format: icebreg'));
    editFile(dir, 'sales/product_returns.yaml', (t) => t.replace(/status: \w+/, 'status: gone'));
    const { code, stdout } = await datamesh(['validate', path.join(dir, 'sales', 'orders.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toContain('sales/orders.yaml');
    expect(stdout).not.toContain('product_returns.yaml');
  });

  it('checks a domain folder within its mesh', async () => {
    const { code, stdout } = await datamesh(['validate', path.join(REFERENCE_CONTRACTS, 'sales')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${productsOf('sales').length} products checked`);
  });

  it('fails a valid file whose mesh has errors elsewhere, since its rules could not run', async () => {
    const dir = copyMesh(REFERENCE_CONTRACTS);
    editFile(dir, 'sales/orders.yaml', (t) => t.replace('format: iceberg', 'format: icebreg'));
    const { code, stdout } = await datamesh(['validate', path.join(dir, 'payments')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`1 error in other files of ${dir}; contract rules could not run`);
  });

  it('checks a lone contract outside any mesh against the schema only, and says so', async () => {
    const lone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-lone-')), 'orders.yaml');
    fs.copyFileSync(path.join(FIXTURES, 'minimal', 'shop', 'orders.yaml'), lone);
    const { code, stdout } = await datamesh(['validate', lone]);
    expect(code).toBe(0);
    expect(stdout).toContain('is not inside a contracts folder (no platform.yaml above it): checked its schema only');
  });

  it('exits 2 when a path does not exist', async () => {
    const { code, stderr } = await datamesh(['validate', path.join(FIXTURES, 'no-such-folder')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file or folder');
  });

  it('runs the built-in contract rules unless told otherwise', async () => {
    const dir = copyMesh();
    const file = editFile(dir, 'shop/orders.yaml', (t) => t.replace('    description: Order total in EUR.\n', ''));
    const wired = JSON.parse((await datamesh(['validate', dir, '--format', 'json'], { evaluateRules: 'wired' })).stdout);
    expect(wired.findings).toEqual([
      expect.objectContaining({
        ruleId: 'DM112',
        severity: 'warning',
        file: ORDERS(dir),
        line: lineOf(fs.readFileSync(file, 'utf8'), '- name: total'),
        message: 'column "total" of shop.orders has no description',
      }),
    ]);
    // The same mesh with the rules stubbed out: the finding came from the wired rules.
    expect(JSON.parse((await datamesh(['validate', dir, '--format', 'json'])).stdout).findings).toEqual([]);
  });
});

describe('datamesh validate with contract rules', () => {
  const minimal = path.join(FIXTURES, 'minimal');

  it('passes with exit 0 on warnings, and reports them', async () => {
    const rules = reporting(finding({ ruleId: 'DM112', severity: 'warning', message: 'column has no description' }));
    const { code, stdout } = await datamesh(['validate', minimal], { evaluateRules: rules });
    expect(code).toBe(0);
    expect(stdout).toContain(`${ORDERS(minimal)}:9:1  warning  DM112  column has no description`);
    expect(stdout).toContain('1 product checked: 0 errors, 1 warning');
  });

  it('fails with exit 1 on an unwaived error', async () => {
    const { code, stdout } = await datamesh(['validate', minimal], { evaluateRules: reporting(finding()) });
    expect(code).toBe(1);
    expect(stdout).toContain('error  DM101  product has no owner\n    fix: set owner.team and owner.email');
  });

  it('passes with exit 0 on a waived error, and still shows it with its reason', async () => {
    const waived = finding({ waiver: { reason: 'owner being hired', expires: '2099-01-31' } });
    const { code, stdout } = await datamesh(['validate', minimal], { evaluateRules: reporting(waived) });
    expect(code).toBe(0);
    expect(stdout).toContain('error (waived)  DM101');
    expect(stdout).toContain('waived until 2099-01-31: owner being hired');
    expect(stdout).toContain('0 errors, 0 warnings, 1 waived');
  });

  it('reports only the findings of the file asked for', async () => {
    const rules = reporting(finding(), finding({ productId: 'shop.other', location: { file: path.join(minimal, 'shop', 'other.yaml'), line: 1, column: 1 } }));
    const { stdout } = await datamesh(['validate', ORDERS(minimal), '--format', 'json'], { evaluateRules: rules });
    expect(JSON.parse(stdout).findings.map((f: Finding) => f.productId)).toEqual(['shop.orders']);
  });

  it('keeps findings without a line when they name a product of the path', async () => {
    const { code, stdout } = await datamesh(['validate', ORDERS(minimal)], { evaluateRules: reporting(finding({ location: undefined })) });
    expect(code).toBe(1);
    expect(stdout).toContain('shop.orders  error  DM101');
  });

  it('hands the rules the loaded mesh', async () => {
    const seen: string[] = [];
    await datamesh(['validate', minimal], { evaluateRules: (mesh) => (seen.push(...mesh.products.map((p) => p.id)), []) });
    expect(seen).toEqual(['shop.orders']);
  });
});

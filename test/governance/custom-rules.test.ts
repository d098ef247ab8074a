import * as fs from 'fs';
import { loadMesh, loadProductText } from '../../src/contract/mesh';
import type { MeshSpec } from '../../src/contract/model';
import { domainPolicies, governContracts } from '../../src/governance/evaluate';
import { RulePackError, type RulePack } from '../../src/governance/custom/rule-set';
import { compileCondition } from '../../src/governance/custom/condition';
import { variableRows, variablesFor } from '../../src/governance/custom/variables';
import type { ContractRule } from '../../src/governance/rule';
import { copyMesh, editFile, lineOf } from '../helpers/fixtures';

const TODAY = '2026-12-01';

function rule(id: string, applies: string, condition: string, extra = ''): string {
  return `    - id: ${id}\n      description: Rule ${id} for tests.\n      applies: ${applies}\n      condition: ${JSON.stringify(condition)}\n      severity: error\n      fix: Do what ${id} asks.\n${extra}`;
}

/** The minimal mesh with custom rules added to platform.yaml and shop/domain.yaml. */
function meshWith(platformRules: string, domainRules = '', edit?: (dir: string) => void): { dir: string; mesh: MeshSpec } {
  const dir = copyMesh();
  if (platformRules) editFile(dir, 'platform.yaml', (t) => `${t}governance:\n  customRules:\n${platformRules}`);
  if (domainRules) editFile(dir, 'shop/domain.yaml', (t) => `${t}governance:\n${domainRules}`);
  edit?.(dir);
  const { value: mesh, errors } = loadMesh(dir);
  expect(errors).toEqual([]);
  return { dir, mesh: mesh! };
}

function findingsOf(mesh: MeshSpec, id: string, pack?: RulePack) {
  const { errors, findings } = governContracts(mesh, { today: TODAY, pack });
  expect(errors).toEqual([]);
  return findings.filter((f) => f.ruleId === id);
}

describe('declarative custom rules', () => {
  it('passes a product that satisfies a product rule and reports one that does not, at the contract', () => {
    const compliant = meshWith(rule('ACME001', 'product', 'product.sla.freshnessMinutes <= 60'));
    expect(findingsOf(compliant.mesh, 'ACME001')).toEqual([]);
    const violating = meshWith(rule('ACME001', 'product', "'data_owner' in product.tags"));
    const found = findingsOf(violating.mesh, 'ACME001');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', productId: 'shop.orders', fix: 'Do what ACME001 asks.', location: { line: 1 } });
    expect(found[0].message).toContain('shop.orders does not satisfy ACME001');
  });

  it('judges each column and points at the column that fails', () => {
    const condition = "!column.pii || column.classification == 'restricted'";
    const { dir, mesh } = meshWith(rule('ACME002', 'column', condition));
    const found = findingsOf(mesh, 'ACME002');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('column customer_email of shop.orders')]);
    expect(found[0].location!.line).toBe(lineOf(fs.readFileSync(`${dir}/shop/orders.yaml`, 'utf8'), 'name: customer_email'));
    const compliant = meshWith(rule('ACME002', 'column', condition), '', (d) => editFile(d, 'shop/orders.yaml', (t) => t.replace('classification: pii', 'classification: restricted')));
    expect(findingsOf(compliant.mesh, 'ACME002')).toEqual([]);
  });

  it('judges each consumer', () => {
    const violating = meshWith(rule('ACME003', 'consumer', "consumer.kind == 'domain'"));
    expect(findingsOf(violating.mesh, 'ACME003').map((f) => f.message)).toEqual([expect.stringContaining('consumer arn:aws:iam::210987654321:role/central-bi of shop.orders')]);
    const compliant = meshWith(rule('ACME003', 'consumer', 'has(consumer.reason) && size(consumer.reason) > 10'));
    expect(findingsOf(compliant.mesh, 'ACME003')).toEqual([]);
  });

  it('judges each quality rule', () => {
    const violating = meshWith(rule('ACME004', 'quality', "quality.kind != 'unique'"));
    expect(findingsOf(violating.mesh, 'ACME004').map((f) => f.message)).toEqual([expect.stringContaining('quality rule unique(order_id) of shop.orders')]);
    const compliant = meshWith(rule('ACME004', 'quality', 'quality.columns.all(c, product.columns.exists(col, col.name == c))'));
    expect(findingsOf(compliant.mesh, 'ACME004')).toEqual([]);
  });

  it('sees the domain and the platform', () => {
    const { mesh } = meshWith(rule('ACME005', 'product', "domain.account == '123456789012' && product.domain == domain.name && size(platform.environments) > 0"));
    expect(findingsOf(mesh, 'ACME005')).toEqual([]);
  });

  it('applies a domain rule to that domain only', () => {
    const { mesh } = meshWith('', `  customRules:\n${rule('SHOP001', 'product', "'x' in product.tags")}`);
    expect(findingsOf(mesh, 'SHOP001')).toHaveLength(1);
    const { rules } = domainPolicies(mesh);
    expect(rules.forDomain(undefined).map((r) => r.id)).not.toContain('SHOP001');
    expect(rules.forDomain('shop').find((r) => r.id === 'SHOP001')).toMatchObject({ source: 'domain', domain: 'shop' });
  });

  it('turns a condition that cannot be evaluated into a finding, not a crash', () => {
    const { mesh } = meshWith(rule('ACME006', 'product', "product.tags['data_owner'] == 'x'"));
    const found = findingsOf(mesh, 'ACME006');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('could not be evaluated');
  });
});

describe('condition errors when the mesh loads', () => {
  function policyErrors(platformRules: string, domainRules = '') {
    const { dir, mesh } = meshWith(platformRules, domainRules);
    return { dir, errors: domainPolicies(mesh).errors };
  }

  it('refuses a condition that does not parse, at its line', () => {
    const { dir, errors } = policyErrors(rule('ACME001', 'product', "'data_owner' in product.tags &&"));
    const line = lineOf(fs.readFileSync(`${dir}/platform.yaml`, 'utf8'), 'condition:');
    expect(errors).toEqual([expect.objectContaining({ line, path: 'governance.customRules.ACME001.condition', message: expect.stringContaining('does not parse') })]);
  });

  it('refuses an unknown field with a suggestion, at its line', () => {
    const { dir, errors } = policyErrors(rule('ACME001', 'product', "'data_owner' in product.tagz"));
    const line = lineOf(fs.readFileSync(`${dir}/platform.yaml`, 'utf8'), 'condition:');
    expect(errors).toEqual([expect.objectContaining({ line, message: expect.stringContaining('unknown field tagz'), hint: expect.stringContaining('did you mean tags?') })]);
  });

  it('refuses unknown fields inside macros and variables the target does not have', () => {
    const { errors } = policyErrors(`${rule('ACME001', 'product', 'product.columns.all(c, c.piii)')}${rule('ACME002', 'product', 'column.pii')}`);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('unknown field piii'), expect.stringContaining('unknown variable column')]);
  });

  it('refuses loops nested three deep in a domain rule, which could keep every validate of the mesh busy for hours', () => {
    // Seven levels over a product's columns ran for more than a minute on the reference mesh; three are refused already.
    const deep = 'product.columns.all(a, product.columns.exists(b, product.columns.all(c, c.name != a.name || a.name == b.name)))';
    const dir = copyMesh();
    editFile(dir, 'shop/domain.yaml', (t) => `${t}governance:\n  customRules:\n${rule('SHOP001', 'product', deep)}`);
    const errors = domainPolicies(loadMesh(dir).value!).errors;
    expect(errors).toEqual([
      expect.objectContaining({
        line: lineOf(fs.readFileSync(`${dir}/shop/domain.yaml`, 'utf8'), 'condition:'),
        path: 'governance.customRules.SHOP001.condition',
        message: expect.stringContaining('loops are nested 3 deep; a condition may nest at most 2'),
      }),
    ]);
    // Two levels (every column against every other) stay allowed.
    const { errors: pairs } = policyErrors(rule('ACME001', 'product', 'product.columns.all(a, product.columns.exists_one(b, a.name == b.name))'));
    expect(pairs).toEqual([]);
  });

  it('refuses an unknown field in a domain rule, at its line in domain.yaml', () => {
    const { dir, errors } = policyErrors('', `  customRules:\n${rule('SHOP001', 'column', 'column.clasification == "pii"')}`);
    expect(errors).toEqual([expect.objectContaining({ file: expect.stringContaining('domain.yaml'), line: lineOf(fs.readFileSync(`${dir}/shop/domain.yaml`, 'utf8'), 'condition:') })]);
  });
});

describe('federation stays one-way', () => {
  const global = rule('ACME001', 'product', "'x' in product.tags", '      waivable: true\n');

  it('lets a domain raise a global custom rule', () => {
    const { mesh } = meshWith(rule('ACME001', 'product', "'x' in product.tags").replace('severity: error', 'severity: warning'), '  rules:\n    ACME001: { severity: error }\n');
    const { errors, policies } = domainPolicies(mesh);
    expect(errors).toEqual([]);
    expect(policies.get('shop')!.severities.ACME001).toBe('error');
  });

  it('refuses a domain that lowers a global custom rule', () => {
    const { mesh } = meshWith(global, '  rules:\n    ACME001: { severity: warning }\n');
    expect(domainPolicies(mesh).errors).toEqual([expect.objectContaining({ message: 'domain policy may only tighten: ACME001 is error in the platform policy' })]);
  });

  it('refuses a domain that disables a global rule, custom or built-in', () => {
    const { mesh } = meshWith(global, '  rules:\n    ACME001: { severity: error, enabled: false }\n    DM112: { severity: warning, enabled: false }\n');
    expect(domainPolicies(mesh).errors.map((e) => e.message)).toEqual(['domain policy may only tighten: ACME001 cannot be disabled', 'domain policy may only tighten: DM112 cannot be disabled']);
  });

  it('refuses enabled: false in platform.yaml too', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t}governance:\n  rules:\n    DM112: { severity: warning, enabled: false }\n`);
    expect(domainPolicies(loadMesh(dir).value!).errors.map((e) => e.message)).toEqual(['DM112 cannot be disabled']);
  });

  it('refuses a domain that redefines a global rule to weaken it', () => {
    const { mesh } = meshWith(global, `  customRules:\n${rule('ACME001', 'product', 'true').replace('severity: error', 'severity: warning')}`);
    expect(domainPolicies(mesh).errors).toEqual([expect.objectContaining({ file: expect.stringContaining('domain.yaml'), message: expect.stringContaining('ACME001 is already used by') })]);
  });
});

describe('rule ids', () => {
  it('refuses DM ids in customRules at the schema', () => {
    const dir = copyMesh();
    editFile(dir, 'platform.yaml', (t) => `${t}governance:\n  customRules:\n${rule('DM900', 'product', 'true')}`);
    const { errors } = loadMesh(dir);
    expect(errors).toEqual([expect.objectContaining({ path: 'governance.customRules[0].id' })]);
  });

  it('refuses the same id twice in a file', () => {
    const { dir, mesh } = meshWith(`${rule('ACME001', 'product', 'true')}${rule('ACME001', 'column', 'true')}`);
    const text = fs.readFileSync(`${dir}/platform.yaml`, 'utf8');
    const second = text.split('\n').findIndex((l, i) => l.includes('id: ACME001') && i + 1 > lineOf(text, 'id: ACME001')) + 1;
    expect(domainPolicies(mesh).errors).toEqual([expect.objectContaining({ line: second, message: 'custom rule id ACME001 is already used by ' + mesh.platform.source.file })]);
  });

  it('refuses a code rule that reuses a DM id or a declarative id is reported at the YAML line', () => {
    const code: ContractRule = { id: 'PACK001', scope: 'contract', title: 't', rationale: 'r', defaultSeverity: 'error', waivable: false, fix: 'f', check: () => 'compliant' };
    expect(() => domainPolicies(meshWith('').mesh, { contract: [{ ...code, id: 'DM101' }] })).toThrow(RulePackError);
    expect(() => domainPolicies(meshWith('').mesh, { contract: [code, code] })).toThrow(/PACK001: the id is already used/);
    const { mesh } = meshWith(rule('PACK001', 'product', 'true'));
    expect(domainPolicies(mesh, { contract: [code] }).errors).toEqual([expect.objectContaining({ message: 'custom rule id PACK001 is already used by a rule pack passed in code' })]);
  });
});

describe('exceptions for custom rules', () => {
  const exception = (id: string, expires: string) => `governance:\n  exceptions:\n    - rule: ${id}\n      reason: Owner tag arrives with the next release.\n      expires: "${expires}"\n`;
  const withException = (waivable: boolean, id = 'ACME001', expires = '2027-01-15') =>
    meshWith(rule('ACME001', 'product', "'data_owner' in product.tags", waivable ? '      waivable: true\n' : ''), '', (d) => editFile(d, 'shop/orders.yaml', (t) => `${t}${exception(id, expires)}`))
      .mesh;

  it('waives a waivable custom rule until the exception expires', () => {
    expect(findingsOf(withException(true), 'ACME001')).toEqual([expect.objectContaining({ waiver: { reason: 'Owner tag arrives with the next release.', expires: '2027-01-15' } })]);
    expect(findingsOf(withException(true), 'DM113')).toEqual([]);
  });

  it('does not waive a custom rule that is not waivable, and DM113 says so', () => {
    expect(findingsOf(withException(false), 'ACME001')[0].waiver).toBeUndefined();
    expect(findingsOf(withException(false), 'DM113').map((f) => f.message)).toEqual([expect.stringContaining('ACME001 is not waivable')]);
  });

  it('reports an exception for an unknown custom id (DM113) and one beyond the horizon (DM118)', () => {
    expect(findingsOf(withException(true, 'ACME999'), 'DM113').map((f) => f.message)).toEqual([expect.stringContaining('unknown rule ACME999')]);
    const far = withException(true, 'ACME001', '2030-01-01');
    expect(findingsOf(far, 'DM118')).toHaveLength(1);
    expect(findingsOf(far, 'ACME001')[0].waiver).toBeUndefined();
  });
});

describe('exceptions for custom rules in ODCS contracts', () => {
  it('accepts a custom rule id in datameshExceptions and refuses a malformed one at its line', () => {
    const text = fs.readFileSync(`${__dirname}/../fixtures/odcs/complete.odcs.yaml`, 'utf8');
    const custom = loadProductText('complete.odcs.yaml', text.replace('- rule: DM112', '- rule: ACME001'), 'shop');
    expect(custom.errors).toEqual([]);
    expect(custom.value!.exceptions.map((e) => e.rule)).toEqual(['ACME001']);
    const malformed = loadProductText('complete.odcs.yaml', text.replace('- rule: DM112', '- rule: acme-1'), 'shop');
    expect(malformed.errors).toEqual([expect.objectContaining({ line: lineOf(text, '- rule: DM112') })]);
  });
});

describe('contract rules in code', () => {
  const dataOwner: ContractRule = {
    id: 'PACK001',
    scope: 'contract',
    title: 'Products name a data owner tag',
    rationale: 'Someone answers for the data.',
    defaultSeverity: 'error',
    waivable: true,
    fix: 'add tags.data_owner',
    check: (product) => ('data_owner' in product.tags ? 'compliant' : [{ message: `${product.id} has no data_owner tag`, location: product.fieldLocations.tags }]),
  };

  it('runs a code rule on every product, with the policy and exceptions of built-in rules', () => {
    const { mesh } = meshWith('');
    expect(findingsOf(mesh, 'PACK001', { contract: [dataOwner] })).toEqual([expect.objectContaining({ severity: 'error', message: 'shop.orders has no data_owner tag' })]);
    const tagged = meshWith('', '', (d) => editFile(d, 'shop/orders.yaml', (t) => `${t}tags:\n  data_owner: shop-data\n`));
    expect(findingsOf(tagged.mesh, 'PACK001', { contract: [dataOwner] })).toEqual([]);
  });

  it('judges columns and consumers from code too', () => {
    const columnRule: ContractRule = {
      ...dataOwner,
      id: 'PACK002',
      check: (p) => p.columns.filter((c) => c.pii && c.classification !== 'restricted').map((c) => ({ message: `${c.name} is not restricted`, location: c.location })),
    };
    const consumerRule: ContractRule = {
      ...dataOwner,
      id: 'PACK003',
      check: (p) => p.consumers.filter((c) => c.kind === 'principal' && c.principal.endsWith('/central-bi')).map((c) => ({ message: 'principal consumer', location: c.location })),
    };
    const { mesh } = meshWith('');
    expect(findingsOf(mesh, 'PACK002', { contract: [columnRule, consumerRule] }).map((f) => f.message)).toEqual(['customer_email is not restricted']);
    expect(findingsOf(mesh, 'PACK003', { contract: [columnRule, consumerRule] }).map((f) => f.message)).toEqual(['principal consumer']);
    const compliant = meshWith('', '', (d) =>
      editFile(d, 'shop/orders.yaml', (t) => t.replace('classification: pii', 'classification: restricted').replace('role/central-bi', 'role/central-reporting')),
    );
    expect(findingsOf(compliant.mesh, 'PACK002', { contract: [columnRule, consumerRule] })).toEqual([]);
    expect(findingsOf(compliant.mesh, 'PACK003', { contract: [columnRule, consumerRule] })).toEqual([]);
  });
});

describe('the README', () => {
  it('shows only conditions that compile for their target', () => {
    const readme = fs.readFileSync(`${__dirname}/../../README.md`, 'utf8');
    const examples = [...readme.matchAll(/condition: "((?:[^"\\]|\\.)*)"\s*#\s*(product|column|consumer|quality|macros)/g)];
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const [, source, target] of examples) {
      const applies = target === 'macros' ? 'product' : (target as 'product');
      const { problems } = compileCondition(source, variablesFor(applies));
      expect({ source, problems }).toEqual({ source, problems: [] });
    }
  });

  it('documents every variable the checker knows', () => {
    const docs = fs.readFileSync(`${__dirname}/../../docs/governance.md`, 'utf8');
    for (const row of variableRows()) expect(docs).toContain(`| \`${row.path}\` |`);
    expect(variableRows().map((r) => r.path)).toEqual(expect.arrayContaining(['product.tags', 'column.pii', 'consumer.reason', 'quality.columns', 'domain.account', 'platform.organization']));
  });
});

import { DEFAULT_MONITORING } from '../../src/contract/config';
import { parseGlueType } from '../../src/contract/glue-type';
import type { DataProductSpec } from '../../src/contract/model';
import { CONTRACT_RULES } from '../../src/governance/registry';
import type { ContractRule, ContractRuleContext, RuleResult, Violation } from '../../src/governance/rule';
import { COMPLIANT_PRODUCT, MINIMAL_MESH, productWith, ruleContext, withColumn } from './fixtures';
import { lineOf } from '../helpers/fixtures';
import { loadOdcs } from '../helpers/odcs';

const rule = (id: string): ContractRule => CONTRACT_RULES.find((r) => r.id === id)!;
const messages = (result: RuleResult): string[] => (typeof result === 'string' ? [result] : result.map((v) => v.message));
const location = COMPLIANT_PRODUCT.location;
const consumer = COMPLIANT_PRODUCT.consumers[0];
const type = (text: string) => (parseGlueType(text) as { ok: true; type: any }).type;

interface Case {
  readonly id: string;
  readonly what: string;
  readonly product: DataProductSpec;
  readonly context?: Partial<ContractRuleContext>;
  readonly expected: RegExp;
}

/** One non-compliant fixture per rule, each the compliant product with one thing wrong. */
const NON_COMPLIANT: readonly Case[] = [
  { id: 'DM101', what: 'an owner without an email', product: productWith({ owner: { team: 'shop-data', email: 'nobody' } }), expected: /no valid owner email/ },
  { id: 'DM102', what: 'no availability objective', product: productWith({ sla: { freshnessMinutes: 60 } }), expected: /declares no SLA availability/ },
  { id: 'DM103', what: 'an unclassified phone column', product: withColumn('total', { name: 'mobile_phone', pii: false }), expected: /column "mobile_phone" .* looks personal/ },
  { id: 'DM103', what: 'a struct hiding an email field', product: withColumn('items', { type: type('array<struct<sku:string,buyer_email:string>>') }), expected: /field "buyer_email"/ },
  { id: 'DM104', what: 'PII without retention', product: productWith({ output: { ...COMPLIANT_PRODUCT.output, retentionDays: undefined } }), expected: /holds PII but declares no retention/ },
  {
    id: 'DM104',
    what: 'PII kept past the policy maximum',
    product: productWith({ output: { ...COMPLIANT_PRODUCT.output, retentionDays: 4000 } }),
    expected: /keeps PII for 4090 days \(4000 of retention \+ 90 as noncurrent versions\), longer than the policy maximum of 3650/,
  },
  {
    id: 'DM105',
    what: 'a primary key without a unique rule',
    product: productWith({ quality: COMPLIANT_PRODUCT.quality.filter((q) => q.kind !== 'unique') }),
    expected: /primary key \(order_id\) .* has no unique rule/,
  },
  { id: 'DM106', what: 'a camelCase column', product: withColumn('total', { name: 'orderTotal' }), expected: /column name "orderTotal" must be snake_case/ },
  { id: 'DM107', what: 'a version that is not semver', product: productWith({ version: '1.0' }), expected: /not a semantic version/ },
  {
    id: 'DM108',
    what: 'a wildcard principal',
    product: productWith({ consumers: [{ ...consumer, kind: 'principal', principal: 'arn:aws:iam::123456789012:role/*' }] }),
    expected: /not a specific IAM role ARN/,
  },
  {
    id: 'DM108',
    what: 'an unknown consumer domain',
    product: productWith({ consumers: [{ ...consumer, kind: 'domain', domain: 'marketing' }] }),
    expected: /consumer domain "marketing" .* is not in the mesh/,
  },
  { id: 'DM109', what: 'PII access with a placeholder reason', product: productWith({ consumers: [{ ...consumer, pii: true, reason: 'n/a' }] }), expected: /PII access .* has no meaningful reason/ },
  { id: 'DM110', what: 'a tag value with characters AWS rejects', product: productWith({ tags: { Project: 'data<mesh>' } }), expected: /tag value "data<mesh>"/ },
  { id: 'DM110', what: 'a tag key in the aws: namespace', product: productWith({ tags: { 'aws:team': 'x' } }), expected: /tag key "aws:team"/ },
  { id: 'DM110', what: 'a tag the platform sets', product: productWith({ tags: { ManagedBy: 'manual' } }), expected: /tag key "ManagedBy" .* is set by the platform/ },
  { id: 'DM110', what: 'a tag the platform sets, in another case', product: productWith({ tags: { owner: 'someone' } }), expected: /tag key "owner" .* is set by the platform/ },
  { id: 'DM111', what: 'a deprecated product without a sunset date', product: productWith({ status: 'deprecated' }), expected: /deprecated without a sunset date/ },
  { id: 'DM111', what: 'a retired product with consumers', product: productWith({ status: 'retired' }), expected: /retired but still lists 1 consumer/ },
  { id: 'DM112', what: 'a column without a description', product: withColumn('total', { description: undefined }), expected: /column "total" .* has no description/ },
  {
    id: 'DM113',
    what: 'an expired exception',
    product: productWith({ exceptions: [{ rule: 'DM112', reason: 'Descriptions are being written.', expires: '2026-01-31', location }] }),
    expected: /expired on 2026-01-31/,
  },
  {
    id: 'DM113',
    what: 'an exception for a rule that cannot be waived',
    product: productWith({ exceptions: [{ rule: 'DM103', reason: 'Legacy column names.', expires: '2027-01-31', location }] }),
    expected: /DM103 is not waivable/,
  },
  {
    id: 'DM114',
    what: 'write access for another domain',
    product: productWith({ consumers: [{ ...consumer, kind: 'domain', domain: 'finance', access: 'write' }] }),
    context: { domains: [...MINIMAL_MESH.domains, { ...MINIMAL_MESH.domains[0], name: 'finance' }] },
    expected: /write access of domain finance to shop\.orders is refused/,
  },
  {
    id: 'DM114',
    what: 'write access for a role that is not the producer',
    product: productWith({ consumers: [{ ...consumer, access: 'write' }] }),
    expected: /write access of arn:aws:iam::210987654321:role\/central-bi .* is refused/,
  },
  {
    id: 'DM115',
    what: 'a range rule on a text column',
    product: productWith({ quality: [{ kind: 'range', column: 'order_id', min: 0, location }] }),
    expected: /range .* not enforced by Glue Data Quality: range needs a numeric column/,
  },
  {
    id: 'DM117',
    what: 'a PII partition key',
    product: productWith({ partitionKeys: [{ ...COMPLIANT_PRODUCT.columns[1], name: 'customer_email' }] }),
    expected: /partition key "customer_email" of shop\.orders is classified pii: its values would appear in object keys/,
  },
  {
    id: 'DM118',
    what: 'an exception that never really expires',
    product: productWith({ exceptions: [{ rule: 'DM112', reason: 'Descriptions are being written.', expires: '9999-12-31', location }] }),
    expected: /expires on 9999-12-31, after 2027-05-20 \(180 days from 2026-11-21\); it waives nothing/,
  },
  { id: 'DM119', what: 'an SLA with no quality rule to evaluate', product: productWith({ quality: [] }), expected: /states an SLA but has no quality rule Glue Data Quality can evaluate/ },
  {
    id: 'DM119',
    what: 'an SLA while platform monitoring is off',
    product: COMPLIANT_PRODUCT,
    context: { monitoring: { ...DEFAULT_MONITORING, enabled: false } },
    expected: /states an SLA but platform monitoring is off/,
  },
  {
    id: 'DM122',
    what: 'a check schedule that runs every minute against the default minimum of an hour',
    product: productWith({ sla: { ...COMPLIANT_PRODUCT.sla, checkSchedule: 'cron(* * * * ? *)' } }),
    expected: /the check schedule "cron\(\* \* \* \* \? \*\)" of shop\.orders runs as often as every minute, more often than the platform's minimum interval of hour/,
  },
  {
    id: 'DM122',
    what: 'a rate schedule under a minimum interval the platform set',
    product: productWith({ sla: { ...COMPLIANT_PRODUCT.sla, checkSchedule: 'rate(6 hours)' } }),
    context: { monitoring: { ...DEFAULT_MONITORING, minIntervalMinutes: 12 * 60 } },
    expected: /runs as often as every 6 hours, more often than the platform's minimum interval of 12 hours/,
  },
  {
    id: 'DM108',
    what: 'a role of an account outside the mesh',
    product: productWith({ consumers: [{ ...consumer, kind: 'principal', principal: 'arn:aws:iam::999999999999:role/reader' }] }),
    expected: /in account 999999999999, which is neither a domain account of the mesh nor trusted by the platform/,
  },
  {
    id: 'DM108',
    what: 'a role ARN of another partition',
    product: productWith({ consumers: [{ ...consumer, kind: 'principal', principal: 'arn:aws-cn:iam::123456789012:role/reader' }] }),
    expected: /is in partition "aws-cn"/,
  },
  {
    id: 'DM108',
    what: 'a role name longer than IAM allows',
    product: productWith({ consumers: [{ ...consumer, kind: 'principal', principal: `arn:aws:iam::123456789012:role/${'r'.repeat(65)}` }] }),
    expected: /role names are 1-64 letters/,
  },
  {
    id: 'DM121',
    what: 'an input from another domain that grants no read access',
    product: productWith({ inputs: [{ product: 'finance.ledger', location }] }),
    context: { products: [productWith({ id: 'finance.ledger', domain: 'finance', name: 'ledger', consumers: [] })] },
    expected: /shop\.orders is derived from finance\.ledger, but .* grants domain shop no read access/,
  },
  {
    id: 'DM120',
    what: 'an input whose version is outside the declared range',
    product: productWith({ inputs: [{ product: 'shop.returns', versionRange: '^1.0.0', location }] }),
    context: { products: [productWith({ id: 'shop.returns', name: 'returns', version: '2.0.0' })] },
    expected: /input shop\.returns of shop\.orders is at version 2\.0\.0, outside the range "\^1\.0\.0"/,
  },
  {
    id: 'DM113',
    what: 'an exception for an unknown rule',
    product: productWith({ exceptions: [{ rule: 'DM199', reason: 'Typo in the rule id.', expires: '2027-01-31', location }] }),
    expected: /unknown rule DM199/,
  },
];

describe('contract rules', () => {
  it.each(CONTRACT_RULES.map((r) => [r.id, r.title, r] as const))('%s (%s) passes the compliant fixture', (_id, _title, r) => {
    expect(['compliant', 'not-applicable']).toContain(r.check(COMPLIANT_PRODUCT, ruleContext()));
  });

  it.each(NON_COMPLIANT.map((c) => [c.id, c.what, c] as const))('%s flags %s', (_id, _what, c) => {
    const result = rule(c.id).check(c.product, ruleContext(c.context));
    expect(messages(result)).toEqual([expect.stringMatching(c.expected)]);
  });

  it('has a non-compliant fixture for every contract rule', () => {
    expect(new Set(NON_COMPLIANT.map((c) => c.id))).toEqual(new Set(CONTRACT_RULES.map((r) => r.id)));
  });

  it('points a column finding at the column', () => {
    const product = withColumn('total', { name: 'email_address', pii: false });
    const [violation] = rule('DM103').check(product, ruleContext()) as readonly Violation[];
    expect(violation.location).toEqual(product.columns[2].location);
  });

  it('counts noncurrent versions in the time PII is kept', () => {
    const product = productWith({ output: { ...COMPLIANT_PRODUCT.output, retentionDays: 3600 } });
    expect(messages(rule('DM104').check(product, ruleContext()))).toEqual([expect.stringMatching(/3690 days/)]);
    expect(rule('DM104').check(product, ruleContext({ storage: { ...ruleContext().storage, noncurrentVersionExpirationDays: 1 } }))).toBe('compliant');
  });

  it('judges an ODCS column by its property name too, not only by the physicalName the table gets', () => {
    // `name` is what the team reads in its ODCS tools; an opaque physicalName must not hide an email column.
    const { value, text } = loadOdcs('complete.odcs.yaml', (t) =>
      t.replace('      - name: occurred_at\n', '      - name: buyer_email\n        physicalName: col_7\n        logicalType: string\n      - name: occurred_at\n'),
    );
    const [violation, ...others] = rule('DM103').check(value!, ruleContext()) as readonly Violation[];
    expect(others).toEqual([]);
    expect(violation).toMatchObject({
      message: 'column "col_7" (property "buyer_email") of shop.order_events looks personal but is classified internal',
      location: expect.objectContaining({ line: lineOf(text, 'name: buyer_email') }),
    });
    // A physicalName that only spells the property name for Glue is the same column, named once.
    const plain = loadOdcs('complete.odcs.yaml', (t) =>
      t.replace('      - name: occurred_at\n', '      - name: Buyer_Email\n        physicalName: buyer_email\n        logicalType: string\n      - name: occurred_at\n'),
    ).value!;
    expect(messages(rule('DM103').check(plain, ruleContext()))).toEqual(['column "buyer_email" of shop.order_events looks personal but is classified internal']);
  });

  it('accepts a personal-looking column classified restricted, which is withheld just the same', () => {
    const product = withColumn('customer_email', { classification: 'restricted', pii: false });
    expect(rule('DM103').check(product, ruleContext())).toBe('compliant');
  });

  it('does not mistake product or store names for personal names', () => {
    const product = withColumn('total', { name: 'product_name', pii: false });
    expect(rule('DM103').check(product, ruleContext())).toBe('compliant');
  });

  it('uses personal-data patterns a domain adds', () => {
    const product = withColumn('total', { name: 'loyalty_card', pii: false });
    const base = ruleContext();
    expect(rule('DM103').check(product, base)).toBe('compliant');
    const tightened = ruleContext({ policy: { ...base.policy, piiPatterns: [...base.policy.piiPatterns, /loyalty_card/i] } });
    expect(messages(rule('DM103').check(product, tightened))).toHaveLength(1);
  });

  it('accepts a multi-column unique rule covering a composite key', () => {
    const product = productWith({
      columns: COMPLIANT_PRODUCT.columns.map((c) => (c.name === 'total' ? { ...c, primaryKey: true, required: true } : c)),
      quality: [...COMPLIANT_PRODUCT.quality.filter((q) => q.kind === 'not_null'), { kind: 'not_null', column: 'total', location }, { kind: 'unique', columns: ['total', 'order_id'], location }],
    });
    expect(rule('DM105').check(product, ruleContext())).toBe('compliant');
  });

  it('lets the owning domain write, by name or by its producer role', () => {
    const producer = MINIMAL_MESH.domains[0].roles.producer!;
    const byName = productWith({ consumers: [{ ...consumer, kind: 'domain', domain: 'shop', access: 'write' }] });
    const byRole = productWith({ consumers: [{ ...consumer, kind: 'principal', principal: producer, access: 'write' }] });
    expect([rule('DM114').check(byName, ruleContext()), rule('DM114').check(byRole, ruleContext())]).toEqual(['compliant', 'compliant']);
  });

  it('accepts inputs from the same domain, and from another domain that grants read access', () => {
    const ledger = productWith({ id: 'finance.ledger', domain: 'finance', name: 'ledger', consumers: [{ ...consumer, kind: 'domain', domain: 'shop', access: 'read' }] });
    const returns = productWith({ id: 'shop.returns', name: 'returns', consumers: [] });
    const product = productWith({
      inputs: [
        { product: 'finance.ledger', location },
        { product: 'shop.returns', location },
      ],
    });
    expect(rule('DM121').check(product, ruleContext({ products: [ledger, returns] }))).toBe('compliant');
  });

  it('accepts an input inside its range, and says how to widen one outside it', () => {
    const returns = productWith({ id: 'shop.returns', name: 'returns', version: '2.1.0' });
    expect(rule('DM120').check(productWith({ inputs: [{ product: 'shop.returns', versionRange: '^2.0.0', location }] }), ruleContext({ products: [returns] }))).toBe('compliant');
    const [violation] = rule('DM120').check(productWith({ inputs: [{ product: 'shop.returns', versionRange: '^1.0.0', location }] }), ruleContext({ products: [returns] })) as readonly Violation[];
    expect(violation.fix).toBe('adapt shop.orders to shop.returns 2.1.0, then widen the range to accept it (e.g. "^1.0.0 || ^2.0.0")');
  });

  it('points a missing grant at the input line', () => {
    const at = { file: 'shop/orders.yaml', line: 7, column: 5 };
    const product = productWith({ inputs: [{ product: 'finance.ledger', versionRange: '^1.0.0', location: at }] });
    const [violation] = rule('DM121').check(product, ruleContext({ products: [productWith({ id: 'finance.ledger', domain: 'finance', name: 'ledger', consumers: [] })] })) as readonly Violation[];
    expect(violation.location).toEqual(at);
    expect(violation.fix).toMatch(/add `- \{domain: shop, access: read, reason: \.\.\.\}` to the consumers of finance\.ledger/);
  });

  it('points an unenforceable quality rule at its line in the contract', () => {
    const product = productWith({ quality: [...COMPLIANT_PRODUCT.quality, { kind: 'pattern', column: 'total', pattern: '^[0-9]+$', location: { file: 'shop/orders.yaml', line: 42, column: 5 } }] });
    const [violation] = rule('DM115').check(product, ruleContext()) as readonly Violation[];
    expect(violation).toMatchObject({ location: { file: 'shop/orders.yaml', line: 42, column: 5 }, message: expect.stringContaining('pattern needs a string column, and "total" is decimal(12,2)') });
  });
});

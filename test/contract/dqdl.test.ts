import type { ColumnSpec, QualityCheck } from '../../src/contract/model';
import { compileDqdl } from '../../src/contract/dqdl/dqdl';
import { columnName, numberValue, regexValue, stringValue } from '../../src/contract/dqdl/syntax';
import { COMPLIANT_PRODUCT, productWith } from '../governance/fixtures';

/**
 * shop.orders of the minimal fixture: order_id string (primary key), customer_email string (PII,
 * optional), total decimal(12,2) (optional), items array<struct<...>>, order_date date (partition).
 */
const location = { file: 'shop/orders.yaml', line: 30, column: 5 };

function compile(check: QualityCheck, columns: Partial<Record<string, Partial<ColumnSpec>>> = {}) {
  const change = (c: ColumnSpec) => ({ ...c, ...columns[c.name] });
  const product = productWith({
    columns: COMPLIANT_PRODUCT.columns.map(change),
    partitionKeys: COMPLIANT_PRODUCT.partitionKeys.map(change),
    quality: [{ ...check, location }],
  });
  return compileDqdl(product);
}

/** The one DQDL rule a contract rule compiles to. */
const dqdl = (check: QualityCheck, columns?: Partial<Record<string, Partial<ColumnSpec>>>) => {
  const { rules, unsupported } = compile(check, columns);
  expect(unsupported).toEqual([]);
  return rules[0];
};

/** Why a contract rule does not compile. */
const refusal = (check: QualityCheck, columns?: Partial<Record<string, Partial<ColumnSpec>>>) => {
  const { rules, unsupported } = compile(check, columns);
  expect(rules).toEqual([]);
  return unsupported[0].reason;
};

const required = { required: true };

describe('DQDL compilation, rule by rule', () => {
  it('not_null -> IsComplete', () => {
    expect(dqdl({ kind: 'not_null', column: 'order_id' })).toBe('IsComplete "order_id"');
  });

  it('unique on one column -> IsUnique', () => {
    expect(dqdl({ kind: 'unique', columns: ['order_id'] })).toBe('IsUnique "order_id"');
  });

  it('unique over required columns -> IsPrimaryKey, which adds only the completeness the contract already demands', () => {
    expect(dqdl({ kind: 'unique', columns: ['order_id', 'order_date'] }, { order_date: required })).toBe('IsPrimaryKey "order_id" "order_date"');
  });

  it('unique over columns that may be null -> multi-column IsUnique, since IsPrimaryKey would also fail the nulls', () => {
    expect(dqdl({ kind: 'unique', columns: ['order_id', 'customer_email'] })).toBe('IsUnique "order_id" "customer_email"');
  });

  it('accepted_values on a string column -> ColumnValues in [...], quoted and escaped', () => {
    expect(dqdl({ kind: 'accepted_values', column: 'customer_email', values: ['a', 'say "hi"', 'C:\\temp', 7] }, { customer_email: required })).toBe(
      'ColumnValues "customer_email" in ["a", "say \\"hi\\"", "C:\\\\temp", "7"]',
    );
  });

  it('accepted_values on a numeric column -> unquoted numbers', () => {
    expect(dqdl({ kind: 'accepted_values', column: 'total', values: [0, 2.5, -1] }, { total: required })).toBe('ColumnValues "total" in [0, 2.5, -1]');
  });

  it('range with min only, max only, or both -> >= and <= (inclusive), never the exclusive between', () => {
    expect(dqdl({ kind: 'range', column: 'total', min: 0 }, { total: required })).toBe('ColumnValues "total" >= 0');
    expect(dqdl({ kind: 'range', column: 'total', max: 250000 }, { total: required })).toBe('ColumnValues "total" <= 250000');
    expect(dqdl({ kind: 'range', column: 'total', min: 0.01, max: 100 }, { total: required })).toBe('(ColumnValues "total" >= 0.01) and (ColumnValues "total" <= 100)');
  });

  it('pattern -> ColumnValues matches, the regex passed through as written', () => {
    expect(dqdl({ kind: 'pattern', column: 'order_id', pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]+$' })).toBe('ColumnValues "order_id" matches "^[^@\\s]+@[^@\\s]+\\.[a-z]+$"');
  });

  it('row_count -> RowCount >= min, <= max, or both', () => {
    expect(dqdl({ kind: 'row_count', min: 1000 })).toBe('RowCount >= 1000');
    expect(dqdl({ kind: 'row_count', max: 5000000 })).toBe('RowCount <= 5000000');
    expect(dqdl({ kind: 'row_count', min: 1, max: 10 })).toBe('(RowCount >= 1) and (RowCount <= 10)');
  });

  it('freshness -> at least one row newer than the maximum age (the newest row, like the SLA), in hours or minutes', () => {
    expect(dqdl({ kind: 'freshness', column: 'order_date', maxAgeMinutes: 120 })).toBe('ColumnValues "order_date" >= (now() - 2 hours) with threshold > 0');
    expect(dqdl({ kind: 'freshness', column: 'order_date', maxAgeMinutes: 90 })).toBe('ColumnValues "order_date" >= (now() - 90 minutes) with threshold > 0');
  });

  it('checks only present values of a column the contract does not require (ColumnValues fails NULL rows)', () => {
    expect(dqdl({ kind: 'pattern', column: 'customer_email', pattern: '^.+@.+$' })).toBe('ColumnValues "customer_email" matches "^.+@.+$" where "`customer_email` is not null"');
    expect(dqdl({ kind: 'accepted_values', column: 'customer_email', values: ['x'] })).toBe('ColumnValues "customer_email" in ["x"] where "`customer_email` is not null"');
    expect(dqdl({ kind: 'range', column: 'total', min: 0, max: 9 })).toBe('(ColumnValues "total" >= 0 where "`total` is not null") and (ColumnValues "total" <= 9 where "`total` is not null")');
  });

  it('writes the document as Rules = [ ... ], one rule per line in contract order', () => {
    const product = productWith({ quality: COMPLIANT_PRODUCT.quality });
    expect(compileDqdl(product).ruleset).toBe('Rules = [\n    IsComplete "order_id",\n    IsUnique "order_id"\n]');
    expect(compileDqdl(productWith({ quality: [] })).ruleset).toBe('Rules = [ ]');
  });
});

describe('DQDL compilation reports, with its location, a rule it cannot express', () => {
  it.each<[string, QualityCheck, string]>([
    ['a rule on a nested column', { kind: 'not_null', column: 'items' }, 'column "items" is array<struct<sku:string,quantity:int>>, and DQDL does not check nested or list-type columns'],
    ['range on a text column', { kind: 'range', column: 'order_id', min: 1 }, 'range needs a numeric column, and "order_id" is string'],
    ['pattern on a numeric column', { kind: 'pattern', column: 'total', pattern: '^[0-9]+$' }, 'pattern needs a string column, and "total" is decimal(12,2)'],
    ['freshness on a text column', { kind: 'freshness', column: 'order_id', maxAgeMinutes: 60 }, 'freshness needs a date or timestamp column, and "order_id" is string'],
    ['text among the accepted values of a numeric column', { kind: 'accepted_values', column: 'total', values: [1, 'two'] }, 'accepted values of numeric column "total" must be finite numbers'],
    ['accepted values on a date column', { kind: 'accepted_values', column: 'order_date', values: ['2026-01-01'] }, 'accepted_values needs a string or numeric column, and "order_date" is date'],
    ['a pattern ending in a lone backslash', { kind: 'pattern', column: 'order_id', pattern: 'abc\\' }, 'the pattern ends with an unpaired backslash'],
    ['an infinite bound', { kind: 'row_count', max: Infinity }, 'Infinity is not a finite number'],
  ])('%s', (_what, check, reason) => {
    expect(refusal(check)).toBe(reason);
    expect(compile(check).unsupported[0]).toMatchObject({ rule: { kind: check.kind }, location });
  });

  it('keeps compiling the other rules', () => {
    const product = productWith({ quality: [...COMPLIANT_PRODUCT.quality, { kind: 'not_null', column: 'items', location }] });
    const { rules, unsupported } = compileDqdl(product);
    expect([rules, unsupported.length]).toEqual([['IsComplete "order_id"', 'IsUnique "order_id"'], 1]);
  });
});

describe('DQDL quoting', () => {
  it('quotes column names, and refuses one it cannot quote (DQDL does not unescape rule parameters)', () => {
    expect(columnName('order_id')).toBe('"order_id"');
    expect([columnName('a"b'), columnName('a\\b'), columnName('a\nb')]).toEqual([undefined, undefined, undefined]);
  });

  it('escapes backslash and quote in list values, which DQDL unescapes', () => {
    expect(stringValue('plain')).toBe('"plain"');
    expect(stringValue('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('escapes only the quotes of a regex, which DQDL hands to the regex engine without unescaping', () => {
    expect(regexValue('^\\d+$')).toBe('"^\\d+$"');
    expect(regexValue('say "hi"')).toBe('"say \\"hi\\""');
    // Already escaped by the pattern (odd run of backslashes before the quote): left alone.
    expect(regexValue('a\\"b')).toBe('"a\\"b"');
    // A literal backslash before a quote (even run): the quote still needs its own backslash.
    expect(regexValue('a\\\\"b')).toBe('"a\\\\\\"b"');
    expect(regexValue('ends with \\')).toBeUndefined();
  });

  it('writes numbers without exponents, as the DQDL grammar requires', () => {
    expect([numberValue(42), numberValue(-5), numberValue(0.01), numberValue(1e-7), numberValue(-2.5e-8), numberValue(1e21), numberValue(1.25e22)]).toEqual([
      '42',
      '-5',
      '0.01',
      '0.0000001',
      '-0.000000025',
      '1000000000000000000000',
      '12500000000000000000000',
    ]);
    expect([numberValue(NaN), numberValue(-Infinity)]).toEqual([undefined, undefined]);
  });
});

describe('DQDL compilation, once per product', () => {
  it('gives the same read-only ruleset each time a product is asked for, and a new one for a changed copy', () => {
    const product = productWith({ quality: [{ kind: 'not_null', column: 'order_id', location }] });
    const first = compileDqdl(product);
    expect(compileDqdl(product)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.rules) && Object.isFrozen(first.unsupported)).toBe(true);
    const changed = { ...product, quality: [{ kind: 'unique' as const, columns: ['order_id'], location }] };
    expect(compileDqdl(changed).rules).toEqual(['IsUnique "order_id"']);
    expect(first.rules).toEqual(['IsComplete "order_id"']);
  });
});

import { createHash } from 'crypto';
import { accessLogBucketName, bucketName, glueDatabaseName, productBucketName } from '../../src/contract/naming';

const S3_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const parts = { organization: 'acme', environment: 'dev', domain: 'sales' };

describe('physical names', () => {
  it('joins organization, environment, domain and product, with hyphens for underscores', () => {
    expect(productBucketName(parts, 'daily_store_sales')).toBe('acme-dev-sales-daily-store-sales');
    expect(accessLogBucketName(parts)).toBe('acme-dev-sales-access-logs');
  });

  it('differs per environment, so environments never share a bucket', () => {
    expect(productBucketName({ ...parts, environment: 'prod' }, 'orders')).not.toBe(productBucketName(parts, 'orders'));
  });

  it('shortens names past 63 characters with a hash of the full name, keeping them valid and distinct', () => {
    const long = 'customer_lifetime_value_predictions_by_marketing_channel';
    const a = productBucketName(parts, long);
    const b = productBucketName(parts, `${long}_v2`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/-[0-9a-f]{8}$/);
    expect(a).toMatch(S3_NAME);
    expect(a.startsWith('acme-dev-sales-customer-lifetime')).toBe(true);
    expect(b).toMatch(S3_NAME);
    expect(a).not.toBe(b);
  });

  it('shortens to the readable head and the first 8 hex digits of the SHA-256 of the full name, in every release', () => {
    // Pinned: a change to the shortening renames, and so replaces, every deployed long-named bucket.
    const long = 'x'.repeat(80);
    const full = `acme-${long}`;
    expect(createHash('sha256').update(full).digest('hex').slice(0, 8)).toBe('47171512');
    expect(bucketName(['acme', long])).toBe(`${full.slice(0, 54)}-47171512`);
  });

  it('never ends the shortened head with a hyphen', () => {
    // 54 characters of head: make the 54th a separator.
    const name = bucketName([`${'a'.repeat(53)}`, 'b'.repeat(20)]);
    expect(name).toMatch(S3_NAME);
    expect(name).not.toMatch(/--/);
  });

  it('uses underscores for Glue database names', () => {
    expect(glueDatabaseName({ organization: 'acme-eu', environment: 'dev', domain: 'sales' })).toBe('acme_eu_dev_sales');
  });
});

import { AnnotationMetadataEntryType } from 'cdktf';
import type { IConstruct } from 'constructs';
import { copyMesh, editFile } from '../helpers/fixtures';
import { resourcesOf, synthDomain } from '../helpers/synth';

/** What `terraform destroy` may do, read from the stack: per bucket and for the key. */
function destroyability(storage: string, environment: string) {
  const dir = copyMesh();
  editFile(dir, 'platform.yaml', (t) => `${t}storage:\n${storage}`);
  const { config, built } = synthDomain(dir, 'shop', environment);
  const stack = built.stacks.get('shop')!;
  const warnings = stack.node
    .findAll()
    .flatMap((c: IConstruct) => c.node.metadata)
    .filter((m) => m.type === String(AnnotationMetadataEntryType.WARN))
    .map((m) => String(m.data))
    .sort();
  return {
    buckets: Object.fromEntries(resourcesOf(config, 'aws_s3_bucket').map((b) => [b.bucket, { force_destroy: b.force_destroy, prevent_destroy: b.lifecycle.prevent_destroy }])),
    key: resourcesOf(config, 'aws_kms_key')[0].lifecycle,
    warnings: warnings.filter((w) => w.startsWith('preventDestroy')),
  };
}

describe('what terraform destroy does, per environment (issue #20, point 3; issue #11, item 7)', () => {
  it('with preventDestroy on, key and every bucket refuse destruction and nothing is force-destroyed', () => {
    expect(destroyability('  preventDestroy: true\n', 'prod')).toEqual({
      buckets: {
        'testco-prod-shop-access-logs': { force_destroy: false, prevent_destroy: true },
        'testco-prod-shop-orders': { force_destroy: false, prevent_destroy: true },
      },
      key: { prevent_destroy: true },
      warnings: [],
    });
  });

  it('with preventDestroy off, destroy deletes every bucket with its objects (access logs included) and schedules the key for deletion, and the warnings say exactly that', () => {
    expect(destroyability('  preventDestroy: false\n', 'dev')).toEqual({
      buckets: {
        'testco-dev-shop-access-logs': { force_destroy: true, prevent_destroy: false },
        'testco-dev-shop-orders': { force_destroy: true, prevent_destroy: false },
      },
      key: { prevent_destroy: false },
      warnings: [
        'preventDestroy is off: terraform destroy deletes bucket testco-dev-shop-access-logs with every object and object version in it',
        'preventDestroy is off: terraform destroy deletes bucket testco-dev-shop-orders with every object and object version in it',
        'preventDestroy is off: terraform destroy schedules the key of domain shop (dev) for deletion after 30 days; then nothing it encrypted can be decrypted, copies included',
      ],
    });
  });

  it('follows the setting of the environment being built: dev torn down, prod kept', () => {
    const perEnvironment = '  preventDestroy: { dev: false, prod: true }\n';
    expect(destroyability(perEnvironment, 'dev').key).toEqual({ prevent_destroy: false });
    expect(Object.values(destroyability(perEnvironment, 'dev').buckets)).toEqual([
      { force_destroy: true, prevent_destroy: false },
      { force_destroy: true, prevent_destroy: false },
    ]);
    expect(destroyability(perEnvironment, 'prod')).toMatchObject({ key: { prevent_destroy: true }, warnings: [] });
    expect(Object.values(destroyability(perEnvironment, 'prod').buckets)).toEqual([
      { force_destroy: false, prevent_destroy: true },
      { force_destroy: false, prevent_destroy: true },
    ]);
  });
});

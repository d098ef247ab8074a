import { App } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildMesh } from '../../src/build-mesh';
import { addressesOf, dependenciesOf, dependencyGraph, type DependencyGraph } from '../helpers/dependency-graph';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';

/**
 * Issue #20, point 1 and the "Must" on order: whatever order Terraform picks must work, so every
 * relation AWS checks when it creates a resource is an edge of the graph Terraform builds from
 * the stack (a reference or a depends_on), read here from each synthesized reference stack.
 */
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-graph-'));
const app = new App({ outdir });
buildMesh(app, { contractsDir: REFERENCE_CONTRACTS, environment: 'dev' });
app.synth();
const stacks = fs.readdirSync(path.join(outdir, 'stacks')).sort();
const graphOf = (domain: string): DependencyGraph => dependencyGraph(JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', domain, 'cdk.tf.json'), 'utf8')));

/** `<domain>/<product>` of a resource address, from its construct path. */
const productOf = (graph: DependencyGraph, address: string) => {
  const parts = graph.resources.get(address)!.path.split('/');
  // The domain's quality-evaluation role (issue #15) holds one grant per product: `<stack>/operations/quality-evaluation/<product>-read`.
  if (parts[1] === 'operations' && parts[2] === 'quality-evaluation') return `${parts[0]}/${parts[3].replace(/-read$/, '')}`;
  return parts.slice(0, 2).join('/');
};

describe.each(stacks)('the dependency graph of stack %s', (domain) => {
  const graph = graphOf(domain);
  const edges = (address: string) => [...(graph.edges.get(address) ?? [])];
  const [logBucket] = addressesOf(graph, 'aws_s3_bucket').filter((a) => graph.resources.get(a)!.config.bucket.endsWith('-access-logs'));
  const [logPolicy] = addressesOf(graph, 'aws_s3_bucket_policy').filter((a) => edges(a).includes(logBucket));

  it('creates every access-logging configuration after the log bucket and its policy (S3 checks the target on PutBucketLogging)', () => {
    const logging = addressesOf(graph, 'aws_s3_bucket_logging');
    expect(logging.length).toBeGreaterThan(0);
    for (const address of logging) {
      expect({ address, target: graph.resources.get(address)!.config.target_bucket }).toEqual({ address, target: `\${${logBucket}.bucket}` });
      expect({ address, edges: edges(address) }).toEqual({ address, edges: expect.arrayContaining([logBucket, logPolicy]) });
    }
  });

  it('grants Lake Formation permissions after the registration, its key grant and the LF-tags of the table and its columns', () => {
    const lfTags = addressesOf(graph, 'aws_lakeformation_lf_tag');
    expect(lfTags).toHaveLength(2);
    for (const address of addressesOf(graph, 'aws_lakeformation_permissions')) {
      const product = productOf(graph, address);
      const expected = [
        ...addressesOf(graph, 'aws_lakeformation_resource', product),
        ...addressesOf(graph, 'aws_kms_grant', product),
        ...addressesOf(graph, 'aws_lakeformation_resource_lf_tags', product),
      ];
      expect(expected.length).toBeGreaterThanOrEqual(4);
      expect({ address, edges: edges(address) }).toEqual({ address, edges: expect.arrayContaining(expected) });
      expect({ address, through: [...dependenciesOf(graph, address)] }).toEqual({ address, through: expect.arrayContaining([...lfTags, ...addressesOf(graph, 'aws_glue_catalog_table', product)]) });
    }
  });

  it('creates each key grant after the key it names and the registration that creates its grantee, the Lake Formation role', () => {
    for (const address of addressesOf(graph, 'aws_kms_grant')) {
      expect({ address, edges: edges(address) }).toEqual({
        address,
        edges: expect.arrayContaining(['aws_kms_key.kms-key', ...addressesOf(graph, 'aws_lakeformation_resource', productOf(graph, address))]),
      });
    }
  });

  it('registers each product location after its bucket', () => {
    for (const address of addressesOf(graph, 'aws_lakeformation_resource')) {
      const bucket = addressesOf(graph, 'aws_s3_bucket', productOf(graph, address));
      expect({ address, edges: edges(address) }).toEqual({ address, edges: bucket });
    }
  });

  it('writes each product bucket policy after the key it requires uploads to use', () => {
    const productPolicies = addressesOf(graph, 'aws_s3_bucket_policy').filter((a) => a !== logPolicy);
    expect(productPolicies.length).toBeGreaterThan(0);
    for (const address of productPolicies) expect({ address, edges: edges(address) }).toEqual({ address, edges: expect.arrayContaining(['aws_kms_key.kms-key']) });
  });

  it('has an edge only to resources that exist in the stack', () => {
    const dangling = [...graph.edges].flatMap(([from, to]) => [...to].filter((target) => !graph.resources.has(target) && !target.startsWith('data.')).map((target) => `${from} -> ${target}`));
    expect(dangling).toEqual([]);
  });
});

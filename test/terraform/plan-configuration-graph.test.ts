import { dependenciesOf, planConfigurationGraph } from '../helpers/dependency-graph';

/**
 * plan.test.ts checks the order of the reference stacks with planConfigurationGraph. On the sales
 * stack its closure equalled `terraform graph`'s for all 90 resources (308 dependencies; checked
 * once by hand when it replaced the graph call). These cases pin what it reads.
 */
describe('the dependencies a plan JSON says Terraform read', () => {
  const plan = {
    configuration: {
      root_module: {
        resources: [
          { address: 'aws_kms_key.key', mode: 'managed', expressions: { description: { constant_value: 'k' } } },
          { address: 'data.aws_iam_policy_document.doc', mode: 'data', expressions: { statement: [{ resources: { references: ['aws_kms_key.key.arn', 'aws_kms_key.key'] } }] } },
          { address: 'aws_s3_bucket.data', mode: 'managed', expressions: { bucket: { constant_value: 'b' } } },
          {
            address: 'aws_kms_key_policy.policy',
            mode: 'managed',
            expressions: { policy: { references: ['data.aws_iam_policy_document.doc.json', 'data.aws_iam_policy_document.doc'] } },
            depends_on: ['aws_s3_bucket.data'],
          },
          {
            address: 'aws_glue_catalog_table.t',
            mode: 'managed',
            expressions: { storage_descriptor: [{ columns: [{ name: { constant_value: 'c' } }], location: { references: ['aws_s3_bucket.data.bucket'] } }] },
          },
        ],
      },
    },
  };
  const graph = planConfigurationGraph(plan);

  it('reads references in nested blocks and depends_on, as type.name', () => {
    expect([...graph.edges.get('aws_glue_catalog_table.t')!]).toEqual(['aws_s3_bucket.data']);
    expect([...graph.edges.get('aws_kms_key_policy.policy')!].sort()).toEqual(['aws_s3_bucket.data', 'data.aws_iam_policy_document.doc']);
    expect([...graph.edges.get('aws_kms_key.key')!]).toEqual([]);
  });

  it('follows a dependency through a data source', () => {
    expect([...dependenciesOf(graph, 'aws_kms_key_policy.policy')].sort()).toEqual(['aws_kms_key.key', 'aws_s3_bucket.data', 'data.aws_iam_policy_document.doc']);
  });

  it('has no edges for a plan without configuration', () => {
    expect(planConfigurationGraph({}).edges.size).toBe(0);
  });
});

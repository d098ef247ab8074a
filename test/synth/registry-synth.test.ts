import { Testing } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { domainRepo, grantToMarketing, installRegistry } from '../helpers/registry';

describe('synthesis in a domain repository that uses the mesh registry', () => {
  const { repo, contracts } = domainRepo();
  installRegistry(repo);
  grantToMarketing(contracts);
  const built = buildMesh(Testing.app(), { contractsDir: contracts, environment: 'dev' });
  const config = JSON.parse(Testing.synth(built.stacks.get('sales')!));

  it('builds a stack for the local domain only', () => {
    expect([...built.stacks.keys()]).toEqual(['sales']);
  });

  it('grants the registry domain\'s consumer role, in its own account, with no reference to its stack', () => {
    const principals = Object.values(config.resource.aws_lakeformation_permissions as Record<string, { principal: string }>).map((p) => p.principal);
    expect(principals).toContain('arn:aws:iam::222222222222:role/marketing-analytics');
    expect(JSON.stringify(config)).not.toMatch(/terraform_remote_state|marketing-data-producer/);
  });
});

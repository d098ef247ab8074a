import { Testing } from 'cdktf';
import { buildMesh } from '../../src/build-mesh';
import { execFileSync } from 'child_process';
import { affectedStacks } from '../../src/evolution/affected';
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

  it("grants the registry domain's consumer role, in its own account, with no reference to its stack", () => {
    const principals = Object.values(config.resource.aws_lakeformation_permissions as Record<string, { principal: string }>).map((p) => p.principal);
    expect(principals).toContain('arn:aws:iam::222222222222:role/marketing-analytics');
    expect(JSON.stringify(config)).not.toMatch(/terraform_remote_state|marketing-data-producer/);
  });
});

describe('selective synthesis and affected in a domain repository', () => {
  const { repo, contracts } = domainRepo();
  installRegistry(repo);

  it('selects among the local domains only: a registry domain is unknown here', () => {
    expect(() => buildMesh(Testing.app(), { contractsDir: contracts, environment: 'dev', domains: ['marketing'] })).toThrow(/unknown domain "marketing"[\s\S]*known domains: sales;/);
    expect([...buildMesh(Testing.app(), { contractsDir: contracts, environment: 'dev', domains: ['sales'] }).stacks.keys()]).toEqual(['sales']);
  });

  it('affected names the local stacks only, never a registry domain', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: repo });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const report = affectedStacks(contracts, 'main', 'dev');
    expect(report.errors).toEqual([]);
    // The base's platform settings live in the registry, which git does not hold: the local stack is planned.
    expect(report.stacks).toEqual(['sales']);
    expect(report.affected.map((a) => a.stack)).toEqual(['sales']);
  });
});

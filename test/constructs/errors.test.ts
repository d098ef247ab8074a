import { App } from 'cdktf';
import { DomainStack } from '../../src/constructs/domain-stack';
import { ConstructError } from '../../src/constructs/errors';
import { accountPrincipal } from '../../src/constructs/access/policy-document';
import { loadMesh } from '../../src/contract/mesh';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';

const mesh = loadMesh(REFERENCE_CONTRACTS).value!;

describe('construct errors', () => {
  it('refuses an unknown domain with the project error type, the known domains and a fix', () => {
    const build = () => new DomainStack(new App(), 'x', { mesh, domain: 'slaes', environment: 'dev' });
    expect(build).toThrow(ConstructError);
    expect(build).toThrow('DomainStack: domain "slaes" is not in the mesh (known: customer, payments, sales); pass the name of a domain folder that holds a domain.yaml');
  });

  it('refuses an environment platform.yaml does not declare', () => {
    expect(() => new DomainStack(new App(), 'x', { mesh, domain: 'sales', environment: 'qa' })).toThrow(/environment "qa" is not one of platform.environments \(.*\); add it to platform.yaml/);
  });

  it('names what an IAM principal ARN looks like', () => {
    expect(() => accountPrincipal('role/reader')).toThrow(ConstructError);
  });
});

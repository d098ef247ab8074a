import * as fs from 'fs';
import { loadMesh } from '../../src/contract/mesh';
import { governContracts } from '../../src/governance/evaluate';
import { copyMesh, editFile, lineOf } from '../helpers/fixtures';
import { TODAY } from '../governance/fixtures';

/** The minimal mesh with a DM112 finding (a column without description) and an exception for it. */
function meshWithException(expires: string, platformExtra = '', domainExtra = ''): string {
  const dir = copyMesh();
  editFile(
    dir,
    'shop/orders.yaml',
    (t) =>
      `${t.replace('    description: Order total in EUR.\n', '')}governance:\n  exceptions:\n    - rule: DM112\n      reason: The finance team is writing the descriptions.\n      expires: "${expires}"\n`,
  );
  if (platformExtra) editFile(dir, 'platform.yaml', (t) => `${t}${platformExtra}`);
  if (domainExtra) editFile(dir, 'shop/domain.yaml', (t) => `${t}${domainExtra}`);
  return dir;
}

const govern = (dir: string) => {
  const loaded = loadMesh(dir);
  if (!loaded.value) return { errors: loaded.errors, findings: [] };
  return governContracts(loaded.value, { today: TODAY });
};

describe('exceptions cannot be made permanent', () => {
  it('waives a finding with an exception inside the 180-day default horizon', () => {
    const { findings } = govern(meshWithException('2027-03-31'));
    expect(findings.filter((f) => f.ruleId === 'DM112')).toEqual([expect.objectContaining({ waiver: { reason: 'The finance team is writing the descriptions.', expires: '2027-03-31' } })]);
    expect(findings.filter((f) => f.ruleId === 'DM118')).toEqual([]);
  });

  it('refuses expires: 9999-12-31 at its line: DM118 is an error and the exception waives nothing', () => {
    const dir = meshWithException('9999-12-31');
    const { findings } = govern(dir);
    expect(findings.filter((f) => f.ruleId === 'DM112')).toEqual([expect.objectContaining({ waiver: undefined })]);
    const text = fs.readFileSync(`${dir}/shop/orders.yaml`, 'utf8');
    expect(findings.filter((f) => f.ruleId === 'DM118')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('expires on 9999-12-31, after 2027-05-20'),
        location: expect.objectContaining({ line: lineOf(text, '- rule: DM112') }),
      }),
    ]);
  });

  it('lets the platform set a shorter horizon', () => {
    const { findings } = govern(meshWithException('2027-03-31', 'governance:\n  exceptions:\n    maxDuration: 30d\n'));
    expect(findings.filter((f) => f.ruleId === 'DM118').map((f) => f.message)).toEqual([expect.stringContaining('after 2026-12-21 (30 days from 2026-11-21)')]);
  });

  it('lets a domain shorten the horizon but not lengthen it, at the line that tries', () => {
    const shorter = govern(meshWithException('2027-03-31', '', 'governance:\n  exceptions:\n    maxDuration: 60d\n'));
    expect(shorter.findings.filter((f) => f.ruleId === 'DM118').map((f) => f.message)).toEqual([expect.stringContaining('(60 days from 2026-11-21)')]);

    const dir = meshWithException('2027-03-31', '', 'governance:\n  exceptions:\n    maxDuration: 10y\n');
    const longer = govern(dir);
    expect(longer.errors).toEqual([
      expect.objectContaining({
        path: 'governance.exceptions.maxDuration',
        message: 'domain policy may only tighten: exceptions of 3650 days last longer than the platform limit of 180 days',
        line: lineOf(fs.readFileSync(`${dir}/shop/domain.yaml`, 'utf8'), 'maxDuration'),
      }),
    ]);
  });
});

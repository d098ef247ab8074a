import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../src/governance/registry';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

/** The governance findings the README shows as console output: rule id and the `fix:` line under it. */
function shownFindings(readme: string): { ruleId: string; fix: string }[] {
  return [...readme.matchAll(/^(?:error|warning|waived)\s+(DM\d{3})\s.*\n\s+.*\n\s+fix: (.*)$/gm)].map((m) => ({ ruleId: m[1], fix: m[2] }));
}

describe("the README's governance output", () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

  it('shows a finding', () => {
    expect(shownFindings(readme).length).toBeGreaterThanOrEqual(1);
  });

  it('gives each finding the fix its rule prints', () => {
    const fixes = new Map(ALL_RULES.map((rule) => [rule.id, rule.fix]));
    for (const shown of shownFindings(readme)) expect(shown).toEqual({ ruleId: shown.ruleId, fix: fixes.get(shown.ruleId) });
  });
});

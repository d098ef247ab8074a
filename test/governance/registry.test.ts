import * as fs from 'fs';
import * as path from 'path';
import { renderRuleCatalog } from '../../src/governance/docs';
import { ACCESS_RULES, ALL_RULES, CONTRACT_RULES, DOMAIN_RULES, EVOLUTION_RULES, RESOURCE_RULES } from '../../src/governance/registry';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';
import { ruleFiles } from '../../scripts/rule-files';

describe('the governance rule registry', () => {
  it('holds exactly the reviewed rule inventory', () => {
    // Adding or dropping a rule changes every domain's gate: update this list deliberately.
    expect(CONTRACT_RULES.map((r) => r.id)).toEqual([
      'DM101',
      'DM102',
      'DM103',
      'DM104',
      'DM105',
      'DM106',
      'DM107',
      'DM108',
      'DM109',
      'DM110',
      'DM111',
      'DM112',
      'DM113',
      'DM114',
      'DM115',
      'DM117',
      'DM118',
      'DM119',
      'DM120',
      'DM121',
      'DM122',
    ]);
    expect(DOMAIN_RULES.map((r) => r.id)).toEqual(['DM116']);
    expect(RESOURCE_RULES.map((r) => r.id)).toEqual(['DM201', 'DM202', 'DM203', 'DM204', 'DM205', 'DM206', 'DM207', 'DM208', 'DM209']);
    expect(EVOLUTION_RULES.map((r) => r.id)).toEqual(['DM301', 'DM302', 'DM303']);
    expect(ACCESS_RULES.map((r) => r.id)).toEqual(['DM304']);
  });

  it('keeps the severities and waivability the platform agreed on', () => {
    const table = Object.fromEntries(ALL_RULES.map((r) => [r.id, `${r.defaultSeverity}/${r.waivable ? 'waivable' : 'fixed'}`]));
    expect(table).toEqual({
      DM101: 'error/waivable',
      DM102: 'error/waivable',
      DM103: 'error/fixed',
      DM104: 'error/waivable',
      DM105: 'error/waivable',
      DM106: 'error/waivable',
      DM107: 'error/fixed',
      DM108: 'error/fixed',
      DM109: 'error/fixed',
      DM110: 'error/fixed',
      DM111: 'error/waivable',
      DM112: 'warning/waivable',
      DM113: 'warning/fixed',
      DM114: 'error/fixed',
      DM115: 'warning/waivable',
      DM116: 'error/fixed',
      DM117: 'error/fixed',
      DM118: 'error/fixed',
      DM119: 'warning/waivable',
      DM120: 'error/waivable',
      DM121: 'error/waivable',
      DM122: 'error/waivable',
      DM201: 'error/fixed',
      DM202: 'error/waivable',
      DM203: 'error/waivable',
      DM204: 'error/waivable',
      DM205: 'error/fixed',
      DM206: 'error/waivable',
      DM207: 'error/waivable',
      DM208: 'warning/waivable',
      DM209: 'error/waivable',
      DM301: 'error/waivable',
      DM302: 'error/waivable',
      DM303: 'error/waivable',
      DM304: 'warning/fixed',
    });
  });

  it('gives every rule a title, a rationale and a fix', () => {
    for (const rule of ALL_RULES) {
      expect([rule.id, rule.title.length > 10, rule.rationale.length > 20, rule.fix.length > 10]).toEqual([rule.id, true, true, true]);
    }
  });

  it('matches docs/governance.md (regenerate with `npm run docs`)', () => {
    const docs = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'governance.md'), 'utf8');
    expect(docs).toBe(renderRuleCatalog(ALL_RULES, ruleFiles(PROJECT_ROOT)));
  });

  it('finds each rule by its id in one hop: its file name starts with the id, and the docs link it', () => {
    const files = ruleFiles(PROJECT_ROOT);
    expect([...files.keys()].sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
    for (const [id, file] of files) expect(fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8')).toContain(`id: '${id}'`);
    const docs = fs.readFileSync(path.join(PROJECT_ROOT, 'docs', 'governance.md'), 'utf8');
    expect(docs).toContain('| [DM103](../src/governance/contract-rules/dm103-personal-data-classified.ts) |');
  });
});

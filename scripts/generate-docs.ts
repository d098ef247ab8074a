import * as fs from 'fs';
import * as path from 'path';
import { renderRuleCatalog } from '../src/governance/docs';
import { ALL_RULES } from '../src/governance/registry';
import { ruleFiles } from './rule-files';

const root = path.join(__dirname, '..');
const target = path.join(root, 'docs', 'governance.md');
fs.writeFileSync(target, renderRuleCatalog(ALL_RULES, ruleFiles(root)));
console.log(`wrote ${path.relative(process.cwd(), target)}`);

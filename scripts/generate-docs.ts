import * as fs from 'fs';
import * as path from 'path';
import { renderRuleCatalog } from '../src/governance/docs';
import { ALL_RULES } from '../src/governance/registry';

const target = path.join(__dirname, '..', 'docs', 'governance.md');
fs.writeFileSync(target, renderRuleCatalog(ALL_RULES));
console.log(`wrote ${path.relative(process.cwd(), target)}`);

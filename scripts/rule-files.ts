import * as fs from 'fs';
import * as path from 'path';

/**
 * Every rule file under src/governance/<kind>-rules/, by the rule id its name starts with
 * (`dm103-personal-data-classified.ts` -> DM103), as paths relative to the project root.
 */
export function ruleFiles(projectRoot: string): Map<string, string> {
  const governance = path.join(projectRoot, 'src', 'governance');
  const files = new Map<string, string>();
  for (const folder of fs
    .readdirSync(governance)
    .filter((name) => name.endsWith('-rules'))
    .sort()) {
    for (const file of fs.readdirSync(path.join(governance, folder)).sort()) {
      const id = /^(dm\d{3})-[a-z0-9-]+\.ts$/.exec(file)?.[1].toUpperCase();
      if (id) files.set(id, ['src', 'governance', folder, file].join('/'));
    }
  }
  return files;
}

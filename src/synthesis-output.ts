/**
 * What a synthesis leaves in the output folder besides the stacks: the governance reports and the
 * catalog, written on every path that builds a mesh (`synthMesh`, or `buildMesh` + `app.synth()`),
 * and no stack at all when governance failed.
 */
import type { App } from 'cdktf';
import * as fs from 'fs';
import * as path from 'path';
import type { BuiltMesh } from './build-mesh';
import { buildCatalog, writeCatalog } from './catalog';
import { ownDomains } from './contract/registry';
import type { Finding } from './governance/finding';
import { ALL_RULES } from './governance/registry';
import type { RuleMetadata } from './governance/rule';
import { whereOf } from './governance/reports/summary';
import { jsonReport } from './governance/reports/json';
import { markdownReport } from './governance/reports/markdown';
import { sarifReport } from './governance/reports/sarif';

// Read at run time, not imported: package.json sits outside src/, both here and in dist/.
const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Makes unwaived governance errors fail `app.synth()` through cdktf's own validation: an app-level
 * validation runs after every stack has been written and checked by the governance aspect. It
 * writes the reports and the catalog, and on failure removes the stacks just written.
 */
export function addGovernanceGate(app: App, built: () => BuiltMesh): void {
  app.node.addValidation({
    validate: () => {
      const mesh = built();
      const findings = mesh.governance.findings();
      writeSynthesisReports(app.outdir, mesh, findings);
      const blocking = mesh.governance.blocking();
      if (blocking.length === 0) {
        keepUnselectedStacks(app, mesh);
        return [];
      }
      removeStacks(app.outdir);
      return [
        `governance: ${blocking.length} unwaived error(s); no stack was kept. Reports: ${path.join(app.outdir, 'governance')}`,
        ...blocking.map((f) => `${f.ruleId} ${f.productId ?? f.domain ?? ''} ${whereOf(f)}: ${f.message} (fix: ${f.fix})`),
      ];
    },
  });
}

export function writeSynthesisReports(outdir: string, built: BuiltMesh, findings: readonly Finding[]): void {
  writeGovernanceReports(path.join(outdir, 'governance'), findings, built.rules.all);
  writeCatalog(buildCatalog(built.mesh, { environment: built.environment, findings }), path.join(outdir, 'catalog'));
}

/** `rules`: the metadata reports carry (custom rules included). @default the built-in rules */
export function writeGovernanceReports(dir: string, findings: readonly Finding[], rules: readonly RuleMetadata[] = ALL_RULES): void {
  fs.mkdirSync(dir, { recursive: true });
  writeAtomically(path.join(dir, 'report.json'), jsonReport(findings, rules));
  writeAtomically(path.join(dir, 'report.md'), markdownReport(findings));
  writeAtomically(path.join(dir, 'report.sarif'), sarifReport(findings, rules, VERSION));
}

/** Write then rename: a reader never sees half a report. */
export function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

/** Stacks of this or an earlier synth: cdktf never removes them, and a stale stack could be deployed. */
export function removeStacks(outdir: string): void {
  fs.rmSync(path.join(outdir, 'stacks'), { recursive: true, force: true });
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
}

/**
 * Runs before cdktf writes manifest.json. A stack of a domain that was merely not selected keeps
 * its folder untouched and its manifest entry (cdktf-cli deletes every stack folder the manifest
 * does not list); a folder of a domain that no longer exists is removed, as cdktf-cli would.
 */
export function keepUnselectedStacks(app: App, built: BuiltMesh): void {
  const stacksDir = path.join(app.outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return;
  const previous = readManifestStacks(path.join(app.outdir, 'manifest.json'));
  const entries = app.manifest.stacks as Record<string, unknown>;
  // Domains known only from the mesh registry get their stacks in their own repositories.
  const domains = new Set(ownDomains(built.mesh).map((d) => d.name));
  for (const folder of fs.readdirSync(stacksDir)) {
    if (folder in entries) continue;
    if (!domains.has(folder)) {
      fs.rmSync(path.join(stacksDir, folder), { recursive: true, force: true });
      continue;
    }
    // Not built this time: listed as before (cdktf's own entry when no earlier manifest has one).
    entries[folder] = previous[folder] ?? {
      name: folder,
      constructPath: folder,
      workingDirectory: path.join('stacks', folder),
      synthesizedStackPath: path.join('stacks', folder, 'cdk.tf.json'),
      stackMetadataPath: path.join('stacks', folder, 'metadata.json'),
      annotations: [],
      dependencies: [],
    };
  }
}

function readManifestStacks(file: string): Record<string, unknown> {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { stacks?: Record<string, unknown> };
    return manifest.stacks ?? {};
  } catch {
    return {};
  }
}

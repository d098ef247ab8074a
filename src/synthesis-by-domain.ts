/**
 * synthMesh's synthesis: one domain at a time, so that memory holds the model and one domain's
 * construct tree, not every tree at once. Each domain's stack is built in an App of its own over
 * the same output folder and written; what the reports need (the findings) is already in the
 * shared ledger, and the tree is let go before the next domain. The output is the one a single
 * App writes: stacks never reference one another (DomainStack resolves consumers from the model),
 * so no stack needs another's constructs, and manifest.json, which lists every stack, is written
 * once at the end.
 */
import { App, type StackManifest } from 'cdktf';
import { addDomainStack, applyVerbosity, type BuiltMesh, type PreparedMesh } from './build-mesh';
import type { DomainSpec } from './contract/model';
import { releasingTokens } from './constructs/token-map';
import { withoutTokenStackTraces } from './constructs/token-stack-traces';
import { keepUnselectedStacks } from './synthesis-output';

/**
 * Writes every selected domain's stack into `root.outdir` and, when governance found no unwaived
 * error, manifest.json. `root` holds no stack: it names the output folder and writes the manifest.
 * The BuiltMesh returned has no stacks: each was released once written.
 */
export function synthDomainByDomain(root: App, prepared: PreparedMesh, verbose?: boolean): BuiltMesh {
  const built: BuiltMesh = { ...prepared.built, stacks: new Map() };
  const entries = root.manifest.stacks;
  for (const domain of prepared.domains) {
    entries[domain.name] = releasingTokens(() => withoutTokenStackTraces(() => synthDomain(root, prepared, domain, verbose)));
  }
  // As the governance gate of a single App: no manifest for stacks that are about to be removed.
  if (built.governance.blocking().length === 0) {
    keepUnselectedStacks(root, built);
    root.manifest.writeToFile();
  }
  return built;
}

/** Builds and writes one domain's stack; returns its manifest entry, the only thing kept of it. */
function synthDomain(root: App, prepared: PreparedMesh, domain: DomainSpec, verbose: boolean | undefined): StackManifest {
  const app = new App({ outdir: root.outdir, hclOutput: root.hclOutput, skipValidation: root.skipValidation });
  applyVerbosity(app, verbose);
  // manifest.json lists every domain: the root writes it once, after the last stack. A failure
  // half-way leaves the previous manifest as it was.
  app.manifest.writeToFile = () => undefined;
  addDomainStack(app, prepared, domain);
  app.synth();
  return app.manifest.stacks[domain.name];
}

/**
 * What `datamesh validate <paths>` checks. A path is a contracts folder, a domain folder or one
 * contract file. Contract rules need the whole mesh (policies, consumer domains), so each path is
 * checked within the mesh it belongs to (the nearest folder above it holding platform.yaml), and
 * only the findings about that path, or about the files it depends on, are reported.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isNotRead } from '../contract/errors';
import { loadMesh, loadProductFile, type LoadResult } from '../contract/mesh';
import type { MeshSpec } from '../contract/model';
import type { Finding } from '../governance/finding';
import type { ContractRuleEvaluator } from './contract-rules';
import { LOAD_RULE_ID, loadErrorFinding, sortFindings } from './findings';
import type { FilesRead } from './report';

export interface ValidationReport {
  /** Findings about the requested paths, sorted by file and position. */
  readonly findings: readonly Finding[];
  /** Products checked; undefined where a mesh did not load. */
  readonly products?: number;
  /** Files the loader read, and files under the contracts folders it reports as not read. */
  readonly files: FilesRead;
  /** Things the user should know that are not findings (e.g. a file checked outside any mesh). */
  readonly notes: readonly string[];
}

/** Checks existing, absolute paths. Each mesh is loaded once, however many of its paths are given. */
export function validatePaths(targets: readonly string[], evaluateRules: ContractRuleEvaluator): ValidationReport {
  const findings: Finding[] = [];
  const notes: string[] = [];
  let products: number | undefined = 0;
  let read = 0;
  const byRoot = new Map<string, string[]>();
  for (const target of targets) {
    const root = meshRootOf(target);
    if (root === undefined && fs.statSync(target).isFile()) {
      // A lone contract outside any mesh: its own file can still be checked.
      findings.push(...loaderFindings(loadProductFile(target)));
      read++;
      notes.push(`${display(target)} is not inside a contracts folder (no platform.yaml above it): checked its schema only, not the contract rules`);
      products = undefined;
      continue;
    }
    const key = root ?? target;
    byRoot.set(key, [...(byRoot.get(key) ?? []), target]);
  }
  for (const [root, rootTargets] of byRoot) {
    const result = validateWithinMesh(root, rootTargets, evaluateRules);
    findings.push(...result.findings);
    notes.push(...result.notes);
    read += result.files.read;
    products = products === undefined || result.products === undefined ? undefined : products + result.products;
  }
  const notRead = findings.filter((f) => f.ruleId === LOAD_RULE_ID && f.severity === 'warning' && isNotRead(f)).length;
  return { findings: sortFindings(findings), products, files: { read, notRead }, notes };
}

function validateWithinMesh(root: string, targets: readonly string[], evaluateRules: ContractRuleEvaluator): ValidationReport {
  const loaded = loadMesh(root);
  const { value: mesh, errors } = loaded;
  const all = [...loaderFindings(loaded), ...(mesh ? evaluateRules(mesh) : [])];
  const scope = new Scope(root, targets, mesh);
  const findings = all.filter((finding) => scope.includes(finding));
  const products = mesh ? mesh.products.filter((p) => scope.includesFile(p.source.file)).length : undefined;
  if (!mesh && !findings.some((f) => f.ruleId === LOAD_RULE_ID && f.severity === 'error')) {
    // The requested files are fine, but the mesh around them is not: say so rather than pass.
    findings.push({
      ruleId: LOAD_RULE_ID,
      severity: 'error',
      message: `${errors.length} error${errors.length === 1 ? '' : 's'} in other files of ${display(root)}; contract rules could not run`,
      fix: `run \`datamesh validate ${display(root)}\` and fix them`,
    });
  }
  return { findings, products, files: { read: loaded.filesRead ?? 0, notRead: 0 }, notes: [] };
}

function loaderFindings(result: LoadResult<unknown>): Finding[] {
  return [...result.errors.map((e) => loadErrorFinding(e)), ...(result.warnings ?? []).map((w) => loadErrorFinding(w, 'warning'))];
}

/** The files a set of paths covers, plus the files they depend on (platform.yaml, their domain.yaml, the mesh registry). */
class Scope {
  private readonly prefixes: string[];
  private readonly files = new Set<string>();
  private readonly wholeMesh: boolean;

  constructor(
    private readonly root: string,
    targets: readonly string[],
    private readonly mesh?: MeshSpec,
  ) {
    this.prefixes = targets.filter((t) => fs.statSync(t).isDirectory()).map((t) => t + path.sep);
    for (const target of targets) {
      this.files.add(target);
      const domainFolder = fs.statSync(target).isDirectory() ? target : path.dirname(target);
      this.files.add(path.join(domainFolder, 'domain.yaml'));
    }
    this.files.add(path.join(root, 'platform.yaml'));
    this.wholeMesh = targets.includes(root);
    if (this.wholeMesh) this.prefixes.push(root + path.sep);
  }

  includes(finding: Finding): boolean {
    if (finding.location) return this.includesFile(finding.location.file);
    // Rule findings without a line still name their product or domain.
    const product = this.mesh?.products.find((p) => p.id === finding.productId);
    if (product) return this.includesFile(product.source.file);
    const domain = this.mesh?.domains.find((d) => d.name === finding.domain);
    if (domain) return this.includesFile(domain.source.file);
    return this.wholeMesh;
  }

  /** `file` as the loader reports it: relative to the working directory, or absolute. */
  includesFile(file: string): boolean {
    const absolute = path.resolve(file);
    // Outside the contracts folder are only files every path depends on: the mesh registry's.
    if (!absolute.startsWith(this.root + path.sep)) return true;
    return this.files.has(absolute) || this.prefixes.some((prefix) => absolute.startsWith(prefix));
  }
}

/** The nearest folder at or above `target` that holds platform.yaml. */
export function meshRootOf(target: string): string | undefined {
  let folder = fs.statSync(target).isDirectory() ? target : path.dirname(target);
  for (;;) {
    if (fs.existsSync(path.join(folder, 'platform.yaml'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Same convention as the loader: relative to the working directory when inside it. */
export function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  if (relative === '') return '.';
  return !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

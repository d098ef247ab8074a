/**
 * One product's evolution between two revisions: its changes, the version bump they require and
 * the bump the contract made. Semver comparison is the `semver` package's, not ours.
 */
import * as semver from 'semver';
import type { DataProductSpec } from '../contract/model';
import type { Change, Impact } from './change';
import { diffProducts } from './diff-products';

export type Bump = 'major' | 'minor' | 'patch' | 'none';
export type FoundBump = Bump | 'lower' | 'invalid';

export interface ProductEvolution {
  readonly productId: string;
  readonly base?: DataProductSpec;
  readonly current?: DataProductSpec;
  readonly changes: readonly Change[];
  readonly requiredBump: Bump;
  /** What the version did between base and current; `none` for added or removed products. */
  readonly foundBump: FoundBump;
}

const REQUIRED: Record<Impact, Bump> = { breaking: 'major', additive: 'minor', cosmetic: 'patch' };
const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function evolveProduct(base: DataProductSpec | undefined, current: DataProductSpec | undefined): ProductEvolution {
  const changes = diffProducts(base, current);
  const requiredBump = changes.reduce<Bump>((bump, c) => (RANK[REQUIRED[c.impact]] > RANK[bump] ? REQUIRED[c.impact] : bump), 'none');
  return {
    productId: (current ?? base)!.id,
    base,
    current,
    changes,
    requiredBump: base && current ? requiredBump : changes.some((c) => c.impact === 'breaking') ? 'major' : 'none',
    foundBump: base && current ? versionBump(base.version, current.version) : 'none',
  };
}

/**
 * The bump from one version to the next. Below 1.0.0 the public API is not stable (semver §4):
 * by the common convention (npm's caret, Cargo) a minor bump there plays the role of a major one.
 */
export function versionBump(from: string, to: string): FoundBump {
  if (!semver.valid(from) || !semver.valid(to)) return 'invalid';
  if (semver.lt(to, from)) return 'lower';
  if (semver.eq(to, from)) return 'none';
  const difference = semver.diff(from, to);
  if (difference === 'major' || difference === 'premajor') return 'major';
  if (difference === 'minor' || difference === 'preminor') return semver.major(from) === 0 ? 'major' : 'minor';
  return semver.major(from) === 0 && difference === 'patch' ? 'minor' : 'patch';
}

export function satisfies(found: FoundBump, required: Bump): boolean {
  return found !== 'lower' && found !== 'invalid' && RANK[found] >= RANK[required];
}

/** Pairs products of both revisions by id, so a renamed or moved contract file is the same product. */
export function evolveMesh(base: ReadonlyMap<string, DataProductSpec>, current: readonly DataProductSpec[]): ProductEvolution[] {
  const ids = [...new Set([...base.keys(), ...current.map((p) => p.id)])].sort();
  const byId = new Map(current.map((p) => [p.id, p]));
  return ids.map((id) => evolveProduct(base.get(id), byId.get(id))).filter((e) => e.changes.length > 0 || e.foundBump === 'lower');
}

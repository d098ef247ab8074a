/**
 * cdktf keeps every token it ever creates in one process-wide map (the "TokenMap"), and a token
 * keeps what it refers to: a resource attribute's token holds its stack. Dropping an App therefore
 * frees nothing, and a synthesis that builds one domain's stack at a time would still hold every
 * tree at the end. After a domain's stack is written, the tokens created for it are looked up by
 * nothing: they are removed here, and the stack's tree becomes garbage.
 *
 * Should a token created during `work` be used after it (a value cached across stacks), cdktf
 * fails loudly on its unknown key ("Unrecognized Token Key"); it never resolves to another value,
 * because token keys carry a counter that keeps counting. The module is private to cdktf, as in
 * token-stack-traces.ts: the peer range pins 0.21, its last release, and
 * test/constructs/token-map.test.ts fails if the release stops working. Should the map ever lose
 * its shape, nothing is removed and synthesis merely holds more memory.
 */
import { TokenMap } from 'cdktf/lib/tokens/private/token-map';

interface TokenMapInternals {
  tokenCounter: number;
  stringTokenMap: Map<string, unknown>;
  numberTokenMap: Map<number, unknown>;
}

function internals(): TokenMapInternals | undefined {
  const map = TokenMap.instance() as unknown as Partial<TokenMapInternals>;
  const { tokenCounter, stringTokenMap, numberTokenMap } = map;
  return typeof tokenCounter === 'number' && stringTokenMap instanceof Map && numberTokenMap instanceof Map ? (map as TokenMapInternals) : undefined;
}

/** Runs `work`, then forgets every token it created (also when it throws). Returns what `work` returns. */
export function releasingTokens<T>(work: () => T): T {
  const before = internals()?.tokenCounter;
  try {
    return work();
  } finally {
    if (before !== undefined) forgetTokensSince(before);
  }
}

function forgetTokensSince(first: number): void {
  const map = internals();
  if (!map) return;
  for (const counter of map.numberTokenMap.keys()) if (counter >= first) map.numberTokenMap.delete(counter);
  // String keys are `<display hint>.<counter>`.
  for (const key of map.stringTokenMap.keys()) if (Number(key.slice(key.lastIndexOf('.') + 1)) >= first) map.stringTokenMap.delete(key);
}

/** How many tokens cdktf holds now; for tests. */
export function heldTokens(): number {
  const map = internals();
  return map ? map.stringTokenMap.size + map.numberTokenMap.size : 0;
}

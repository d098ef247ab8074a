import { Lazy } from 'cdktf';
import { TokenMap } from 'cdktf/lib/tokens/private/token-map';
import { withoutTokenStackTraces } from '../../src/constructs/token-stack-traces';

/** The creation stack cdktf keeps on a new token (what its "Object creation stack" errors print). */
function creationStack(): readonly string[] {
  const encoded = Lazy.stringValue({ produce: () => 'x' });
  const token = TokenMap.instance().lookupString(encoded) as unknown as { creationStack: string[] };
  return token.creationStack;
}

describe('token stack traces', () => {
  const saved = process.env.DATAMESH_TOKEN_STACK_TRACES;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATAMESH_TOKEN_STACK_TRACES;
    else process.env.DATAMESH_TOKEN_STACK_TRACES = saved;
  });

  it('records no creation stack for tokens made inside, and a full one again after', () => {
    delete process.env.DATAMESH_TOKEN_STACK_TRACES;
    expect(creationStack().length).toBeGreaterThan(0);
    expect(withoutTokenStackTraces(() => creationStack())).toEqual([]);
    expect(creationStack().length).toBeGreaterThan(0);
  });

  it('stays off through nested calls and is restored when the outer call throws', () => {
    delete process.env.DATAMESH_TOKEN_STACK_TRACES;
    expect(() =>
      withoutTokenStackTraces(() => {
        withoutTokenStackTraces(() => undefined);
        expect(creationStack()).toEqual([]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(creationStack().length).toBeGreaterThan(0);
  });

  it('keeps the traces when DATAMESH_TOKEN_STACK_TRACES=1, for debugging a token that fails to resolve', () => {
    process.env.DATAMESH_TOKEN_STACK_TRACES = '1';
    expect(withoutTokenStackTraces(() => creationStack()).length).toBeGreaterThan(0);
  });

  it('returns what the work returns', () => {
    expect(withoutTokenStackTraces(() => 42)).toBe(42);
  });
});

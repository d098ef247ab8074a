import { Lazy, Tokenization } from 'cdktf';
import { heldTokens, releasingTokens } from '../../src/constructs/token-map';

const lazy = (value: string) => Lazy.stringValue({ produce: () => value });

describe('releasing tokens', () => {
  it('forgets the tokens made inside, keeps those made before, and returns what the work returns', () => {
    const before = lazy('before');
    const held = heldTokens();
    let inside = '';
    const result = releasingTokens(() => {
      inside = lazy('inside');
      expect(heldTokens()).toBe(held + 1);
      return 42;
    });
    expect(result).toBe(42);
    expect(heldTokens()).toBe(held);
    expect(Tokenization.reverseString(before).firstToken).toBeDefined();
    // A token used after its release fails loudly; it never resolves to something else.
    expect(() => Tokenization.reverseString(inside)).toThrow(/Unrecognized Token Key/);
  });

  it('forgets them when the work throws too', () => {
    const held = heldTokens();
    expect(() =>
      releasingTokens(() => {
        lazy('inside');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(heldTokens()).toBe(held);
  });
});

import { anyPatternMatches, compileNamePattern, dqdlPatternProblem, MAX_PATTERN_CHARACTERS, piiPatternProblem } from '../../src/contract/patterns';
import { characterCount, foldToOneLine } from '../../src/contract/limits';
import { SourceDocument } from '../../src/contract/source';
import { firstInvalidByte, decodeContract } from '../../src/contract/input-file';
import { numberChange } from '../../src/contract/yaml-checks';

describe('quality patterns: the subset Java (Glue) and RE2 read alike', () => {
  it.each([['(?i)^ord-[0-9]+$'], ['^[A-Z]{3}-\\d{4,}$'], ['^\\p{L}+$'], ['^\\pL\\p{Lu}$'], ['^(?<year>\\d{4})-(?:\\d{2})$'], ['^[^"\\]]+$'], ['\\Qa.b\\E'], ['^a+?b*?$'], ['^(?s:.)\\x{41}\\b\\z']])(
    'accepts %s',
    (pattern) => {
      expect(dqdlPatternProblem(pattern)).toBeUndefined();
    },
  );

  it.each([
    ['(a)\\1', 'backreference \\1 is not supported'],
    ['(?<n>a)\\k<n>', 'backreference \\k<n> is not supported'],
    ['(?=a)b', 'lookaround (?= is not supported'],
    ['a(?!b)', 'lookaround (?! is not supported'],
    ['(?<=a)b', 'lookaround (?<= is not supported'],
    ['(?>a+)b', 'atomic groups (?>...) are not supported'],
    ['a*+', 'possessive quantifier *+ is not supported'],
    ['a{2}+', 'possessive quantifier {2}+ is not supported'],
    ['(?P<n>a)', 'named group (?P<n> is Python syntax that Java rejects'],
    ['(?<my_name>a)', 'group name in (?<my_name> is not valid in Java'],
    ['(?U)a*', 'flag U in (?U) means "ungreedy" in RE2 but "Unicode classes" in Java'],
    ['\\v', '\\v is a vertical tab in RE2 but any vertical white space in Java'],
    ['\\0', 'octal escapes are read differently by Java and RE2'],
    ['\\p{Greek}', 'character property \\p{Greek} is spelled differently in Java'],
    ['a{,3}', '"{" is a literal in RE2 but an error in Java'],
    ['[[:alpha:]]', '"[" inside a character class is a nested class in Java (and a POSIX class like [:alpha:] only in RE2)'],
    ['[a-z&&[^b]]', '"&&" inside a character class is an intersection in Java but two ampersands in RE2'],
    ['[a&&b]', '"&&" inside a character class is an intersection in Java but two ampersands in RE2'],
    ['[]a]', '"]" first in a character class is a literal in RE2 but may end the class in Java'],
    ['(a', 'invalid regular expression: missing closing ) at `(a`'],
    ['\\Z', 'invalid regular expression: invalid escape sequence at `\\Z`'],
  ])('refuses %s: %s', (pattern, message) => {
    expect(dqdlPatternProblem(pattern)?.message).toBe(message);
  });

  it('refuses a pattern longer than the limit before compiling it', () => {
    expect(dqdlPatternProblem('a'.repeat(MAX_PATTERN_CHARACTERS + 1))?.message).toBe(`pattern of ${MAX_PATTERN_CHARACTERS + 1} characters is longer than ${MAX_PATTERN_CHARACTERS}`);
  });
});

describe('PII patterns: RE2, case-insensitive, linear time', () => {
  it('matches anywhere in the name, ignoring case, like the JavaScript patterns they replace', () => {
    expect(compileNamePattern('e_?mail').test('Customer_EMAIL')).toBe(true);
    expect(compileNamePattern('^name$').test('product_name')).toBe(false);
  });

  it('runs ^(a+)+$ on a long name without backtracking', () => {
    const started = Date.now();
    expect(compileNamePattern('^(a+)+$').test(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers for a list of patterns, each list on its own, the same when asked again', () => {
    const platform = ['e_?mail', '^phone'].map(compileNamePattern);
    const domain = [...platform, compileNamePattern('iban')];
    for (let round = 0; round < 2; round++) {
      expect(['customer_email', 'phone_number', 'iban', 'order_id'].map((name) => anyPatternMatches(platform, name))).toEqual([true, true, false, false]);
      expect(['customer_email', 'phone_number', 'iban', 'order_id'].map((name) => anyPatternMatches(domain, name))).toEqual([true, true, true, false]);
    }
    expect(anyPatternMatches([], 'email')).toBe(false);
  });

  it('refuses what RE2 cannot run, and accepts (?i) and RE2-only classes', () => {
    expect(piiPatternProblem('(card)_\\1')?.message).toBe('backreference \\1 is not supported');
    expect(piiPatternProblem('(?i)[[:alpha:]]+_name')).toBeUndefined();
  });
});

describe('numbers keep their exact value or are refused', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['9007199254740991', 9007199254740991],
    ['0x1F', 31],
    ['0o17', 15],
    ['1.50', 1.5],
    ['1.5e3', 1500],
    ['0.1', 0.1],
    ['-0.0', -0],
    ['1e-7', 1e-7],
  ])('keeps %s', (written, value) => {
    expect(numberChange(written, value)).toBeUndefined();
  });

  it.each([
    ['9007199254740993', Number('9007199254740993'), '9007199254740992'],
    ['12345678901234567890', Number('12345678901234567890'), '12345678901234567168'],
    ['1.00000000000000000001', Number('1.00000000000000000001'), '1'],
    ['0.12345678901234567890123', Number('0.12345678901234567890123'), '0.12345678901234568'],
  ])('refuses %s, which would become %s', (written, value, becomes) => {
    expect(numberChange(written, value)).toBe(becomes);
  });
});

describe('strict UTF-8', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);

  it.each([
    ['a Latin-1 byte', bytes(0x61, 0xe9, 0x62), 1],
    ['an overlong encoding of "/"', bytes(0x61, 0xc0, 0xaf), 1],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut off by the end of the file', bytes(0x61, 0x62, 0xe2, 0x82), 2],
  ])('finds %s', (_what, input, offset) => {
    expect(firstInvalidByte(input)).toBe(offset);
  });

  it('accepts valid multi-byte characters and drops a byte order mark', () => {
    expect(decodeContract('f.yaml', Buffer.from('\ufeffname: café €𝄞\n', 'utf8'))).toEqual({ text: 'name: café €𝄞\n' });
  });

  it('reports the line, and the column in characters, of the bad byte', () => {
    const input = Buffer.concat([Buffer.from('a: 1\nname: café ', 'utf8'), bytes(0xff), Buffer.from('\n', 'utf8')]);
    expect(decodeContract('f.yaml', input)).toEqual({
      errors: [expect.objectContaining({ file: 'f.yaml', line: 2, column: 12, message: 'not valid UTF-8: byte 0xFF does not start or continue a UTF-8 character' })],
    });
  });
});

describe('text AWS refuses', () => {
  it.each([
    ['a control character', 'a: "x\\u0007y"\n', 'control character U+0007 in text: AWS refuses control characters in names, descriptions and tags'],
    ['a C1 control character', 'a: "x\\u0085y"\n', 'control character U+0085 in text: AWS refuses control characters in names, descriptions and tags'],
    ['a lone surrogate', 'a: "x\\ud800y"\n', 'U+D800 is not a character AWS accepts in text (a lone surrogate or a non-character)'],
    ['a non-character', 'a: "\\uffff"\n', 'U+FFFF is not a character AWS accepts in text (a lone surrogate or a non-character)'],
  ])('refuses %s at its line', (_what, text, message) => {
    expect(SourceDocument.parse('f.yaml', text).errors).toEqual([{ file: 'f.yaml', line: 1, column: 4, path: 'a', message, hint: expect.any(String) }]);
  });

  it('accepts tabs, line breaks and characters outside the basic plane', () => {
    expect(SourceDocument.parse('f.yaml', 'a: "x\\ty\\r\\nz 𝄞"\nb: |\n  two\n  lines\n').errors).toEqual([]);
  });

  it('refuses YAML 1.1, which reads yes, 0777 and 1:20 as values other than the text', () => {
    expect(SourceDocument.parse('f.yaml', '%YAML 1.1\n---\na: yes\n').errors.map((e) => e.message)).toEqual(['%YAML 1.1 is not supported: contracts are YAML 1.2']);
  });

  it('refuses keys that are lists, aliases to nothing and aliases inside their own anchor', () => {
    expect(SourceDocument.parse('f.yaml', '? [a, b]\n: 1\nc: *nope\nd: &d [1, *d]\n').errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`)).toEqual([
      '1:3 : a mapping key must be text, not a list or a mapping',
      '3:4 c: alias *nope refers to no anchor before it',
      '4:11 d[1]: alias *d is inside the value it refers to (a value cannot contain itself)',
    ]);
  });
});

describe('text folded to one line (Glue column comments)', () => {
  const reference = (text: string) => text.replace(/\s+/g, ' ').trim();

  it('folds every kind of white space as one replace-and-trim does, and returns one-line text itself', () => {
    const pieces = ['a', 'bc', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\ufeff', '\u3000', 'é', '𝄞'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: i % 9 }, () => pieces[next()]).join('');
      expect({ text, folded: foldToOneLine(text) }).toEqual({ text, folded: reference(text) });
    }
    const oneLine = 'Order id, as the shop issued it';
    expect(foldToOneLine(oneLine)).toBe(oneLine);
  });

  it('counts characters, not UTF-16 units', () => {
    expect([characterCount('abc'), characterCount('𝄞𝄞'), characterCount('')]).toEqual([3, 2, 0]);
  });
});

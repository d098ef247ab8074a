import { isDeepStrictEqual } from 'util';
import { formatGlueType, GluePrimitiveName, GlueType, GlueTypeError, isScalarGlueType, parseGlueType } from '../../src/contract/glue-type';

function parseOk(text: string): GlueType {
  const result = parseGlueType(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error.message}`);
  return result.type;
}

function parseErr(text: string): GlueTypeError {
  const result = parseGlueType(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got: ${formatGlueType(result.type)}`);
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(result.error.hint.length).toBeGreaterThan(0);
  expect(result.error.offset).toBeGreaterThanOrEqual(0);
  expect(result.error.offset).toBeLessThanOrEqual(text.length);
  return result.error;
}

const prim = (name: GluePrimitiveName): GlueType => ({ kind: 'primitive', name });

const PRIMITIVES: GluePrimitiveName[] = ['boolean', 'tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'string', 'date', 'timestamp', 'binary'];

describe('parseGlueType', () => {
  describe('primitives', () => {
    it.each(PRIMITIVES)('parses the primitive %s', (name) => {
      expect(parseGlueType(name)).toEqual({ ok: true, type: prim(name) });
    });

    it.each(PRIMITIVES)('parses %s case-insensitively', (name) => {
      expect(parseOk(name.toUpperCase())).toEqual(prim(name));
    });

    it('parses the alias integer as int', () => {
      expect(parseOk('integer')).toEqual(prim('int'));
      expect(parseOk('INTEGER')).toEqual(prim('int'));
    });

    it('allows leading and trailing whitespace', () => {
      expect(parseOk('  \t string \n')).toEqual(prim('string'));
    });
  });

  describe('decimal', () => {
    it('parses decimal with precision and scale', () => {
      expect(parseOk('decimal(12,2)')).toEqual({ kind: 'decimal', precision: 12, scale: 2 });
    });

    it('defaults bare decimal to decimal(10,0)', () => {
      expect(parseOk('decimal')).toEqual({ kind: 'decimal', precision: 10, scale: 0 });
    });

    it('defaults the scale to 0 when only precision is given', () => {
      expect(parseOk('decimal(7)')).toEqual({ kind: 'decimal', precision: 7, scale: 0 });
    });

    it('accepts the limits precision 1..38 and scale 0..precision', () => {
      expect(parseOk('decimal(1,0)')).toEqual({ kind: 'decimal', precision: 1, scale: 0 });
      expect(parseOk('decimal(38,38)')).toEqual({ kind: 'decimal', precision: 38, scale: 38 });
      expect(parseOk('decimal(38,0)')).toEqual({ kind: 'decimal', precision: 38, scale: 0 });
    });

    it('allows whitespace and any case inside decimal(...)', () => {
      expect(parseOk('DeCiMaL ( 12 , 2 )')).toEqual({ kind: 'decimal', precision: 12, scale: 2 });
    });

    it('rejects precision above 38 at the precision', () => {
      const err = parseErr('decimal(40,2)');
      expect(err.offset).toBe(8);
      expect(err.message).toContain('38');
      expect(err.message).toContain('40');
    });

    it('rejects precision 0', () => {
      expect(parseErr('decimal(0)').offset).toBe(8);
    });

    it('rejects scale greater than precision at the scale', () => {
      const err = parseErr('decimal(5,6)');
      expect(err.offset).toBe(10);
      expect(err.message).toMatch(/scale/);
      expect(err.message).toContain('5');
    });

    it('rejects a negative or missing number', () => {
      expect(parseErr('decimal(-1,2)').offset).toBe(8);
      expect(parseErr('decimal(,2)').offset).toBe(8);
      expect(parseErr('decimal(12,)').offset).toBe(11);
    });

    it('rejects an unclosed decimal(...)', () => {
      const err = parseErr('decimal(12,2');
      expect(err.offset).toBe(12);
      expect(err.message).toBe('expected ")" to close decimal(...) but found end of input');
    });
  });

  describe('varchar and char', () => {
    it('parses varchar(n) and char(n)', () => {
      expect(parseOk('varchar(255)')).toEqual({ kind: 'varchar', length: 255 });
      expect(parseOk('char(2)')).toEqual({ kind: 'char', length: 2 });
      expect(parseOk('VARCHAR ( 10 )')).toEqual({ kind: 'varchar', length: 10 });
    });

    it('accepts the length limits varchar 1..65535 and char 1..255', () => {
      expect(parseOk('varchar(1)')).toEqual({ kind: 'varchar', length: 1 });
      expect(parseOk('varchar(65535)')).toEqual({ kind: 'varchar', length: 65535 });
      expect(parseOk('char(1)')).toEqual({ kind: 'char', length: 1 });
      expect(parseOk('char(255)')).toEqual({ kind: 'char', length: 255 });
    });

    it('rejects lengths outside the limits at the length', () => {
      const v = parseErr('varchar(65536)');
      expect(v.offset).toBe(8);
      expect(v.message).toContain('65535');
      expect(parseErr('varchar(0)').offset).toBe(8);
      const c = parseErr('char(256)');
      expect(c.offset).toBe(5);
      expect(c.message).toContain('255');
      expect(parseErr('char(0)').offset).toBe(5);
    });

    it('requires a length', () => {
      const v = parseErr('varchar');
      expect(v.offset).toBe(7);
      expect(v.message).toMatch(/requires a length/);
      expect(parseErr('array<char>').offset).toBe(10);
    });
  });

  describe('complex types', () => {
    it('parses array<T>', () => {
      expect(parseOk('array<string>')).toEqual({ kind: 'array', element: prim('string') });
    });

    it('parses map<K,V>', () => {
      expect(parseOk('map<string,bigint>')).toEqual({ kind: 'map', key: prim('string'), value: prim('bigint') });
    });

    it('accepts decimal, varchar and char as map keys', () => {
      expect(parseOk('map<decimal(5,2),int>')).toMatchObject({ key: { kind: 'decimal' } });
      expect(parseOk('map<varchar(3),int>')).toMatchObject({ key: { kind: 'varchar' } });
      expect(parseOk('map<char(3),int>')).toMatchObject({ key: { kind: 'char' } });
    });

    it('parses struct<name:T,...> keeping field order and field-name case', () => {
      expect(parseOk('struct<sku:string,Qty:int>')).toEqual({
        kind: 'struct',
        fields: [
          { name: 'sku', type: prim('string') },
          { name: 'Qty', type: prim('int') },
        ],
      });
    });

    it('allows keywords and underscores as field names', () => {
      expect(parseOk('struct<date:date,_id_2:string,struct:int>')).toMatchObject({
        fields: [{ name: 'date' }, { name: '_id_2' }, { name: 'struct' }],
      });
    });

    it('allows whitespace between all tokens', () => {
      expect(parseOk(' struct< a : int , b:string > ')).toEqual(parseOk('struct<a:int,b:string>'));
      expect(parseOk('map < string , array < int > >')).toEqual(parseOk('map<string,array<int>>'));
    });

    it('parses keywords case-insensitively', () => {
      expect(parseOk('ARRAY<Struct<a:INT>>')).toEqual(parseOk('array<struct<a:int>>'));
    });

    it('parses arbitrarily nested types', () => {
      expect(parseOk('map<string,array<struct<a:decimal(5,2),b:map<int,string>>>>')).toEqual({
        kind: 'map',
        key: prim('string'),
        value: {
          kind: 'array',
          element: {
            kind: 'struct',
            fields: [
              { name: 'a', type: { kind: 'decimal', precision: 5, scale: 2 } },
              { name: 'b', type: { kind: 'map', key: prim('int'), value: prim('string') } },
            ],
          },
        },
      });
    });

    it('parses 200 levels of nesting', () => {
      const text = 'array<'.repeat(200) + 'int' + '>'.repeat(200);
      expect(formatGlueType(parseOk(text))).toBe(text);
    });
  });

  describe('errors', () => {
    it('reports an unknown type with a spelling suggestion', () => {
      const err = parseErr('array<strng>');
      expect(err).toEqual({ offset: 6, message: 'unknown type "strng"', hint: 'did you mean "string"?' });
    });

    it.each([
      ['integr', 'integer'],
      ['bigintt', 'bigint'],
      ['boolen', 'boolean'],
      ['dobule', 'double'],
      ['aray', 'array'],
      ['strct', 'struct'],
      ['timestmp', 'timestamp'],
    ])('suggests a close type name for %s', (typo, suggestion) => {
      const err = parseErr(typo);
      expect(err.offset).toBe(0);
      expect(err.hint).toBe(`did you mean "${suggestion}"?`);
    });

    it('lists the valid types when nothing is close', () => {
      const err = parseErr('xyzzyplugh');
      expect(err.message).toBe('unknown type "xyzzyplugh"');
      expect(err.hint).toContain('struct<');
    });

    it('rejects Hive long and short with a Glue suggestion', () => {
      const long = parseErr('array<long>');
      expect(long.offset).toBe(6);
      expect(long.hint).toContain('bigint');
      const short = parseErr('SHORT');
      expect(short.offset).toBe(0);
      expect(short.hint).toContain('smallint');
    });

    it('rejects timestamp with time zone at "with"', () => {
      const err = parseErr('timestamp with time zone');
      expect(err.offset).toBe(10);
      expect(err.message).toMatch(/time zone/);
    });

    it('rejects empty input at offset 0', () => {
      const err = parseErr('');
      expect(err.offset).toBe(0);
      expect(err.message).toBe('expected a type but found end of input');
    });

    it('rejects whitespace-only input at the end of input', () => {
      expect(parseErr('   ').offset).toBe(3);
    });

    it('reports an unterminated array at the end of input', () => {
      const err = parseErr('array<int');
      expect(err.offset).toBe(9);
      expect(err.message).toBe('expected ">" to close array<...> but found end of input');
    });

    it('reports an unterminated nested type at the end of input', () => {
      expect(parseErr('map<string,array<int>').offset).toBe(21);
      expect(parseErr('struct<a:int').offset).toBe(12);
    });

    it('reports trailing garbage at the first extra token', () => {
      const err = parseErr('int x');
      expect(err.offset).toBe(4);
      expect(err.message).toMatch(/"x"/);
      expect(parseErr('array<int>>').offset).toBe(10);
    });

    it('reports unexpected characters in context', () => {
      const err = parseErr('array<$>');
      expect(err.offset).toBe(6);
      expect(err.message).toBe('expected a type but found "$"');
      expect(parseErr('int;').offset).toBe(3);
    });

    it('reports a missing "<" after a complex type keyword', () => {
      expect(parseErr('array').offset).toBe(5);
      expect(parseErr('map(string,int)').offset).toBe(3);
      expect(parseErr('struct a:int').offset).toBe(7);
    });

    it('rejects parameters on types that take none', () => {
      const err = parseErr('int(5)');
      expect(err.offset).toBe(3);
      expect(err.message).toMatch(/does not take parameters/);
    });

    it('rejects an array with more than one element type at the extra comma', () => {
      expect(parseErr('array<int,string>').offset).toBe(9);
    });

    it('rejects a non-scalar map key at the key', () => {
      const err = parseErr('map<array<int>,string>');
      expect(err.offset).toBe(4);
      expect(err.message).toContain('array<int>');
      expect(err.hint).toMatch(/map keys must be primitive/);
      expect(parseErr('map< struct<a:int>,string>').offset).toBe(5);
      expect(parseErr('map<map<int,int>,int>').offset).toBe(4);
    });

    it('rejects a map without a value type', () => {
      expect(parseErr('map<string>').offset).toBe(10);
      expect(parseErr('map<string,>').offset).toBe(11);
    });

    it('rejects an empty struct at ">"', () => {
      const err = parseErr('struct<>');
      expect(err.offset).toBe(7);
      expect(err.message).toMatch(/at least one field/);
    });

    it('rejects a trailing comma in a struct', () => {
      const err = parseErr('struct<a:int,>');
      expect(err.offset).toBe(13);
      expect(err.hint).toMatch(/trailing ","/);
    });

    it('rejects a field without ":" or type', () => {
      expect(parseErr('struct<a int>').offset).toBe(9);
      expect(parseErr('struct<a:>').offset).toBe(9);
    });

    it('rejects fields not separated by ","', () => {
      const err = parseErr('struct<a:int b:int>');
      expect(err.offset).toBe(13);
      expect(err.message).toBe('expected "," or ">" in struct<...> but found "b"');
    });

    it('rejects backquoted field names with a hint', () => {
      const err = parseErr('struct<`my field`:int>');
      expect(err.offset).toBe(7);
      expect(err.hint).toMatch(/backquoted/);
    });

    it('rejects field names that are not identifiers', () => {
      expect(parseErr('struct<1a:int>').offset).toBe(7);
      expect(parseErr('struct<a-b:int>').offset).toBe(8);
    });

    it('rejects duplicate field names case-insensitively at the second occurrence', () => {
      const err = parseErr('struct<id:int,name:string,ID:bigint>');
      expect(err.offset).toBe(26);
      expect(err.message).toContain('ID');
    });

    it('allows the same field name in different structs', () => {
      expect(parseOk('struct<a:struct<a:int>>')).toBeDefined();
    });

    it('rejects absurdly deep nesting instead of overflowing the stack', () => {
      const text = 'array<'.repeat(100_000) + 'int' + '>'.repeat(100_000);
      const err = parseErr(text);
      expect(err.message).toMatch(/nested/);
    });

    it('reports non-string input instead of throwing', () => {
      expect(parseGlueType(undefined as unknown as string).ok).toBe(false);
      expect(parseGlueType(42 as unknown as string).ok).toBe(false);
    });
  });

  describe('robustness', () => {
    // Deterministic PRNG so a failure is reproducible.
    function rng(seed: number): () => number {
      let s = seed;
      return () => {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        return s / 0x7fffffff;
      };
    }

    it('never throws on random or garbage strings', () => {
      const random = rng(42);
      const alphabet = [
        '<',
        '>',
        '(',
        ')',
        ',',
        ':',
        ' ',
        '`',
        '"',
        '-',
        '1',
        '38',
        '0',
        'a',
        'int',
        'array',
        'map',
        'struct',
        'decimal',
        'varchar',
        'char',
        'string',
        'x',
        '\u0000',
        '\ud83d',
        '\u00e9',
        '\n',
        'with',
        '__proto__',
      ];
      const samples: string[] = [
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
        'struct<constructor:int,__proto__:int>',
        'map<__proto__,int>',
        '>>>>',
        '<<<<',
        '((((',
        '))))',
        ',,,',
        ':::',
        '99999999999999999999999',
        'decimal(99999999999999999999999,1)',
        'varchar(1e5)',
        'array<>',
        'map<,>',
        'struct<:>',
        '\u{1F600}',
      ];
      for (let i = 0; i < 3000; i++) {
        const length = Math.floor(random() * 20);
        let s = '';
        for (let j = 0; j < length; j++) s += alphabet[Math.floor(random() * alphabet.length)];
        samples.push(s);
        samples.push(String.fromCharCode(...Array.from({ length }, () => Math.floor(random() * 0x300))));
      }
      // One expect for all 6000 samples: five expects per sample cost about 5 of this test's 6 seconds.
      const problems = samples.flatMap((text) => robustnessProblems(text).map((problem) => `${JSON.stringify(text)}: ${problem}`));
      expect(problems).toEqual([]);
    });

    /** What is wrong with parsing `text`: a throw, an error without message, hint or a position in the text, or a type that does not survive format and parse. */
    function robustnessProblems(text: string): string[] {
      let result: ReturnType<typeof parseGlueType>;
      try {
        result = parseGlueType(text);
      } catch (error) {
        return [`throws ${String(error)}`];
      }
      if (result.ok) {
        const again = parseGlueType(formatGlueType(result.type));
        return again.ok && isDeepStrictEqual(again.type, result.type) ? [] : [`does not round-trip through ${JSON.stringify(formatGlueType(result.type))}`];
      }
      const { message, hint, offset } = result.error;
      return [
        ...(message === '' ? ['error without message'] : []),
        ...(hint === '' ? ['error without hint'] : []),
        ...(offset >= 0 && offset <= text.length ? [] : [`error offset ${offset} outside 0..${text.length}`]),
      ];
    }
  });
});

describe('formatGlueType', () => {
  it.each([
    ['int', 'int'],
    ['INTEGER', 'int'],
    ['decimal', 'decimal(10,0)'],
    ['decimal(7)', 'decimal(7,0)'],
    [' Decimal( 12 , 2 ) ', 'decimal(12,2)'],
    ['VARCHAR(10)', 'varchar(10)'],
    ['char( 2 )', 'char(2)'],
    ['Array< Struct< sku : String , qty : Int > >', 'array<struct<sku:string,qty:int>>'],
    ['map<string, array<int>>', 'map<string,array<int>>'],
    ['struct<Id:int>', 'struct<Id:int>'],
    ['map<string,array<struct<a:decimal(5,2),b:map<int,string>>>>', 'map<string,array<struct<a:decimal(5,2),b:map<int,string>>>>'],
  ])('formats %j canonically as %j', (input, canonical) => {
    expect(formatGlueType(parseOk(input))).toBe(canonical);
  });

  it.each([
    ...PRIMITIVES,
    'integer',
    'decimal',
    'decimal(38,38)',
    'varchar(65535)',
    'char(255)',
    'array<array<binary>>',
    'map<char(2),map<date,timestamp>>',
    'struct<a:boolean,b:tinyint,c:smallint,d:float,e:double>',
    ' STRUCT < nested : STRUCT < deeper : ARRAY < MAP < STRING , DECIMAL ( 3 , 1 ) > > > > ',
    'array<struct<x:map<varchar(5),array<struct<y:char(1)>>>>>',
  ])('round-trips %j through format and parse', (input) => {
    const ast = parseOk(input);
    const formatted = formatGlueType(ast);
    expect(parseOk(formatted)).toEqual(ast);
    expect(formatGlueType(parseOk(formatted))).toBe(formatted);
    expect(formatted).not.toMatch(/\s/);
  });
});

describe('isScalarGlueType', () => {
  it.each(['int', 'string', 'decimal(5,2)', 'varchar(3)', 'char(1)', 'timestamp'])('is true for %s', (text) => {
    expect(isScalarGlueType(parseOk(text))).toBe(true);
  });

  it.each(['array<int>', 'map<string,int>', 'struct<a:int>'])('is false for %s', (text) => {
    expect(isScalarGlueType(parseOk(text))).toBe(false);
  });
});

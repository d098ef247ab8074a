/**
 * User-written regular expressions, checked in the dialect of the engine that runs them.
 *
 * - **PII patterns** (platform.yaml, domain.yaml) run here, on every column name, so they run on
 *   RE2 (re2js): linear time whatever the pattern, so `^(a+)+$` cannot hang `validate`. RE2 has
 *   no backreferences or lookaround; those are refused at the pattern's line.
 * - **Quality patterns** (`pattern` rules, ODCS `invalidValues.pattern`) run in Glue Data Quality,
 *   whose DQDL `matches` uses Java's java.util.regex. The platform accepts the subset that Java
 *   and RE2 read alike: RE2 checks the syntax, and what Java reads differently (or not at all) is
 *   refused with what to write instead. `(?i)` and the other shared flags are in the subset.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

export interface PatternProblem {
  readonly message: string;
  readonly hint: string;
}

/** A compiled PII pattern: case-insensitive, unanchored, linear time. */
export interface NamePattern {
  readonly source: string;
  test(name: string): boolean;
}

/** Longer patterns are refused before they are compiled. */
export const MAX_PATTERN_CHARACTERS = 1000;

const PII_HINT = 'PII patterns use RE2 syntax (linear time): no backreferences, lookaround or possessive quantifiers';
const DQDL_HINT = 'Glue runs quality patterns with Java regular expressions; write the subset Java and RE2 share (see the README)';

/** Compiles a PII pattern; throws on one that piiPatternProblem refuses. */
export function compileNamePattern(pattern: string): NamePattern {
  let named = namePatterns.get(pattern);
  if (!named) {
    named = newNamePattern(pattern);
    if (namePatterns.size >= REMEMBERED) namePatterns.clear();
    namePatterns.set(pattern, named);
  }
  return named;
}

/** Every domain's policy lists the platform's patterns again: one compiled pattern (and memory of answers) each. */
const namePatterns = new Map<string, NamePattern>();

function newNamePattern(pattern: string): NamePattern {
  const compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  // A mesh repeats the same column names (id, created_at, email...) across its products, and re2js
  // is an interpreter: each name is matched once per pattern, then remembered.
  const answers = new Map<string, boolean>();
  return {
    source: pattern,
    test: (name) => {
      let answer = answers.get(name);
      if (answer === undefined) {
        answer = compiled.test(name);
        if (answers.size >= REMEMBERED) answers.clear();
        answers.set(name, answer);
      }
      return answer;
    },
  };
}

/**
 * Whether any of `patterns` matches `name`. A policy's list is asked about every column of every
 * product, and a mesh repeats its column names: each name's answer is remembered per list.
 */
export function anyPatternMatches(patterns: readonly NamePattern[], name: string): boolean {
  let answers = listAnswers.get(patterns);
  if (!answers) {
    answers = new Map();
    listAnswers.set(patterns, answers);
  }
  let answer = answers.get(name);
  if (answer === undefined) {
    answer = patterns.some((p) => p.test(name));
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(name, answer);
  }
  return answer;
}

const listAnswers = new WeakMap<readonly NamePattern[], Map<string, boolean>>();

export function piiPatternProblem(pattern: string): PatternProblem | undefined {
  return remembered(piiChecked, pattern, () => lengthProblem(pattern, PII_HINT) ?? backtrackingProblem(pattern, PII_HINT) ?? re2Problem(pattern, PII_HINT));
}

export function dqdlPatternProblem(pattern: string): PatternProblem | undefined {
  return remembered(dqdlChecked, pattern, () => lengthProblem(pattern, DQDL_HINT) ?? backtrackingProblem(pattern, DQDL_HINT) ?? re2Problem(pattern, DQDL_HINT) ?? javaProblem(pattern));
}

/*
 * Compiling costs about a millisecond, and a mesh repeats its patterns (country codes, ids)
 * hundreds of times: each distinct pattern is checked once per process.
 */
const piiChecked = new Map<string, PatternProblem | undefined>();
const dqdlChecked = new Map<string, PatternProblem | undefined>();
const REMEMBERED = 10_000;

function remembered(cache: Map<string, PatternProblem | undefined>, pattern: string, check: () => PatternProblem | undefined): PatternProblem | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  const problem = check();
  if (cache.size >= REMEMBERED) cache.clear();
  cache.set(pattern, problem);
  return problem;
}

function lengthProblem(pattern: string, hint: string): PatternProblem | undefined {
  return pattern.length > MAX_PATTERN_CHARACTERS ? { message: `pattern of ${pattern.length} characters is longer than ${MAX_PATTERN_CHARACTERS}`, hint } : undefined;
}

function re2Problem(pattern: string, hint: string): PatternProblem | undefined {
  try {
    RE2JS.compile(pattern);
    return undefined;
  } catch (error) {
    const detail = error instanceof RE2JSSyntaxException ? `${error.getDescription()}${error.getPattern() ? ` at \`${clip(error.getPattern()!)}\`` : ''}` : String(error);
    return { message: `invalid regular expression: ${detail}`, hint };
  }
}

/** Constructs that need a backtracking engine: what RE2 refuses, said in words. */
function backtrackingProblem(pattern: string, hint: string): PatternProblem | undefined {
  for (const token of tokens(pattern)) {
    if (token.kind === 'group' && /^\(\?(<?[=!])/.test(token.text)) return { message: `lookaround ${token.text} is not supported`, hint };
    if (token.kind === 'group' && token.text === '(?>') return { message: 'atomic groups (?>...) are not supported', hint };
    if (token.kind === 'escape' && /^\\([1-9]|k<)/.test(token.text)) return { message: `backreference ${token.text} is not supported`, hint };
    if (token.kind === 'possessive') return { message: `possessive quantifier ${token.text} is not supported`, hint };
  }
  return undefined;
}

/** Java's reading of what RE2 accepts: refused where the two differ or Java fails. */
function javaProblem(pattern: string): PatternProblem | undefined {
  const fail = (message: string, fix: string) => ({ message, hint: `${fix}; ${DQDL_HINT}` });
  for (const token of tokens(pattern)) {
    const { kind, text, inClass } = token;
    if (kind === 'group' && text.startsWith('(?P<')) return fail(`named group ${text} is Python syntax that Java rejects`, 'write (?<name>...)');
    if (kind === 'group' && text.startsWith('(?<') && !/^\(\?<[A-Za-z][A-Za-z0-9]*>$/.test(text))
      return fail(`group name in ${text} is not valid in Java`, 'name groups with letters and digits, starting with a letter');
    if (kind === 'group' && /^\(\?[a-zA-Z-]+[:)]$/.test(text) && text.includes('U'))
      return fail(`flag U in ${text} means "ungreedy" in RE2 but "Unicode classes" in Java`, 'remove the U flag; write lazy quantifiers (*?, +?) instead');
    if (kind === 'escape' && text === '\\v') return fail('\\v is a vertical tab in RE2 but any vertical white space in Java', 'write \\x0B for a vertical tab');
    if (kind === 'escape' && text === '\\0') return fail('octal escapes are read differently by Java and RE2', 'write the character as \\x{hh}');
    if (kind === 'escape' && /^\\[pP]/.test(text) && !/^\\[pP](?:[LMNPSZC]|\{[LMNPSZC][a-z]?\})$/.test(text))
      return fail(`character property ${text} is spelled differently in Java`, 'use a general category such as \\p{L}, \\p{Lu} or \\p{N}, or a character range');
    if (kind === 'brace') return fail(`"${text}" is a literal in RE2 but an error in Java`, 'escape a literal brace as \\{, or write a repeat as {n}, {n,} or {n,m}');
    if (kind === 'literal' && inClass && text === '[')
      return fail('"[" inside a character class is a nested class in Java (and a POSIX class like [:alpha:] only in RE2)', 'escape it as \\[, or use \\p{L}, \\d or a range such as a-z');
    if (kind === 'literal' && inClass && text === '&&')
      return fail('"&&" inside a character class is an intersection in Java but two ampersands in RE2', 'escape it as \\&\\&, or list the characters you mean');
    if (kind === 'class-start-bracket') return fail('"]" first in a character class is a literal in RE2 but may end the class in Java', 'escape it as \\]');
  }
  return undefined;
}

interface Token {
  readonly kind: 'escape' | 'group' | 'possessive' | 'brace' | 'literal' | 'class-start-bracket' | 'other';
  readonly text: string;
  readonly inClass: boolean;
}

/** A rough lexer of regular-expression syntax: enough to find the constructs above, not a parser. */
function* tokens(pattern: string): Generator<Token> {
  let inClass = false;
  let classStart = false;
  let previousQuantifier = false;
  for (let i = 0; i < pattern.length;) {
    const char = pattern[i];
    if (char === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end < 0 ? pattern.length : end + 2;
        previousQuantifier = false;
        continue;
      }
      const property = /^\\[pP](\{[^}]*\}|.)/.exec(pattern.slice(i));
      const named = /^\\k<[^>]*>/.exec(pattern.slice(i));
      const text = property?.[0] ?? named?.[0] ?? pattern.slice(i, i + 2);
      yield { kind: 'escape', text, inClass };
      i += text.length;
      classStart = false;
      previousQuantifier = false;
      continue;
    }
    if (inClass) {
      if (classStart && char === ']') yield { kind: 'class-start-bracket', text: ']', inClass };
      else if (char === ']') inClass = false;
      else if (char === '[') yield { kind: 'literal', text: '[', inClass };
      else if (char === '&' && pattern[i + 1] === '&') yield { kind: 'literal', text: '&&', inClass };
      classStart = false;
      i++;
      continue;
    }
    if (char === '[') {
      inClass = true;
      classStart = true;
      i++;
      if (pattern[i] === '^') i++;
      previousQuantifier = false;
      continue;
    }
    if (char === '(') {
      const group = /^\((\?P?<[^>]*>|\?<?[=!]|\?>|\?[a-zA-Z-]*[:)])?/.exec(pattern.slice(i))![0];
      yield { kind: 'group', text: group, inClass };
      i += group.length;
      previousQuantifier = false;
      continue;
    }
    if (char === '{') {
      const repeat = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
      if (!repeat) {
        yield { kind: 'brace', text: '{', inClass };
        i++;
        previousQuantifier = false;
        continue;
      }
      i += repeat[0].length;
      previousQuantifier = true;
      if (pattern[i] === '+') yield { kind: 'possessive', text: `${repeat[0]}+`, inClass };
      continue;
    }
    if (char === '*' || char === '+' || char === '?') {
      if (previousQuantifier && char === '+') yield { kind: 'possessive', text: `${pattern[i - 1]}+`, inClass };
      // `a*?` is lazy, and `a*?+` is not possessive: after a lazy marker nothing quantifies.
      previousQuantifier = !(previousQuantifier && char === '?');
      i++;
      continue;
    }
    previousQuantifier = false;
    i++;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

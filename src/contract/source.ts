import { tooManyAliases, unknownTag, yamlVersionUnsupported, yamlWarning, type ContractError } from './errors';
import { fastYamlValue } from './fast-yaml';
import { MAX_ALIAS_COUNT } from './limits';
import type { SourceLocation } from './model';
import { buildTree, Positions, type DocPath } from './positions';
import { checkDocument, firstAlias } from './yaml-checks';

export { yamlTreesBuilt, type DocPath } from './positions';

/**
 * A parsed YAML file that still knows where every value was written, so that any later stage
 * (schema, normalizer, governance) can point at `file:line:col`.
 */
export class SourceDocument {
  private constructor(
    readonly file: string,
    readonly text: string,
    private readonly value: unknown,
    private readonly positions: Positions,
  ) {}

  /**
   * Parses YAML 1.2 (core schema: an unquoted date stays a string). Errors are returned, not
   * thrown. Without a document, the file cannot be read as values (syntax, unknown tags, broken
   * aliases); with one, `errors` are about values (control characters, inexact numbers) and the
   * document is still worth checking further, so one run reports them all.
   *
   * Most files have nothing to report: js-yaml reads their values (see fast-yaml.ts) and the
   * positions are found only when a location is read. Any other file goes the full way.
   */
  static parse(file: string, text: string): { document?: SourceDocument; errors: ContractError[] } {
    const fast = fastYamlValue(text);
    if (fast) return { document: new SourceDocument(file, text, fast.value, new Positions(file, text, undefined, fast.spots)), errors: [] };
    return SourceDocument.parseFully(file, text);
  }

  private static parseFully(file: string, text: string): { document?: SourceDocument; errors: ContractError[] } {
    const tree = buildTree(text);
    const { doc, lines } = tree;
    const located = (pos: number) => {
      const { line, col } = lines.linePos(pos);
      return { file, line, column: col };
    };
    const errors: ContractError[] = doc.errors.map((e) => ({ ...located(e.pos[0]), path: '', message: yamlMessage(e.code, e.message), hint: yamlHint(e.code) }));
    if (errors.length > 0) return { errors };
    // %YAML 1.1 would switch to 1.1 rules, where yes, 0777 and 1:20 are no longer text.
    if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') errors.push(yamlVersionUnsupported(located(0), doc.directives.yaml.version));
    const { structure, content } = checkDocument(file, text, doc, lines);
    errors.push(...structure);
    // Tags are reported by the document check, with their path; other warnings are errors too.
    for (const warning of doc.warnings) {
      if (warning.code === 'TAG_RESOLVE_FAILED') {
        if (structure.length === 0) errors.push(unknownTag({ ...located(warning.pos[0]), path: '' }, warning.message.replace(/^Unresolved tag: /, '')));
      } else {
        errors.push(yamlWarning({ ...located(warning.pos[0]), path: '' }, warning.code, warning.message.split('\n')[0]));
      }
    }
    if (errors.length > 0) return { errors };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml's guard against alias bombs (and anything else it refuses) names no file: we do.
      if (error instanceof ReferenceError && /alias/i.test(error.message)) return { errors: [tooManyAliases(firstAlias(doc, file, lines))] };
      throw error;
    }
    return { document: new SourceDocument(file, text, value, new Positions(file, text, tree)), errors: content };
  }

  /** The plain JavaScript value of the document. */
  toJS(): unknown {
    return this.value;
  }

  /**
   * Location of the value at `path`, or of its nearest existing ancestor. Its `line` and `column`
   * may be found only when first read; they are enumerable properties all the same, so spreading
   * the location or writing it as JSON gives them.
   */
  locate(path: DocPath, at: 'value' | 'key' = 'value'): SourceLocation {
    return this.positions.locate(path, at);
  }

  /** Location of a character offset inside the scalar at `path` (for errors inside a type string). */
  locateWithin(path: DocPath, offset: number): SourceLocation {
    return this.positions.locateWithin(path, offset);
  }
}

/** `schema[2].type` style, for messages. */
export function formatPath(path: DocPath): string {
  return path.reduce<string>((out, step) => (typeof step === 'number' ? `${out}[${step}]` : out ? `${out}.${step}` : step), '');
}

function yamlMessage(code: string, message: string): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax error (${code}): ${firstLine}`;
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once per mapping; remove or rename the duplicate';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and that every "key: value" has a space after the colon';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line; quote values that contain ": " or "#"';
    default:
      return 'fix the YAML syntax at this position; quote strings that contain special characters';
  }
}

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { tooManyAliases, unknownTag, yamlVersionUnsupported, yamlWarning, type ContractError } from './errors';
import { MAX_ALIAS_COUNT } from './limits';
import type { SourceLocation } from './model';
import { checkDocument, firstAlias } from './yaml-checks';

/** A path into a YAML document: keys and sequence indexes. */
export type DocPath = readonly (string | number)[];

/**
 * A parsed YAML file that still knows where every value was written, so that any later stage
 * (schema, normalizer, governance) can point at `file:line:col`.
 */
export class SourceDocument {
  private constructor(
    readonly file: string,
    readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly value: unknown,
  ) {}

  /**
   * Parses YAML 1.2 (core schema: an unquoted date stays a string). Errors are returned, not
   * thrown. Without a document, the file cannot be read as values (syntax, unknown tags, broken
   * aliases); with one, `errors` are about values (control characters, inexact numbers) and the
   * document is still worth checking further, so one run reports them all.
   */
  static parse(file: string, text: string): { document?: SourceDocument; errors: ContractError[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
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
    return { document: new SourceDocument(file, text, doc, lines, value), errors: content };
  }

  /** The plain JavaScript value of the document. */
  toJS(): unknown {
    return this.value;
  }

  /** Location of the value at `path`, or of its nearest existing ancestor. */
  locate(path: DocPath, at: 'value' | 'key' = 'value'): SourceLocation {
    return this.position(this.nodeAt(path, at));
  }

  /** Location of a character offset inside the scalar at `path` (for errors inside a type string). */
  locateWithin(path: DocPath, offset: number): SourceLocation {
    const node = this.nodeAt(path, 'value');
    if (isScalar(node) && node.range && (node.type === 'PLAIN' || node.type === undefined)) {
      return this.offsetLocation(node.range[0] + offset);
    }
    if (isScalar(node) && node.range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      return this.offsetLocation(node.range[0] + 1 + offset);
    }
    return this.position(node);
  }

  private nodeAt(path: DocPath, at: 'value' | 'key'): Node | undefined {
    let node: unknown = this.doc.contents;
    let found: Node | undefined = node as Node | undefined;
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        const isLast = i === path.length - 1;
        node = isLast && at === 'key' ? pair.key : pair.value;
        // `key:` with no value: point at the key.
        found = (node as Node | null) ?? (pair.key as Node);
        if (!node) break;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
        if (!node) break;
        found = node as Node;
      } else {
        break;
      }
    }
    return found;
  }

  private position(node: Node | undefined): SourceLocation {
    return this.offsetLocation(node?.range?.[0] ?? 0);
  }

  private offsetLocation(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
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

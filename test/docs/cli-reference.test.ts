import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { createProgram } from '../../src/cli/main';
import { datamesh } from '../cli/run-cli';
import { PROJECT_ROOT } from '../helpers/cdktf-cli';

/** The documents a user reads for the command line, besides `--help` itself. */
const DOCUMENTS = ['README.md', 'examples/domain-repo/README.md', 'CHANGELOG.md'];

const program = createProgram({ terminal: { out: () => {}, err: () => {}, outIsTTY: false, errIsTTY: false, env: {} }, evaluateRules: () => [], exit: () => {} });

/** Every command a user can type: `validate`, `export odcs`, and the groups (`export`) themselves. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => [[...prefix, sub.name()], ...commandPaths(sub, [...prefix, sub.name()])]);
}

/**
 * What a `datamesh ...` command line in a document asks for that the program does not have: an
 * unknown command, an option the command lacks, a `--format`-like value outside its choices.
 */
function unknownParts(line: string): string[] {
  const tokens = line.replace(/[[\]]/g, '').trim().split(/\s+/);
  let command = program;
  let i = 0;
  for (; i < tokens.length; i++) {
    const sub = command.commands.find((c) => c.name() === tokens[i]);
    if (!sub) break;
    command = sub;
  }
  if (command === program) return tokens[0] && !tokens[0].startsWith('-') ? [`no command "${tokens[0]}"`] : [];
  const problems: string[] = [];
  tokens.forEach((token, j) => {
    if (j < i || !token.startsWith('--') || ['--help', '--version'].includes(token)) return;
    const [name, inline] = token.split('=');
    const option = command.options.find((o) => o.long === name);
    if (!option) {
      problems.push(`${command.name()} has no option ${name}`);
      return;
    }
    const value = inline ?? tokens[j + 1];
    // Placeholders (`<dir>`, `v3.0.2|v3.1.0`) and shell syntax are not values to check.
    if (option.argChoices && value && /^[\w.-]+$/.test(value) && !option.argChoices.includes(value)) problems.push(`${command.name()} ${name} has no choice "${value}"`);
  });
  return problems;
}

/** `datamesh` followed by words, in code spans, code blocks and help examples (not prose such as "the `datamesh` command"). */
function commandLines(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s`($])datamesh((?: +[^\s`|;#)>]+)+)/gm)].map((m) => m[1]).filter((line) => /^ +[a-z-]/.test(line) && !/^ +(command|itself)\b/.test(line));
}

describe('the command line as the documents show it', () => {
  it('finds the command lines it checks (the extraction works)', () => {
    const readme = commandLines(fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8'));
    expect(readme.length).toBeGreaterThan(20);
    expect(readme).toContain(' export odcs contracts/sales/orders.yaml --env prod');
    expect(unknownParts(' validate --strict')).toEqual(['validate has no option --strict']);
    expect(unknownParts(' export odcs x.yaml --odcs-version v2.2.0')).toEqual(['odcs --odcs-version has no choice "v2.2.0"']);
    expect(unknownParts(' valdate')).toEqual(['no command "valdate"']);
  });

  it.each(DOCUMENTS)('%s names only commands, options and choices the program has', (document) => {
    const lines = commandLines(fs.readFileSync(path.join(PROJECT_ROOT, document), 'utf8'));
    expect(lines.flatMap((line) => unknownParts(line).map((problem) => `datamesh${line}: ${problem}`))).toEqual([]);
  });

  it.each(commandPaths(program).map((p) => p.join(' ')))('`datamesh %s --help` shows examples, as the README promises for every command', async (command) => {
    const { code, stdout } = await datamesh([...command.split(' '), '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain(`$ datamesh ${command}`);
    // Its own examples are command lines the program accepts, too.
    expect(commandLines(stdout.slice(stdout.indexOf('Examples:'))).flatMap(unknownParts)).toEqual([]);
  });
});

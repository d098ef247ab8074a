import { version } from '../../package.json';
import { createProgram } from '../../src/cli/main';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { datamesh } from './run-cli';

const ESC = '\u001b[';

describe('datamesh, the program', () => {
  it('prints its help with examples and exit codes, and exits 0', async () => {
    const { code, stdout } = await datamesh(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: datamesh [options] [command]');
    expect(stdout).toMatch(/validate \[options\] \[paths\.\.\.\]/);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Exit codes: 0 ok, 1 findings or invalid input, 2 usage error.');
  });

  it.each(['validate', 'new', 'catalog', 'rules'])('prints help with examples for `%s --help` and exits 0', async (command) => {
    const { code, stdout } = await datamesh([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: datamesh ${command}`);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain(`$ datamesh ${command}`);
  });

  it('prints its version', async () => {
    const { code, stdout } = await datamesh(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it('registers every command of DESIGN.md §8, and registry', () => {
    const program = createProgram({ terminal: { out: () => {}, err: () => {}, outIsTTY: false, errIsTTY: false, env: {} }, evaluateRules: () => [], exit: () => {} });
    expect(program.commands.map((c) => c.name())).toEqual(['validate', 'new', 'catalog', 'export', 'diff', 'rules', 'registry', 'affected', 'ci', 'plan']);
  });

  it('exits 2 with the help on stderr when no command is given', async () => {
    const { code, stdout, stderr } = await datamesh([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: datamesh');
  });

  it('exits 2 on an unknown command and suggests the closest one', async () => {
    const { code, stderr } = await datamesh(['valdate']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'valdate'");
    expect(stderr).toContain('(Did you mean validate?)');
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await datamesh(['validate', '--strict']);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--strict'");
    expect(stderr).toContain('(add --help for usage and examples)');
  });

  it('exits 2 on a --format it does not know', async () => {
    const { code, stderr } = await datamesh(['validate', REFERENCE_CONTRACTS, '--format', 'yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain("argument 'yaml' is invalid. Allowed choices are text, json.");
  });

  it('exits 2 when an argument is missing or one too many is given', async () => {
    expect((await datamesh(['new'])).code).toBe(2);
    expect((await datamesh(['new', 'sales/a', 'sales/b'])).code).toBe(2);
  });
});

describe('colors', () => {
  it('are used on a terminal', async () => {
    const { stdout } = await datamesh(['validate', REFERENCE_CONTRACTS], { tty: true });
    expect(stdout).toContain(ESC);
  });

  it('are never used when NO_COLOR is set, even on a terminal', async () => {
    const { stdout } = await datamesh(['validate', REFERENCE_CONTRACTS], { tty: true, env: { NO_COLOR: '1' } });
    expect(stdout).not.toContain(ESC);
  });

  it('are never used in a pipe or a file', async () => {
    const { stdout } = await datamesh(['validate', REFERENCE_CONTRACTS], { tty: false });
    expect(stdout).not.toContain(ESC);
  });
});

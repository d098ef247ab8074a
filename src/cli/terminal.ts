/**
 * Where a command writes, and whether it may use colors. Commands never touch `process`
 * directly: tests run them in-process with a captured terminal.
 */
export interface Terminal {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stdout is an interactive terminal (colors, never for pipes and files). */
  readonly outIsTTY: boolean;
  readonly errIsTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export function processTerminal(): Terminal {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    outIsTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

export interface Style {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
}

const plain = (text: string) => text;
const PLAIN: Style = { red: plain, yellow: plain, green: plain, bold: plain, dim: plain };
const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const ANSI: Style = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22), dim: sgr(2, 22) };

/** Colors only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export function styleFor(isTTY: boolean, env: NodeJS.ProcessEnv): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return isTTY && !noColor ? ANSI : PLAIN;
}

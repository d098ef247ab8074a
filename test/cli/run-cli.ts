import type { Finding } from '../../src/governance/finding';
import { runCli } from '../../src/cli/main';
import type { ContractRuleEvaluator } from '../../src/cli/contract-rules';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** The environment the command sees; nothing of the real one leaks in. */
  readonly env?: NodeJS.ProcessEnv;
  readonly tty?: boolean;
  /** The contract rules to run. @default no rule, so tests do not depend on which rules are wired in */
  readonly evaluateRules?: ContractRuleEvaluator | 'wired';
}

const NO_RULES: ContractRuleEvaluator = () => [];

/** Runs `datamesh <argv>` in-process with a captured terminal. */
export async function datamesh(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    terminal: {
      out: (text) => (stdout += text),
      err: (text) => (stderr += text),
      outIsTTY: options.tty ?? false,
      errIsTTY: options.tty ?? false,
      env: options.env ?? {},
    },
    evaluateRules: options.evaluateRules === 'wired' ? undefined : (options.evaluateRules ?? NO_RULES),
  });
  return { code, stdout, stderr };
}

/** A rule evaluator that reports the given findings whatever the mesh. */
export function reporting(...findings: Finding[]): ContractRuleEvaluator {
  return () => findings;
}

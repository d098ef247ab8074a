/** Exit codes of every `datamesh` command, so scripts and CI can tell a bad contract from a bad call. */
export const EXIT_OK = 0;
/** Unwaived error findings, or input that cannot be read. */
export const EXIT_FINDINGS = 1;
/** The command was called wrongly: unknown option, malformed argument, missing path. */
export const EXIT_USAGE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_USAGE;

/**
 * Thrown by a command when its arguments are wrong (exit 2). Commands return their exit code
 * for everything else; a usage error is the one case that aborts before any work.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

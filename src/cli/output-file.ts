/**
 * Writing what a command produces, all or nothing. A bad output path (its folder missing, a file
 * where a folder should be, a folder where the file should be, no permission) is the user's to
 * fix: it ends as an OutputError, printed as one line and a hint with exit 1, never as a stack
 * trace, and it leaves no temporary file behind.
 */
import * as fs from 'fs';

export class OutputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

/** What went wrong, in words, for the errors a path given on the command line can cause. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * `error` as an OutputError about `shown` (the path as the user wrote it), when it is a file
 * system error; anything else is a bug and is returned as it is.
 */
export function outputError(error: unknown, shown: string, hint: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !Object.hasOwn(REASONS, code)) return error;
  return new OutputError(`cannot write ${shown}: ${REASONS[code]} (${code})`, hint);
}

/** Writes `text` to `target` through a temporary file renamed into place; throws OutputError. */
export function writeOutputFile(target: string, text: string, shown: string, hint: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  let written = false;
  try {
    fs.writeFileSync(temporary, text);
    written = true;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (written) fs.rmSync(temporary, { force: true });
    throw outputError(error, shown, hint);
  }
}

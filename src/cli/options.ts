/** Options several commands share, spelled and documented the same way everywhere. */
import * as path from 'path';
import { Option } from 'commander';

export type OutputFormat = 'text' | 'json';

/** `--format text|json`: json wherever a program reads the output. */
export function outputFormatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

export function contractsOption(): Option {
  return new Option('--contracts <dir>', 'contracts folder (default: $DATAMESH_CONTRACTS, else contracts)');
}

/** The contracts folder, absolute: the option, else $DATAMESH_CONTRACTS, else `contracts`. */
export function contractsDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(option ?? env.DATAMESH_CONTRACTS ?? 'contracts');
}

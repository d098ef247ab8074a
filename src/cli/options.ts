/** Options several commands share, spelled and documented the same way everywhere. */
import { Option } from 'commander';
import { resolveContractsDir } from '../contract/mesh-root';

export type OutputFormat = 'text' | 'json';

/** `--format text|json`: json wherever a program reads the output. */
export function outputFormatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

export function contractsOption(): Option {
  return new Option('--contracts <dir>', 'contracts folder (default: $DATAMESH_CONTRACTS, else the folder with platform.yaml found walking up from here)');
}

/**
 * The contracts folder, absolute: the option, else $DATAMESH_CONTRACTS, else the folder holding
 * platform.yaml found walking up from the working folder (as git finds its repository), else `contracts`.
 */
export function contractsDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return resolveContractsDir(option, env);
}

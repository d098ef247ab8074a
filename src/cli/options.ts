/** Options several commands share, spelled and documented the same way everywhere. */
import * as fs from 'fs';
import { Option } from 'commander';
import { resolveContractsDir } from '../contract/mesh-root';
import { UsageError } from './exit-codes';

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

/**
 * The contracts folder as `contractsDir` finds it; one that is not there is a usage error (exit 2),
 * as in every command. The error shows the path as the user wrote it, when they wrote one.
 */
export function existingContractsDir(option: string | undefined, env: NodeJS.ProcessEnv): string {
  const dir = contractsDir(option, env);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`no such contracts folder: ${option ?? dir}`, 'pass the folder that holds platform.yaml');
  return dir;
}

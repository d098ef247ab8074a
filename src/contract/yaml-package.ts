import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use: a clean mesh is read by the fast path (fast-yaml.ts) and
 * never needs it, and loading it is a few hundredths of a second of every `datamesh validate`.
 */
export function yamlPackage(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}

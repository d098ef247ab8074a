import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { COMPILED_DIR, generateValidators } from '../../scripts/generate-validators';
import { SCHEMAS, type SchemaName } from '../../src/contract/schema-sources';

// The validators `datamesh validate` runs are ajv's code generated ahead of time
// (scripts/generate-validators.ts); the schemas in src/contract/schemas/ are the source of truth.
describe('the compiled schema validators', () => {
  const generated = generateValidators();

  it('are up to date with the schemas and the installed ajv (npm run validators regenerates them)', () => {
    const stale = [...generated].filter(([file, code]) => {
      const written = path.join(COMPILED_DIR, file);
      return !fs.existsSync(written) || fs.readFileSync(written, 'utf8') !== code;
    });
    expect(stale.map(([file]) => file)).toEqual([]);
    expect(fs.readdirSync(COMPILED_DIR).sort()).toEqual([...generated.keys()].sort());
  });

  it('decide and explain like the same schema compiled at run time', () => {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true, $data: true });
    addFormats(ajv, ['date', 'date-time', 'email', 'regex', 'uri']);
    ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
    for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
    const samples: Record<string, unknown>[] = [
      {},
      { apiVersion: 'datamesh/v1', kind: 'DataProduct', name: 'Bad Name', version: 3, schema: [{ name: 'id', type: 7 }], bogus: true },
      { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x', status: 'active', version: '1.0.0', schema: [{ name: 't', properties: [{ name: 'c', logicalType: 'nope' }] }] },
      { apiVersion: 'datamesh/v1', kind: 'Domain', name: 'sales', account: '12345', owner: { email: 'not-an-email' } },
    ];
    // The native schemas: the ODCS ones take seconds each to compile, and their messages are
    // pinned by the ODCS tests, which run on the compiled validators.
    for (const name of ['data-product', 'domain', 'platform', 'registry-pointer'] as SchemaName[]) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the generated module, as schema.ts loads it
      const compiled = (require(path.join(COMPILED_DIR, name)) as { validate: Ajv2020['getSchema'] extends (...a: never[]) => infer R ? NonNullable<R> : never }).validate;
      const runtime = ajv.getSchema((SCHEMAS[name] as { $id: string }).$id)!;
      for (const sample of samples) {
        expect(compiled(sample)).toBe(runtime(sample));
        const shape = (errors: typeof runtime.errors) => (errors ?? []).map((e) => [e.keyword, e.instancePath, e.schemaPath, e.params, e.parentSchema, e.data]);
        expect(shape(compiled.errors)).toEqual(shape(runtime.errors));
        expect(shape(compiled.errors).length).toBeGreaterThan(0);
      }
    }
  });
});

import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { formatContractError } from '../../src/contract/errors';
import { loadMesh, loadProductFile } from '../../src/contract/mesh';
import { exportOdcs } from '../../src/contract/odcs';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { ODCS_FIXTURES } from '../helpers/odcs';

/**
 * Conformance with the Bitol project's ODCS v3.1.0 data: the official schema, examples and negative
 * tests, read where they are (the `shared` folder beside the checkout) and never copied into the
 * project. Without them these tests are skipped, loudly; the unit tests in test/contract/odcs-*
 * still cover ODCS support with the project's own fixtures.
 */
const ODCS_DIR = path.join(__dirname, '../../../shared/odcs');

/** What each official example becomes, when we know: `built`, or the reason it cannot be built. */
const EXPECTED_EXAMPLES: Record<string, 'built' | RegExp> = {
  'all/full-example.odcs.yaml': /server "my-postgres" is of type postgres/,
  'all/postgresql-adventureworks-contract.odcs.yaml': /object without properties/,
  'data-types/all-data-types.odcs.yaml': /array without `items`/,
  'fundamentals/table-column-description.odcs.yaml': 'built',
  'quality/column-accuracy.odcs.yaml': 'built',
  'quality/column-completeness.odcs.yaml': 'built',
  'quality/column-custom.odcs.yaml': 'built',
  'quality/column-validity.odcs.yaml': 'built',
  'roles/service-and-operational-roles.odcs.yaml': /describes no table/,
  'schema/all-schema-types.odcs.yaml': 'built',
  'schema/kafka-schema.odcs.yaml': /is of type kafka/,
  'schema/kafka-schemaregistry.odcs.yaml': /is of type kafka/,
  'schema/table-column.odcs.yaml': 'built',
  'schema/table-columns-with-partition.odcs.yaml': 'built',
  'server/azure-server.odcs.yaml': /is of type azure/,
  'server/kafka-server.odcs.yaml': /is of type kafka/,
  'sla/database-table-sla.odcs.yaml': /describes no table/,
  'stakeholders/basic-four-dpo.odcs.yaml': /describes no table/,
};

/** The field each official negative test is about, as our validator names it. */
const EXPECTED_NEGATIVES: Record<string, { path: string; message: RegExp }> = {
  'additional-unknown-property.odcs.yaml': { path: 'unknownRootField', message: /unknown key "unknownRootField"/ },
  'enum-empty.odcs.yaml': { path: 'schema[0].properties[0].enum', message: /unknown key "enum"/ },
  'invalid-kind.odcs.yaml': { path: 'kind', message: /"DataModel" is not allowed; expected DataContract/ },
  'invalid-quality-dimension.odcs.yaml': { path: 'schema[0].properties[0].quality[0].dimension', message: /"validity" is not allowed/ },
  'invalid-quality-type.odcs.yaml': { path: 'schema[0].properties[0].quality[0].type', message: /"unknown" is not allowed/ },
  'missing-required-fields.odcs.yaml': { path: '', message: /missing required key "id"/ },
  'quality-custom-missing-implementation.odcs.yaml': { path: 'schema[0].properties[0].quality[0]', message: /missing required key "implementation"/ },
  'quality-multiple-operators.odcs.yaml': { path: 'schema[0].properties[0].quality[0]', message: /needs exactly one of: mustBe, mustNotBe/ },
  'quality-sql-missing-query.odcs.yaml': { path: 'schema[0].properties[0].quality[0]', message: /missing required key "query"/ },
  'relationship-schema-level-missing-from-to.odcs.yaml': { path: 'schema[0].relationships[0]', message: /missing required key "from"/ },
  'schema-property-missing-name.odcs.yaml': { path: 'schema[0].properties[0]', message: /missing required key "name"/ },
  'server-invalid-type.odcs.yaml': { path: 'servers[0].type', message: /"mongodb" is not allowed/ },
  'server-missing-required-fields.odcs.yaml': { path: 'servers[0]', message: /missing required key "(server|type)"/ },
  'sla-missing-required-value.odcs.yaml': { path: 'slaProperties[0]', message: /missing required key "value"/ },
};

function yamlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => f.split(path.sep).join('/')).sort();
}

if (!fs.existsSync(ODCS_DIR)) {
  // Straight to stderr: jest drops console output of a file whose tests are all skipped.
  process.stderr.write(`ODCS conformance data not found at ${ODCS_DIR}: the ODCS conformance tests are skipped.\n`);
  describe.skip(`ODCS conformance (no data at ${ODCS_DIR})`, () => {
    it('needs the official ODCS schema, examples and negative tests', () => undefined);
  });
} else {
  // The official schema is draft 2019-09; it is loaded here, at test time, and nowhere else.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const official = ajv.compile(JSON.parse(fs.readFileSync(path.join(ODCS_DIR, 'schema/odcs-json-schema-v3.1.0.json'), 'utf8')));
  const officialErrors = (text: string) => (official(parse(text)) ? [] : (official.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

  describe('ODCS conformance: every official example is built or refused with "cannot build"', () => {
    it.each(yamlFiles(path.join(ODCS_DIR, 'examples')))('%s', (example) => {
      const file = path.join(ODCS_DIR, 'examples', example);
      expect(officialErrors(fs.readFileSync(file, 'utf8'))).toEqual([]);
      const { value, errors } = loadProductFile(file);
      const reasons = errors.map(formatContractError);
      if (value) {
        expect(reasons).toEqual([]);
      } else {
        expect(reasons.length).toBeGreaterThan(0);
        // Valid ODCS is never rejected as invalid: only refused, with the reason, at a field.
        expect(errors.filter((e) => !e.message.startsWith('cannot build: ')).map(formatContractError)).toEqual([]);
      }
      const expected = EXPECTED_EXAMPLES[example];
      if (expected === 'built') expect(reasons).toEqual([]);
      else if (expected) expect(reasons.join('\n')).toMatch(expected);
    });

    it('builds the partitioned example with its partition keys in position order', () => {
      const { value } = loadProductFile(path.join(ODCS_DIR, 'examples/schema/table-columns-with-partition.odcs.yaml'));
      expect(value!.partitionKeys.map((c) => `${c.name}:${c.glueType}`)).toEqual(['rcvr_cntry_code:varchar(2)', 'year:int']);
    });
  });

  describe('ODCS conformance: every official negative test is rejected at the field its name points to', () => {
    it.each(yamlFiles(path.join(ODCS_DIR, 'negative')))('%s', (negative) => {
      const file = path.join(ODCS_DIR, 'negative', negative);
      expect(officialErrors(fs.readFileSync(file, 'utf8')).length).toBeGreaterThan(0);
      const { value, errors } = loadProductFile(file);
      expect(value).toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.line > 0 && e.column > 0 && e.hint.length > 0)).toBe(true);
      const expected = EXPECTED_NEGATIVES[negative];
      if (expected) {
        expect(errors).toContainEqual(expect.objectContaining({ path: expected.path, message: expect.stringMatching(expected.message) }));
      } else {
        // A negative test added upstream: its name still says which field is wrong.
        const words = negative.replace('.odcs.yaml', '').split('-').filter((w) => w.length > 2);
        expect(errors.some((e) => words.some((w) => `${e.path} ${e.message}`.toLowerCase().includes(w.toLowerCase())))).toBe(true);
      }
    });
  });

  describe('ODCS conformance: every export validates against the official schema', () => {
    const mesh = loadMesh(REFERENCE_CONTRACTS).value!;
    const complete = loadProductFile(path.join(ODCS_FIXTURES, 'complete.odcs.yaml')).value!;

    it.each(mesh.products.map((p) => [p.id, p] as const))('the reference contract %s', (_id, spec) => {
      const account = mesh.domains.find((d) => d.name === spec.domain)!.account;
      expect(officialErrors(exportOdcs(spec))).toEqual([]);
      expect(officialErrors(exportOdcs(spec, { account, location: `s3://acme-prod-${spec.domain}-${spec.name}/data/`, environment: 'prod' }))).toEqual([]);
    });

    it('the complete ODCS fixture, written back', () => {
      expect(officialErrors(exportOdcs(complete))).toEqual([]);
    });

    it('reads back every export of the reference mesh without errors', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-conformance-'));
      for (const spec of mesh.products) {
        fs.mkdirSync(path.join(dir, spec.domain), { recursive: true });
        const file = path.join(dir, spec.domain, `${spec.name}.odcs.yaml`);
        fs.writeFileSync(file, exportOdcs(spec));
        expect(loadProductFile(file).errors.map(formatContractError)).toEqual([]);
      }
    });
  });
}

import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { formatContractError } from '../../src/contract/errors';
import { loadMesh, loadProductFile } from '../../src/contract/mesh';
import { exportOdcs, ODCS_EXPORT_VERSIONS, type OdcsExportVersion } from '../../src/contract/odcs';
import { REFERENCE_CONTRACTS } from '../helpers/fixtures';
import { ODCS_FIXTURES } from '../helpers/odcs';

/**
 * Conformance with the Bitol project's ODCS data: the official schemas of v3.0.2, v3.1.0 and
 * v3.2.0, their examples and negative tests, read where they are (the `shared` folder beside the
 * checkout) and never copied into the project. Each folder is run against its own version. Without
 * the data these tests are skipped, loudly; the unit tests in test/contract/odcs-* still cover ODCS
 * support with the project's own fixtures.
 */
const ODCS_DIR = path.join(__dirname, '../../../shared/odcs');

type Outcome = 'built' | RegExp;

/** Each folder of ../shared/odcs, with the version it is tested against. */
interface Folder {
  readonly version: OdcsExportVersion;
  readonly examples: string;
  readonly negatives?: string;
  /** What each example becomes: built, or refused for the reason. */
  readonly expected: Record<string, Outcome>;
  /** The counts the closing note of issue #13 reports; a change to them is a deliberate one. */
  readonly counts: { built: number; refused: number; rejected: number };
}

// The same example in several folders becomes the same thing.
const COMMON: Record<string, Outcome> = {
  'all/full-example.odcs.yaml': /server "my-postgres" is of type postgres/,
  'all/postgresql-adventureworks-contract.odcs.yaml': /object without properties/,
  'data-types/all-data-types.odcs.yaml': /array without `items`/,
  'fundamentals/table-column-description.odcs.yaml': 'built',
  'quality/column-accuracy.odcs.yaml': 'built',
  'quality/column-completeness.odcs.yaml': 'built',
  'quality/column-custom.odcs.yaml': 'built',
  'quality/column-validity.odcs.yaml': 'built',
  'roles/service-and-operational-roles.odcs.yaml': /describes no table/,
  // Its table's physicalName (tbl_1) is not the product name the platform gives the Glue table.
  'schema/all-schema-types.odcs.yaml': /physicalName is "tbl_1"/,
  'schema/kafka-schema.odcs.yaml': /is of type kafka/,
  'schema/kafka-schemaregistry.odcs.yaml': /is of type kafka/,
  'schema/table-column.odcs.yaml': 'built',
  'schema/table-columns-with-partition.odcs.yaml': 'built',
  'server/azure-server.odcs.yaml': /is of type azure/,
  'server/kafka-server.odcs.yaml': /is of type kafka/,
  'sla/database-table-sla.odcs.yaml': /describes no table/,
  'stakeholders/basic-four-dpo.odcs.yaml': /describes no table/,
};

const FOLDERS: readonly Folder[] = [
  { version: 'v3.0.2', examples: 'v3.0.2/examples', expected: COMMON, counts: { built: 7, refused: 9, rejected: 0 } },
  { version: 'v3.1.0', examples: 'examples', negatives: 'negative', expected: COMMON, counts: { built: 7, refused: 11, rejected: 14 } },
  {
    version: 'v3.2.0',
    examples: 'v3.2.0/examples',
    negatives: 'v3.2.0/negative',
    expected: {
      ...COMMON,
      'authoritative-definitions/authoritative-definitions.odcs.yaml': 'built',
      'custom-other-properties/custom-properties.odcs.yaml': 'built',
      'pricing/basic-pricing.odcs.yaml': 'built',
      'references/relationships.odcs.yaml': 'built',
      'schema/enum.odcs.yaml': 'built',
      'schema/map.odcs.yaml': 'built',
      'schema/measures-and-dimensions.odcs.yaml': /physicalName is "metrics_turnover"/,
      'support/support-channels.odcs.yaml': /describes no table/,
      'tags/tags.odcs.yaml': 'built',
      'team/team.odcs.yaml': 'built',
    },
    counts: { built: 15, refused: 13, rejected: 20 },
  },
];

/** The field each official negative test is about, as our validator names it (both versions' folders). */
const EXPECTED_NEGATIVES: Record<string, { path: string; message: RegExp }> = {
  'additional-unknown-property.odcs.yaml': { path: 'unknownRootField', message: /unknown key "unknownRootField"/ },
  'enum-empty.odcs.yaml': { path: 'schema[0].properties[0].enum', message: /unknown key "enum"|must NOT have fewer than 1 items/ },
  'enum-missing-value.odcs.yaml': { path: 'schema[0].properties[0].enum[0]', message: /missing required key "value"/ },
  'invalid-kind.odcs.yaml': { path: 'kind', message: /"DataModel" is not allowed; expected DataContract/ },
  'invalid-quality-dimension.odcs.yaml': { path: 'schema[0].properties[0].quality[0].dimension', message: /"validity" is not allowed/ },
  'invalid-quality-metric.odcs.yaml': { path: 'schema[0].properties[0].quality[0].metric', message: /"invalidMetric" is not allowed/ },
  'invalid-quality-type.odcs.yaml': { path: 'schema[0].properties[0].quality[0].type', message: /"unknown" is not allowed/ },
  'map-missing-block.odcs.yaml': { path: 'schema[0].properties[0]', message: /missing required key "map"/ },
  'map-missing-value.odcs.yaml': { path: 'schema[0].properties[0].map', message: /missing required key "value"/ },
  'missing-required-fields.odcs.yaml': { path: '', message: /missing required key "id"/ },
  'quality-custom-missing-implementation.odcs.yaml': { path: 'schema[0].properties[0].quality[0]', message: /missing required key "implementation"/ },
  'quality-element-field.odcs.yaml': { path: 'schema[0].properties[0].quality[0].element', message: /unknown key "element"/ },
  'quality-multiple-operators.odcs.yaml': { path: 'schema[0].properties[0].quality[0]', message: /needs exactly one of: mustBe, mustNotBe/ },
  'quality-sql-missing-query.odcs.yaml': { path: 'schema[0].properties[0].quality[0]', message: /missing required key "query"/ },
  'relationship-schema-level-missing-from-to.odcs.yaml': { path: 'schema[0].relationships[0]', message: /missing required key "from"/ },
  'schema-property-missing-name.odcs.yaml': { path: 'schema[0].properties[0]', message: /missing required key "name"/ },
  'server-invalid-type.odcs.yaml': { path: 'servers[0].type', message: /"mongodb" is not allowed/ },
  'server-missing-required-fields.odcs.yaml': { path: 'servers[0]', message: /missing required key "(server|type)"/ },
  'sla-missing-required-value.odcs.yaml': { path: 'slaProperties[0]', message: /missing required key "value"/ },
  'synonym-missing-term.odcs.yaml': { path: 'schema[0].properties[0].synonyms[0]', message: /missing required key "synonym"/ },
};

function yamlFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

if (!fs.existsSync(ODCS_DIR)) {
  // Straight to stderr: jest drops console output of a file whose tests are all skipped.
  process.stderr.write(`ODCS conformance data not found at ${ODCS_DIR}: the ODCS conformance tests are skipped.\n`);
  describe.skip(`ODCS conformance (no data at ${ODCS_DIR})`, () => {
    it('needs the official ODCS schemas, examples and negative tests', () => undefined);
  });
} else {
  // The official schemas are draft 2019-09; they are loaded here, at test time, and nowhere else.
  const officialErrors = new Map(
    ODCS_EXPORT_VERSIONS.map((version) => {
      const ajv = new Ajv2019({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ODCS_DIR, `schema/odcs-json-schema-${version}.json`), 'utf8')));
      return [version, (text: string) => (validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))] as const;
    }),
  );
  const official = (version: OdcsExportVersion) => officialErrors.get(version)!;

  it('knows every folder of the conformance data, so that a new one is not skipped unnoticed', () => {
    const folders = fs
      .readdirSync(ODCS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const tested = new Set(['schema', ...FOLDERS.flatMap((f) => [f.examples, f.negatives ?? f.examples].map((p) => p.split('/')[0]))]);
    expect(folders.filter((f) => !tested.has(f))).toEqual([]);
    for (const folder of FOLDERS) {
      const sub = folder.examples.includes('/') ? fs.readdirSync(path.join(ODCS_DIR, folder.version)).sort() : [];
      expect(sub.filter((s) => ![folder.examples, folder.negatives].some((p) => p === `${folder.version}/${s}`))).toEqual([]);
    }
  });

  describe.each(FOLDERS.map((f) => [f.version, f] as const))('ODCS %s', (version, folder) => {
    const outcomes: Record<string, 'built' | 'refused' | 'rejected'> = {};

    afterAll(() => {
      const count = (o: string) => Object.values(outcomes).filter((v) => v === o).length;
      process.stderr.write(`ODCS ${version} conformance: ${count('built')} built, ${count('refused')} refused with a reason, ${count('rejected')} negatives rejected\n`);
    });

    describe(`every example of ${folder.examples} is built or refused with "cannot build"`, () => {
      it.each(yamlFiles(path.join(ODCS_DIR, folder.examples)))('%s', (example) => {
        const file = path.join(ODCS_DIR, folder.examples, example);
        expect(official(version)(fs.readFileSync(file, 'utf8'))).toEqual([]);
        const { value, errors } = loadProductFile(file);
        const reasons = errors.map(formatContractError);
        // Valid ODCS is never rejected as invalid: only refused, with the reason, at a field.
        expect(errors.filter((e) => !e.message.startsWith('cannot build: ')).map(formatContractError)).toEqual([]);
        expect(errors.every((e) => e.line > 0 && e.column > 0 && e.hint.length > 0)).toBe(true);
        outcomes[example] = value ? 'built' : 'refused';
        const expected = folder.expected[example];
        expect(expected).toBeDefined();
        if (expected === 'built') expect(reasons).toEqual([]);
        else expect(reasons.join('\n')).toMatch(expected);
      });
    });

    if (folder.negatives) {
      describe(`every negative test of ${folder.negatives} is rejected at the field its name points to`, () => {
        it.each(yamlFiles(path.join(ODCS_DIR, folder.negatives!)))('%s', (negative) => {
          const file = path.join(ODCS_DIR, folder.negatives!, negative);
          expect(official(version)(fs.readFileSync(file, 'utf8')).length).toBeGreaterThan(0);
          const { value, errors } = loadProductFile(file);
          expect(value).toBeUndefined();
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.every((e) => e.line > 0 && e.column > 0 && e.hint.length > 0)).toBe(true);
          expect(errors.some((e) => e.message.startsWith('cannot build: '))).toBe(false);
          outcomes[negative] = 'rejected';
          const expected = EXPECTED_NEGATIVES[negative];
          if (expected) {
            expect(errors).toContainEqual(expect.objectContaining({ path: expected.path, message: expect.stringMatching(expected.message) }));
          } else {
            // A negative test added upstream: its name still says which field is wrong.
            const words = negative
              .replace('.odcs.yaml', '')
              .split('-')
              .filter((w) => w.length > 2);
            expect(errors.some((e) => words.some((w) => `${e.path} ${e.message}`.toLowerCase().includes(w.toLowerCase())))).toBe(true);
          }
        });
      });
    }

    it('counts what it built, refused and rejected', () => {
      const count = (o: string) => Object.values(outcomes).filter((v) => v === o).length;
      expect({ built: count('built'), refused: count('refused'), rejected: count('rejected') }).toEqual(folder.counts);
    });
  });

  describe('ODCS conformance: the partitioned example of every version keeps its partition keys in position order', () => {
    it.each(FOLDERS.map((f) => f.examples))('%s', (examples) => {
      const { value } = loadProductFile(path.join(ODCS_DIR, examples, 'schema/table-columns-with-partition.odcs.yaml'));
      expect(value!.partitionKeys.map((c) => `${c.name}:${c.glueType}`)).toEqual(['rcvr_cntry_code:varchar(2)', 'year:int']);
    });
  });

  describe('ODCS conformance: every export validates against the official schema of its version', () => {
    const mesh = loadMesh(REFERENCE_CONTRACTS).value!;
    const complete = loadProductFile(path.join(ODCS_FIXTURES, 'complete.odcs.yaml')).value!;
    const cases = mesh.products.flatMap((spec) => ODCS_EXPORT_VERSIONS.map((version) => [spec.id, version, spec] as const));

    it.each(cases)('the reference contract %s as %s', (_id, version, spec) => {
      const account = mesh.domains.find((d) => d.name === spec.domain)!.account;
      expect(official(version)(exportOdcs(spec, { odcsVersion: version }))).toEqual([]);
      expect(official(version)(exportOdcs(spec, { odcsVersion: version, account, location: `s3://acme-prod-${spec.domain}-${spec.name}/data/`, environment: 'prod' }))).toEqual([]);
    });

    it.each(ODCS_EXPORT_VERSIONS)('the complete ODCS fixture, written back as %s', (version) => {
      expect(official(version)(exportOdcs(complete, { odcsVersion: version }))).toEqual([]);
    });

    it('writes v3.2.0 by default, which the official v3.2.0 schema accepts', () => {
      const text = exportOdcs(complete);
      expect(parse(text).apiVersion).toBe('v3.2.0');
      expect(official('v3.2.0')(text)).toEqual([]);
    });

    it.each(ODCS_EXPORT_VERSIONS)('reads back every %s export of the reference mesh without errors', (version) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-conformance-'));
      for (const spec of mesh.products) {
        fs.mkdirSync(path.join(dir, spec.domain), { recursive: true });
        const file = path.join(dir, spec.domain, `${spec.name}.odcs.yaml`);
        fs.writeFileSync(file, exportOdcs(spec, { odcsVersion: version }));
        expect(loadProductFile(file).errors.map(formatContractError)).toEqual([]);
      }
    });
  });
}

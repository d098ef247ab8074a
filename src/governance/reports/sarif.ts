/**
 * SARIF 2.1.0, so CI code scanning shows findings on the contract lines that cause them.
 * Waived findings are results with an in-source suppression carrying the exception's reason.
 */
import type { Finding } from '../finding';
import type { RuleMetadata } from '../rule';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifReport(findings: readonly Finding[], rules: readonly RuleMetadata[], toolVersion: string): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'datamesh-governance',
            version: toolVersion,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              help: { text: `${r.fix}${r.waivable ? '' : ' (not waivable)'}` },
              defaultConfiguration: { level: r.defaultSeverity },
              properties: { waivable: r.waivable, source: r.source ?? 'built-in', ...(r.domain ? { domain: r.domain } : {}) },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: f.severity,
          message: { text: `${f.message}. Fix: ${f.fix}` },
          ...(f.location
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: f.location.file.split('\\').join('/') },
                      ...(f.location.line > 0 ? { region: { startLine: f.location.line, startColumn: f.location.column } } : {}),
                    },
                    ...logical(f),
                  },
                ],
              }
            : f.constructPath
              ? { locations: [{ ...logical(f) }] }
              : {}),
          ...(f.waiver ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: `${f.waiver.reason} (until ${f.waiver.expires})` }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function logical(finding: Finding): object {
  return finding.constructPath ? { logicalLocations: [{ fullyQualifiedName: finding.constructPath, kind: 'resource' }] } : {};
}

/**
 * A `governance.customRules` entry as a contract rule: the same interface as the built-in rules,
 * so findings, severities, exceptions and reports treat it exactly like one.
 */
import type { ContractError } from '../../contract/errors';
import type { CustomRuleSpec, DataProductSpec, DomainSpec, PlatformSpec, SourceLocation } from '../../contract/model';
import type { ContractRule, RuleSource, Violation } from '../rule';
import { celValue, compileCondition, type CompiledCondition } from './condition';
import { columnValue, consumerValue, domainValue, platformValue, productValue, qualityValue, variablesFor } from './variables';

/** Compiles a rule's condition; the errors point at the condition in platform.yaml or domain.yaml. */
export function declarativeRule(
  spec: CustomRuleSpec,
  source: Extract<RuleSource, 'platform' | 'domain'>,
  mesh: { platform: PlatformSpec; domains: readonly DomainSpec[] },
  domain?: string,
): { rule?: ContractRule; errors: ContractError[] } {
  const compiled = compileCondition(spec.condition, variablesFor(spec.applies));
  if (!compiled.condition) {
    const errors = compiled.problems.map((problem) => ({
      ...spec.conditionLocation,
      path: `governance.customRules.${spec.id}.condition`,
      message: `${spec.id}: ${problem.message} (line ${problem.line}, column ${problem.column} of the condition)`,
      hint: problem.hint,
    }));
    return { errors };
  }
  const condition = compiled.condition;
  const platform = converted(mesh.platform, platformValue);
  const domains = new Map(mesh.domains.map((d) => [d.name, converted(d, domainValue)]));
  const rule: ContractRule = {
    id: spec.id,
    scope: 'contract',
    title: spec.description,
    rationale: spec.rationale ?? spec.description,
    defaultSeverity: spec.severity,
    waivable: spec.waivable,
    fix: spec.fix,
    source,
    domain,
    check(product) {
      const base = { product: converted(product, productValue), domain: domains.get(product.domain) ?? celValue({}), platform };
      const violations = targets(spec, product).flatMap(({ label, location, bindings }) => judge(spec, condition, { ...base, ...bindings }, label, location));
      return violations.length > 0 ? violations : 'compliant';
    },
  };
  return { rule, errors: [] };
}

interface Target {
  /** Named only when there is something to report: most targets comply. */
  readonly label: () => string;
  readonly location: SourceLocation;
  readonly bindings: Record<string, unknown>;
}

function targets(spec: CustomRuleSpec, product: DataProductSpec): Target[] {
  switch (spec.applies) {
    case 'product':
      return [{ label: () => product.id, location: product.location, bindings: {} }];
    case 'column':
      return [...product.columns.map((c) => [c, false] as const), ...product.partitionKeys.map((c) => [c, true] as const)].map(([column, partitionKey]) => ({
        label: () => `column ${column.name} of ${product.id}`,
        location: column.location,
        bindings: { column: converted(column, (c) => columnValue(c, partitionKey)) },
      }));
    case 'consumer':
      return product.consumers.map((consumer) => ({
        label: () => `consumer ${consumer.kind === 'domain' ? consumer.domain : consumer.principal} of ${product.id}`,
        location: consumer.location,
        bindings: { consumer: converted(consumer, consumerValue) },
      }));
    case 'quality':
      return product.quality.map((quality) => ({
        label: () => {
          const columns = (qualityValue(quality).columns as string[]).join(', ');
          return `quality rule ${quality.kind}${columns ? `(${columns})` : ''} of ${product.id}`;
        },
        location: quality.location,
        bindings: { quality: converted(quality, qualityValue) },
      }));
  }
}

function judge(spec: CustomRuleSpec, condition: CompiledCondition, bindings: Record<string, unknown>, label: () => string, location: SourceLocation): Violation[] {
  const result = condition.evaluate(bindings);
  if (result === true) return [];
  if (result === false) return [{ message: `${label()} does not satisfy ${spec.id}: ${spec.description}`, location }];
  return [{ message: `${label()}: ${spec.id} ${result}`, location, fix: `make the condition of ${spec.id} handle this case (e.g. with has() or \`in\`), or ${spec.fix}` }];
}

/** A variable is the same for every rule: built and converted once per model object. */
const cache = new WeakMap<object, unknown>();
function converted<T extends object>(spec: T, build: (spec: T) => Record<string, unknown>): unknown {
  if (!cache.has(spec)) cache.set(spec, celValue(build(spec)));
  return cache.get(spec);
}

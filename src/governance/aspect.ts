/**
 * The bridge from cdktf to the resource rules: an Aspect that, once every other aspect has run on
 * a stack, reads the stack's resolved Terraform JSON (hand-added resources included) and records
 * what the resource rules find. The rules themselves never see cdktf.
 */
import { TerraformResource, TerraformStack, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { DataProductSpec, DomainSpec } from '../contract/model';
import { evaluateResources, type GovernanceOptions } from './evaluate';
import type { GovernanceLedger } from './ledger';
import type { EffectivePolicy } from './policy';
import { stackResources, type TerraformJsonStack } from './stack-resources';
import { reusesResolution } from './resolution';
import { traceGovernance } from './trace';

export interface GovernanceAspectProps {
  /** Collects the findings; read it after `app.synth()`. */
  readonly ledger: GovernanceLedger;
  /** The merged global and domain policy (see `mergePolicy`). */
  readonly policy: EffectivePolicy;
  /**
   * The domain the stack deploys; findings name it.
   * @default none: domain-level rules that need it do not apply
   */
  readonly domain?: DomainSpec;
  /**
   * The contracts of the stack's products, by product name. A resource belongs to the product
   * whose construct (a DataProduct, at any depth) holds it; these specs supply its exceptions.
   * @default the spec each DataProduct construct in the stack carries
   */
  readonly products?: ReadonlyMap<string, DataProductSpec>;
  /**
   * Evaluation options (the date exceptions expire against, custom rules).
   * @default today's date, the built-in rules
   */
  readonly options?: GovernanceOptions;
}

/**
 * Add it to any TerraformStack (`Aspects.of(stack).add(new GovernanceAspect(...))`); buildMesh
 * adds it to every DomainStack. Findings land in the ledger once `app.synth()` has run.
 *
 * @example
 * const ledger = new GovernanceLedger();
 * const policy = mergePolicy(mesh.platform, domain, ALL_RULES).policy;
 * Aspects.of(stack).add(new GovernanceAspect({ ledger, policy, domain }));
 * app.synth();
 * const blocking = ledger.blocking();
 */
export class GovernanceAspect implements IAspect {
  private readonly checked = new WeakSet<TerraformStack>();

  constructor(private readonly props: GovernanceAspectProps) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformStack) || this.checked.has(node)) return;
    this.checked.add(node);
    // Validations run after all aspects of the stack: by then the resources are final.
    node.node.addValidation({ validate: () => (this.check(node), []) });
  }

  private check(stack: TerraformStack): void {
    // cdktf writes the stack right after its validations; a DomainStack then writes this very
    // JSON, so resolving it is synthesis work, not governance work.
    const json = stack.toTerraform() as TerraformJsonStack;
    if (reusesResolution(stack)) stack.reuseResolution(json);
    traceGovernance({ phase: 'resources', stack: stack.node.id }, () => this.evaluate(stack, json));
  }

  private evaluate(stack: TerraformStack, json: TerraformJsonStack): void {
    const byLogicalId = new Map<string, TerraformResource>();
    for (const construct of stack.node.findAll()) {
      if (construct instanceof TerraformResource) byLogicalId.set(`${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
    }
    const given = new Map([...(this.props.products?.values() ?? [])].map((p) => [p.id, p]));
    const productsById = new Map(given);
    const ownerOf = (resource: IConstruct | undefined): DataProductSpec | undefined => {
      // Nearest first: the product construct that holds the resource, however deep it sits.
      for (const scope of [...(resource?.node.scopes ?? [])].reverse()) {
        const carried = productCarriedBy(scope);
        if (!carried) continue;
        const spec = given.get(carried.id) ?? carried;
        productsById.set(spec.id, spec);
        return spec;
      }
      return undefined;
    };
    const view = stackResources(stack.node.id, json, {
      // Generated provider classes expose `tagsInput` exactly when the resource type takes tags.
      isTaggable: (type, name) => {
        const resource = byLogicalId.get(`${type}.${name}`);
        return resource ? 'tagsInput' in resource : false;
      },
      productOfResource: (type, name) => ownerOf(byLogicalId.get(`${type}.${name}`))?.id,
    });
    this.props.ledger.add(evaluateResources(view, this.props.domain, this.props.policy, productsById, this.props.options));
  }
}

/**
 * The contract a construct builds, when it is a data product: a DataProduct exposes its spec as
 * `product`. Read by shape so that governance never imports the construct classes.
 */
function productCarriedBy(scope: IConstruct): DataProductSpec | undefined {
  const product = (scope as { readonly product?: unknown }).product;
  if (typeof product !== 'object' || product === null) return undefined;
  const { id, domain, name } = product as Partial<Record<'id' | 'domain' | 'name', unknown>>;
  return typeof id === 'string' && typeof domain === 'string' && typeof name === 'string' ? (product as DataProductSpec) : undefined;
}

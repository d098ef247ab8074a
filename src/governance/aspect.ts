/**
 * The bridge from cdktf to the resource rules: an Aspect that, once every other aspect has run on
 * a stack, reads the stack's resolved Terraform JSON (hand-added resources included) and records
 * what the resource rules find. The rules themselves never see cdktf.
 */
import { TerraformResource, TerraformStack, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { DataProductSpec, DomainSpec } from '../contract/model';
import { handOffResolution } from '../constructs/stack-resolution';
import { withoutTokenStackTraces } from '../constructs/token-stack-traces';
import { evaluateResources, type GovernanceOptions } from './evaluate';
import type { GovernanceLedger } from './ledger';
import type { EffectivePolicy } from './policy';
import { stackResources, type TerraformJsonStack } from './stack-resources';
import { traceGovernance } from './trace';

export interface GovernanceAspectProps {
  readonly ledger: GovernanceLedger;
  readonly policy: EffectivePolicy;
  /** The domain the stack deploys; findings name it. @default none */
  readonly domain?: DomainSpec;
  /** The stack's products by construct id (the product name), to trace resources to contracts. @default none */
  readonly products?: ReadonlyMap<string, DataProductSpec>;
  /** @default today's date for exception expiry */
  readonly options?: GovernanceOptions;
}

/**
 * Add it to any TerraformStack (`Aspects.of(stack).add(new GovernanceAspect(...))`); buildMesh
 * adds it to every DomainStack. Findings land in the ledger once `app.synth()` has run.
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
    const json = withoutTokenStackTraces(() => stack.toTerraform());
    handOffResolution(stack, json);
    traceGovernance({ phase: 'resources', stack: stack.node.id }, () => this.evaluate(stack, json));
  }

  private evaluate(stack: TerraformStack, json: TerraformJsonStack): void {
    const byLogicalId = new Map<string, TerraformResource>();
    for (const construct of stack.node.findAll()) {
      if (construct instanceof TerraformResource) byLogicalId.set(`${construct.terraformResourceType}.${construct.friendlyUniqueId}`, construct);
    }
    const products = this.props.products ?? new Map();
    const productsById = new Map([...products.values()].map((p) => [p.id, p]));
    const view = stackResources(stack.node.id, json, {
      // Generated provider classes expose `tagsInput` exactly when the resource type takes tags.
      isTaggable: (type, name) => {
        const resource = byLogicalId.get(`${type}.${name}`);
        return resource ? 'tagsInput' in resource : false;
      },
      productOf: (path) => products.get(path.split('/')[1])?.id,
    });
    this.props.ledger.add(evaluateResources(view, this.props.domain, this.props.policy, productsById, this.props.options));
  }
}

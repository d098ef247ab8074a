/**
 * The GitHub Actions workflow `datamesh ci github` writes: on a pull request, validate, annotate
 * contract changes and plan only the affected stacks; on the default branch, apply them, each job
 * in its domain's account through OIDC. Built as a value and printed by the `yaml` library, never
 * by string templates, and no value read from domain or platform files may carry a GitHub
 * expression (`${{`): Actions evaluates those anywhere in a workflow, env values included.
 */
import { stringify } from 'yaml';
import type { DomainSpec, PlatformSpec } from '../contract/model';

export interface WorkflowOptions {
  /** Environment whose stacks CI plans and applies. */
  readonly environment: string;
  /** Branch whose pushes apply. @default main */
  readonly defaultBranch?: string;
  /** Contracts folder relative to the repository root, as jobs see it. @default contracts */
  readonly contractsPath?: string;
  /** Node.js major version of the jobs. @default 20 */
  readonly nodeVersion?: string;
}

export interface WorkflowMesh {
  readonly platform: PlatformSpec;
  readonly domains: readonly DomainSpec[];
}

/** A workflow that cannot be written safely from this mesh; `hint` says what to change. */
export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

/**
 * Actions pinned by major version tag: a major receives fixes, never breaking changes. Pin by
 * commit SHA instead where policy asks for it (Dependabot keeps either up to date).
 */
export const ACTIONS = {
  checkout: 'actions/checkout@v4',
  setupNode: 'actions/setup-node@v4',
  setupTerraform: 'hashicorp/setup-terraform@v3',
  awsCredentials: 'aws-actions/configure-aws-credentials@v4',
} as const;

const TERRAFORM_VERSION = '1.11.x';

export function githubWorkflow(mesh: WorkflowMesh, options: WorkflowOptions): string {
  const { platform } = mesh;
  if (!platform.deployRoleName)
    throw new WorkflowError(
      'platform.yaml sets no deployRoleName: CI jobs would have no role to assume in the domain accounts',
      'set deployRoleName in platform.yaml to the role each domain account trusts GitHub OIDC with',
    );
  if (platform.backend.type !== 's3')
    throw new WorkflowError('platform.yaml keeps Terraform state locally: every CI job would start from empty state', 'set backend: {type: s3, bucket: ..., useLockfile: true} in platform.yaml');
  if (!platform.backend.useLockfile) throw new WorkflowError('the S3 backend has no lock file: two jobs could write one state at once', 'set backend.useLockfile: true in platform.yaml');
  const environment = literal(options.environment, 'the environment');
  const branch = literal(options.defaultBranch ?? 'main', 'the default branch');
  const contractsPath = literal(options.contractsPath ?? 'contracts', 'the contracts path');
  const roles: Record<string, string> = {};
  const regions: Record<string, string> = {};
  for (const domain of mesh.domains) {
    const name = literal(domain.name, 'a domain name');
    roles[name] = literal(`arn:aws:iam::${domain.account}:role/${platform.deployRoleName}`, `the deploy role of domain ${name}`);
    regions[name] = literal(domain.region ?? platform.region, `the region of domain ${name}`);
  }
  const workflow = {
    name: 'datamesh',
    on: { pull_request: { branches: [branch] }, push: { branches: [branch] } },
    permissions: { contents: 'read' },
    env: {
      DATAMESH_ENV: environment,
      DATAMESH_CONTRACTS: contractsPath,
      // Looked up per matrix job with fromJSON: data, never expression text.
      DATAMESH_DEPLOY_ROLES: JSON.stringify(roles),
      DATAMESH_REGIONS: JSON.stringify(regions),
      CHECKPOINT_DISABLE: '1',
    },
    jobs: {
      affected: affectedJob(options.nodeVersion ?? '20'),
      plan: stackJob('plan', options.nodeVersion ?? '20', environment),
      apply: stackJob('apply', options.nodeVersion ?? '20', environment),
    },
  };
  return `# Written by \`datamesh ci github\`; regenerate it (--force) when a domain, account or region changes.\n${stringify(workflow, { lineWidth: 0 })}`;
}

/** A value from a domain or platform file, refused if GitHub would read an expression in it. */
function literal(value: string, what: string): string {
  if (value.includes('${{'))
    throw new WorkflowError(`${what} contains "\${{", which GitHub Actions would evaluate as an expression: ${JSON.stringify(value.slice(0, 80))}`, 'remove "${{" from the value');
  return value;
}

const nodeSteps = (nodeVersion: string) => [
  { uses: ACTIONS.checkout, with: { 'fetch-depth': 0 } },
  { uses: ACTIONS.setupNode, with: { 'node-version': nodeVersion, cache: 'npm' } },
  { run: 'npm ci' },
];

function affectedJob(nodeVersion: string): object {
  return {
    name: 'Validate contracts and find the affected stacks',
    'runs-on': 'ubuntu-latest',
    outputs: { stacks: '${{ steps.affected.outputs.stacks }}' },
    steps: [
      ...nodeSteps(nodeVersion),
      { name: 'Validate contracts', run: 'npx datamesh validate' },
      {
        name: 'Contract changes (annotated on the contract lines)',
        if: "github.event_name == 'pull_request'",
        env: { BASE: '${{ github.event.pull_request.base.sha }}' },
        run: 'npx datamesh diff --base "$BASE" --format github',
      },
      {
        name: 'Affected stacks',
        id: 'affected',
        // Named explicitly, bash runs with pipefail: a failing `affected` fails the step, not jq.
        shell: 'bash',
        env: { BASE: "${{ github.event_name == 'pull_request' && github.event.pull_request.base.sha || github.event.before }}" },
        // Every stack counts when there is no base to compare with (a first push: "before" is all
        // zeros) or when code changed: the library, the app or a team's own resources are not in
        // the contracts `affected` compares.
        run: [
          'if git cat-file -e "$BASE^{commit}" 2>/dev/null && git diff --quiet "$BASE" HEAD -- package.json package-lock.json cdktf.json stacks src; then',
          '  stacks=$(npx datamesh affected --base "$BASE" --format json | jq -c .stacks)',
          'else',
          '  stacks=$(jq -c "keys" <<<"$DATAMESH_DEPLOY_ROLES")',
          'fi',
          'echo "stacks=$stacks" >> "$GITHUB_OUTPUT"',
          'echo "affected stacks: $stacks"',
        ].join('\n'),
      },
    ],
  };
}

function stackJob(kind: 'plan' | 'apply', nodeVersion: string, environment: string): object {
  const event = kind === 'plan' ? 'pull_request' : 'push';
  const terraform = kind === 'plan' ? 'plan -input=false -lock-timeout=10m' : 'apply -input=false -auto-approve -lock-timeout=10m';
  return {
    name: `${kind === 'plan' ? 'Plan' : 'Apply'} \${{ matrix.stack }}`,
    needs: 'affected',
    if: `github.event_name == '${event}' && needs.affected.outputs.stacks != '[]'`,
    'runs-on': 'ubuntu-latest',
    // A deploy approval per domain: configure reviewers on the GitHub environment of that name.
    ...(kind === 'apply' ? { environment: '${{ matrix.stack }}' } : {}),
    permissions: { 'id-token': 'write', contents: 'read' },
    strategy: { 'fail-fast': false, matrix: { stack: '${{ fromJSON(needs.affected.outputs.stacks) }}' } },
    // One run per stack at a time; an apply is never cancelled halfway, a superseded plan may be.
    concurrency:
      kind === 'apply'
        ? { group: `datamesh-apply-${environment}-\${{ matrix.stack }}`, 'cancel-in-progress': false }
        : { group: `datamesh-plan-${environment}-\${{ matrix.stack }}-\${{ github.ref }}`, 'cancel-in-progress': true },
    steps: [
      ...nodeSteps(nodeVersion),
      { uses: ACTIONS.setupTerraform, with: { terraform_version: TERRAFORM_VERSION, terraform_wrapper: false } },
      {
        name: 'Assume the deploy role of the domain account',
        uses: ACTIONS.awsCredentials,
        with: { 'role-to-assume': '${{ fromJSON(env.DATAMESH_DEPLOY_ROLES)[matrix.stack] }}', 'aws-region': '${{ fromJSON(env.DATAMESH_REGIONS)[matrix.stack] }}' },
      },
      { name: 'Synthesize this stack only', env: { DATAMESH_DOMAINS: '${{ matrix.stack }}' }, run: 'npx cdktf synth' },
      {
        name: kind === 'plan' ? 'Terraform plan' : 'Terraform apply',
        env: { STACK: '${{ matrix.stack }}' },
        run: ['terraform -chdir="cdktf.out/stacks/$STACK" init -input=false', `terraform -chdir="cdktf.out/stacks/$STACK" ${terraform}`].join('\n'),
      },
    ],
  };
}

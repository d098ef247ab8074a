import Ajv from 'ajv';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { ACTIONS, githubWorkflow, WorkflowError } from '../../src/ci/github-workflow';
import { loadMesh } from '../../src/contract/mesh';
import type { MeshSpec } from '../../src/contract/model';
import { datamesh } from '../cli/run-cli';
import { copyMesh, editFile, REFERENCE_CONTRACTS } from '../helpers/fixtures';

const SCHEMA = path.join(__dirname, '..', '..', '..', 'shared', 'schemas', 'github-workflow.json');

/** The reference mesh as CI deploys it: S3 state with a lock file, a deploy role in every account. */
function ciMesh(): string {
  const dir = copyMesh(REFERENCE_CONTRACTS);
  editFile(dir, 'platform.yaml', (t) =>
    t.replace('  type: local', '  type: s3\n  bucket: acme-terraform-state').replace('region: eu-west-1\n', 'region: eu-west-1\ndeployRoleName: datamesh-deploy\n'),
  );
  return dir;
}

const meshOf = (dir: string): MeshSpec => {
  const loaded = loadMesh(dir);
  if (!loaded.value) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
};

const workflowOf = (mesh: MeshSpec, environment = 'dev') => parse(githubWorkflow(mesh, { environment }));

describe('datamesh ci github: the workflow', () => {
  const mesh = meshOf(ciMesh());
  const workflow = workflowOf(mesh);

  it('validates against the GitHub workflow JSON Schema', () => {
    if (!fs.existsSync(SCHEMA)) {
      console.warn(`SKIPPED: ${SCHEMA} is absent (../shared); the workflow was not checked against GitHub's schema`);
      return;
    }
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
    expect(validate(workflow) ? [] : validate.errors).toEqual([]);
    // The schema does judge: a key GitHub does not know fails it.
    expect(validate({ ...workflow, jobs: { ...workflow.jobs, plan: { ...workflow.jobs.plan, approve: true } } })).toBe(false);
  });

  it('runs on pull requests into and pushes to the default branch, reading contents only by default', () => {
    expect(workflow.on).toEqual({ pull_request: { branches: ['main'] }, push: { branches: ['main'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('validates, annotates contract changes and finds the affected stacks before any plan', () => {
    const steps = workflow.jobs.affected.steps as any[];
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(expect.arrayContaining(['npx datamesh validate', 'npx datamesh diff --base "$BASE" --format github']));
    expect(steps.find((s) => s.id === 'affected').shell).toBe('bash');
    const affected = steps.find((s) => s.id === 'affected').run as string;
    expect(affected).toContain('npx datamesh affected --base "$BASE" --format json | jq -c .stacks');
    // Code outside the contracts is invisible to `affected`: a change to it plans every stack.
    expect(affected).toMatch(/git diff --quiet "\$BASE" HEAD -- package\.json package-lock\.json cdktf\.json stacks src; then/);
    expect(workflow.jobs.affected.outputs).toEqual({ stacks: '${{ steps.affected.outputs.stacks }}' });
    expect(workflow.jobs.plan.needs).toBe('affected');
    expect(workflow.jobs.apply.needs).toBe('affected');
  });

  it('plans on pull requests and applies on push, one matrix job per affected stack', () => {
    expect(workflow.jobs.plan.if).toBe("github.event_name == 'pull_request' && needs.affected.outputs.stacks != '[]'");
    expect(workflow.jobs.apply.if).toBe("github.event_name == 'push' && needs.affected.outputs.stacks != '[]'");
    for (const job of [workflow.jobs.plan, workflow.jobs.apply]) {
      expect(job.strategy.matrix).toEqual({ stack: '${{ fromJSON(needs.affected.outputs.stacks) }}' });
      const synth = job.steps.find((s: any) => s.run === 'npx cdktf synth');
      expect(synth.env).toEqual({ DATAMESH_DOMAINS: '${{ matrix.stack }}' });
    }
    expect(workflow.jobs.plan.steps.at(-1).run).toMatch(/init -input=false\n.*"cdktf\.out\/stacks\/\$STACK" plan /);
    expect(workflow.jobs.apply.steps.at(-1).run).toMatch(/"cdktf\.out\/stacks\/\$STACK" apply -input=false -auto-approve/);
  });

  it('lets matrix jobs mint OIDC tokens, and only them', () => {
    expect(workflow.jobs.plan.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(workflow.jobs.apply.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(workflow.jobs.affected.permissions).toBeUndefined();
  });

  it('assumes each domain account deploy role, looked up as data', () => {
    expect(JSON.parse(workflow.env.DATAMESH_DEPLOY_ROLES)).toEqual({
      customer: 'arn:aws:iam::222222222222:role/datamesh-deploy',
      payments: 'arn:aws:iam::333333333333:role/datamesh-deploy',
      sales: 'arn:aws:iam::111111111111:role/datamesh-deploy',
    });
    const credentials = workflow.jobs.apply.steps.find((s: any) => s.uses === ACTIONS.awsCredentials);
    expect(credentials.with['role-to-assume']).toBe('${{ fromJSON(env.DATAMESH_DEPLOY_ROLES)[matrix.stack] }}');
    expect(JSON.parse(workflow.env.DATAMESH_REGIONS).sales).toBe('eu-west-1');
  });

  it('never runs two applies of one stack at once, nor cancels one; approvals per domain environment', () => {
    expect(workflow.jobs.apply.concurrency).toEqual({ group: 'datamesh-apply-dev-${{ matrix.stack }}', 'cancel-in-progress': false });
    expect(workflow.jobs.plan.concurrency['cancel-in-progress']).toBe(true);
    expect(workflow.jobs.apply.environment).toBe('${{ matrix.stack }}');
    expect(workflow.jobs.plan.environment).toBeUndefined();
  });

  it('pins every action by major version tag', () => {
    const uses = Object.values(workflow.jobs).flatMap((job: any) => job.steps.map((s: any) => s.uses).filter(Boolean));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });

  it('refuses a value that GitHub would evaluate as an expression, wherever it comes from', () => {
    const hostile = { ...mesh, domains: mesh.domains.map((d, i) => (i === 0 ? { ...d, region: 'eu-west-1 ${{ secrets.AWS_SECRET }}' } : d)) };
    expect(() => githubWorkflow(hostile, { environment: 'dev' })).toThrow(WorkflowError);
    expect(() => githubWorkflow(mesh, { environment: 'dev', defaultBranch: '${{ github.token }}' })).toThrow(/would evaluate as an expression/);
  });

  it('keeps YAML-significant characters in a value as plain text, through the YAML library', () => {
    const odd = { ...mesh, domains: mesh.domains.map((d, i) => (i === 0 ? { ...d, name: 'cust: {x} # y\'"\n- z' } : d)) };
    const parsed = parse(githubWorkflow(odd, { environment: 'dev' }));
    expect(Object.keys(JSON.parse(parsed.env.DATAMESH_DEPLOY_ROLES))).toContain('cust: {x} # y\'"\n- z');
    expect(Object.keys(parsed.jobs)).toEqual(['affected', 'plan', 'apply']);
  });

  it('refuses a mesh CI cannot deploy safely: no deploy role, local state, no lock file', () => {
    const noRole = { ...mesh, platform: { ...mesh.platform, deployRoleName: undefined } };
    expect(() => githubWorkflow(noRole, { environment: 'dev' })).toThrow(/deployRoleName/);
    expect(() => githubWorkflow({ ...mesh, platform: { ...mesh.platform, backend: { type: 'local' } } }, { environment: 'dev' })).toThrow(/locally/);
    const unlocked = { ...mesh, platform: { ...mesh.platform, backend: { type: 's3' as const, bucket: 'b', region: 'eu-west-1', keyPrefix: 'k', useLockfile: false } } };
    expect(() => githubWorkflow(unlocked, { environment: 'dev' })).toThrow(/lock file/);
  });
});

describe('datamesh ci github: the command', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('writes .github/workflows/datamesh.yml and refuses to overwrite it without --force', async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-ci-'));
    fs.cpSync(ciMesh(), path.join(repo, 'contracts'), { recursive: true });
    process.chdir(repo);
    const first = await datamesh(['ci', 'github', 'contracts']);
    expect(first.code).toBe(0);
    const file = path.join(repo, '.github', 'workflows', 'datamesh.yml');
    expect(parse(fs.readFileSync(file, 'utf8')).env.DATAMESH_CONTRACTS).toBe('contracts');

    fs.writeFileSync(file, 'mine');
    const again = await datamesh(['ci', 'github', 'contracts']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; not overwritten/);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
    expect((await datamesh(['ci', 'github', 'contracts', '--force'])).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Written by `datamesh ci github`/);
  });

  it('exits 1 and writes nothing when the mesh has no deploy role', async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'datamesh-ci-'));
    fs.cpSync(REFERENCE_CONTRACTS, path.join(repo, 'contracts'), { recursive: true });
    process.chdir(repo);
    const run = await datamesh(['ci', 'github', 'contracts']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/hint: /);
    expect(fs.existsSync(path.join(repo, '.github'))).toBe(false);
  });
});

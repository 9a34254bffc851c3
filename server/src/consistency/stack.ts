/**
 * consistency/metrics, consistency/trace-endpoint: a config file's
 * observability section against the stack that is to collect its telemetry.
 *
 * - `metrics.enabled: false`, or a `metrics.path` other than the job's
 *   `metrics_path` (Prometheus's default `/metrics`), for a service a
 *   prometheus.yaml of the workspace scrapes (a job with its `service` label,
 *   or named after it): the target would be down.
 * - `trace.endpoint` whose host or port the stack does not expose. The compose
 *   files of the workspace serve only local development: they judge dev
 *   configs and endpoints that name one of their services (or a loopback
 *   address). Staging and prod send to the cluster, so their endpoints — and
 *   every endpoint when there is no compose file — are judged against the
 *   design's stack (`jaeger:4317` under compose,
 *   `jaeger.observability.svc.cluster.local:4317` in Kubernetes; OTLP gRPC).
 */
import { isScalar } from 'yaml';
import type { ObservabilityEntry, ConfigFile } from '../config/section';
import { locate } from '../config/section';
import type { EnvironmentName } from '../base/settings';
import type { Finding } from '../base/types';
import type { ComposeFacts, ScrapeJob, WorkspaceIndex } from '../workspace/index';
import type { FileCheck } from '../workspace/fileKind';
import { parseEndpoint } from '../base/endpoint';
import { say } from './messages';

export { parseEndpoint };

export const CONSISTENCY_METRICS = 'consistency/metrics';
export const CONSISTENCY_TRACE_ENDPOINT = 'consistency/trace-endpoint';

/** The design's OTLP gRPC receiver (ポート一覧: Jaeger OTLP 4317 (gRPC)). */
export const DESIGN_OTLP_PORT = 4317;
export const DESIGN_TRACE_HOSTS: readonly string[] = ['jaeger', 'jaeger.observability.svc.cluster.local'];
// parseEndpoint gives an IPv6 host in its brackets.
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', 'host.docker.internal']);

export function checkConfigAgainstStack(entry: ObservabilityEntry, text: string, workspace: WorkspaceIndex, environment?: EnvironmentName): Finding[] {
  return [...checkMetrics(entry, workspace), ...checkTraceEndpoint(entry, text, workspace, environment)];
}

/** The scalar at `path` of the observability section, with its span. */
function scalarAt(entry: ObservabilityEntry, path: readonly string[]): { value: unknown; start: number; end: number } | undefined {
  const { pair, found } = locate(entry, path);
  if (!found) return undefined;
  const node = pair.value;
  // Stryker disable next-line ConditionalExpression: a map or a sequence has no value of its own (undefined), which no caller takes
  if (!isScalar(node)) return undefined;
  // Stryker disable next-line ArrayDeclaration: a node parsed from a text has its range
  const [start, end] = node.range ?? [0, 0];
  return { value: node.value, start, end };
}

/** The jobs that scrape a service: those with its `service` label, else one named after it. */
export function jobsScraping(service: string, workspace: WorkspaceIndex): ScrapeJob[] {
  const jobs = workspace.scrapeJobs();
  const labelled = jobs.filter((job) => job.labels.service?.includes(service));
  return labelled.length ? labelled : jobs.filter((job) => job.name === service);
}

function checkMetrics(entry: ObservabilityEntry, workspace: WorkspaceIndex): Finding[] {
  const name = entry.document.getIn(['app', 'name']);
  // Stryker disable next-line ConditionalExpression: a shortcut (and the type); no scrape job's name or service label is anything but a string, so jobsScraping finds none for another value
  if (typeof name !== 'string') return [];
  // An empty name is no service, though a job may carry an empty service label.
  if (name === '') return [];
  const jobs = jobsScraping(name, workspace);
  const job = jobs[0];
  if (!job) return [];
  const where = say('scrapedBy', { file: fileName(job.uri), service: name, job: job.name });
  const findings: Finding[] = [];
  const enabled = scalarAt(entry, ['metrics', 'enabled']);
  if (enabled?.value === false) {
    const { start, end } = enabled;
    findings.push({
      start,
      end,
      code: CONSISTENCY_METRICS,
      severity: 'warning',
      message: say('metricsDisabled', { where }),
      fixes: [{ title: say('fixChange', { to: 'true' }), preferred: true, edits: [{ start, end, newText: 'true' }] }],
    });
    return findings;
  }
  const path = scalarAt(entry, ['metrics', 'path']);
  if (typeof path?.value === 'string' && path.value.startsWith('/')) {
    const expected = job.metricsPath ?? '/metrics';
    const actual = path.value;
    // The first job's path (expected) is one of the jobs'.
    if (!jobs.some((j) => (j.metricsPath ?? '/metrics') === actual)) {
      const { start, end } = path;
      findings.push({
        start,
        end,
        code: CONSISTENCY_METRICS,
        severity: 'warning',
        message: say('metricsPath', { actual, where, expected, defaulted: job.metricsPath === undefined }),
        fixes: [{ title: say('fixChange', { to: expected }), preferred: true, edits: [{ start, end, newText: JSON.stringify(expected) }] }],
      });
    }
  }
  return findings;
}

function checkTraceEndpoint(entry: ObservabilityEntry, text: string, workspace: WorkspaceIndex, environment: EnvironmentName | undefined): Finding[] {
  const scalar = scalarAt(entry, ['trace', 'endpoint']);
  if (typeof scalar?.value !== 'string') return [];
  const endpoint = scalar.value;
  const parsed = parseEndpoint(endpoint);
  if (!parsed) return []; // config/schema says what is wrong with it
  const { start, end } = scalar;
  const problem = (message: string, port?: number): Finding => {
    const finding: Finding = { start, end, code: CONSISTENCY_TRACE_ENDPOINT, severity: 'warning', message };
    const source = text.slice(start, end);
    const at = source.lastIndexOf(`:${parsed.port}`);
    if (port !== undefined && at !== -1) {
      const from = start + at + 1;
      finding.fixes = [{ title: say('fixPort', { port }), preferred: true, edits: [{ start: from, end: from + String(parsed.port).length, newText: String(port) }] }];
    }
    return finding;
  };
  const composes = workspace.composeFiles();
  if (composes.length && servedByCompose(parsed, environment, composes)) return checkAgainstCompose(parsed, endpoint, composes, problem);
  const designHost = DESIGN_TRACE_HOSTS.includes(parsed.host) || LOOPBACK.has(parsed.host);
  const design = say('designOtlp', { port: DESIGN_OTLP_PORT });
  if (!designHost) return [problem(say('noSuchHost', { endpoint, design }))];
  if (parsed.port !== DESIGN_OTLP_PORT) return [problem(say('notOtlpPort', { endpoint, port: parsed.port, design }), DESIGN_OTLP_PORT)];
  return [];
}

/**
 * Whether the compose stack is the one to receive this endpoint's traces: a
 * dev config (or one of no known environment), or an endpoint naming one of
 * the compose services or a loopback address. A staging or prod config
 * sending to a cluster address is not the local stack's business.
 */
function servedByCompose(parsed: { host: string }, environment: EnvironmentName | undefined, composes: readonly ComposeFacts[]): boolean {
  if (environment === undefined || environment === 'dev' || LOOPBACK.has(parsed.host)) return true;
  return composes.some((compose) => compose.services.some((s) => s.name.toLowerCase() === parsed.host || s.aliases.some((a) => a.toLowerCase() === parsed.host)));
}

function checkAgainstCompose(parsed: { host: string; port: number }, endpoint: string, composes: readonly ComposeFacts[], problem: (message: string, port?: number) => Finding): Finding[] {
  const files = composes.map((c) => fileName(c.uri));
  const services = composes.flatMap((c) => c.services);
  if (LOOPBACK.has(parsed.host)) {
    if (services.some((s) => s.ports.includes(parsed.port))) return [];
    const otlp = services.find((s) => s.ports.includes(DESIGN_OTLP_PORT));
    return [problem(say('composeNoPort', { endpoint, files, port: parsed.port }), otlp ? DESIGN_OTLP_PORT : undefined)];
  }
  const service = services.find((s) => s.name.toLowerCase() === parsed.host || s.aliases.some((a) => a.toLowerCase() === parsed.host));
  if (!service) {
    const names = services.map((s) => s.name);
    return [problem(say('composeNoService', { endpoint, files, host: parsed.host, services: names }))];
  }
  // A service that lists no ports is reachable on any port from the compose network.
  if (service.ports.length === 0 || service.ports.includes(parsed.port)) return [];
  const expected = service.ports.includes(DESIGN_OTLP_PORT) ? DESIGN_OTLP_PORT : undefined;
  return [problem(say('composeOtherPorts', { endpoint, service: service.name, files, ports: service.ports, port: parsed.port }), expected)];
}

function fileName(uri: string): string {
  return uri.split('/').pop() ?? uri;
}

export const configStackCheck: FileCheck<ConfigFile> = {
  meta: {
    name: 'consistency/stack',
    on: 'file',
    fileKinds: ['config'],
    description:
      "`config*.yaml` vs the stack: `metrics.enabled: false` or a `metrics.path` other than the `metrics_path` of the job that scrapes the service; a `trace.endpoint` host or port the workspace's compose file does not expose (dev configs and endpoints naming a compose service; otherwise, and without a compose file, the design's `jaeger:4317`, `jaeger.observability.svc.cluster.local:4317`)",
    codes: [
      {
        code: 'consistency/metrics',
        severity: 'warning',
        short: 'metrics settings disagree with the scrape job',
        help: 'metrics.enabled is false, or metrics.path differs from the metrics_path of the scrape job that scrapes the service.',
        ja: { short: 'スクレイプジョブと食い違う metrics 設定', help: 'metrics.enabled が false か、metrics.path がサービスをスクレイプするジョブの metrics_path と異なります。' },
      },
      {
        code: 'consistency/trace-endpoint',
        severity: 'warning',
        short: 'trace endpoint the stack does not serve',
        help: "The trace.endpoint host or port is not one the workspace's compose file (or the design) exposes.",
        ja: { short: 'スタックが提供していないトレースのエンドポイント', help: 'trace.endpoint のホストまたはポートが、ワークスペースの compose ファイル（または設計）が公開するものではありません。' },
      },
    ],
  },
  run: ({ entry, environment }: ConfigFile, { text, workspace }) => checkConfigAgainstStack(entry, text, workspace, environment),
};

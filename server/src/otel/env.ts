/**
 * `otel/env`: the OTEL_* variables of compose services (`environment:` in
 * both forms), `.env` files and Kubernetes containers (`env:`), against the
 * SDK specification's table (otel/variables.ts) — names with did-you-mean,
 * enumerated values, ratios, URLs, key=value pairs, the OTLP port of the
 * protocol — and against the design's precedence: config.yaml's
 * `observability` section wins, the variables are a fallback, so a variable
 * that contradicts its service's config.yaml is said to be ignored.
 */
import { dirOf, normalizePath, relativeTo, type EnvVariable } from '../base/compose';
import { parseEndpoint } from '../base/endpoint';
import { uriToPath } from '../base/files';
import { closestMatch } from '../base/suggest';
import type { Finding, Fix } from '../base/types';
import type { FileCheck, FileCheckContext } from '../workspace/fileKind';
import type { TraceConfigFact, WorkspaceIndex } from '../workspace/index';
import { say } from './messages';
import { FOREIGN_PREFIXES, OTEL_VARIABLES, RATIO_SAMPLERS, SIGNALS, type OtelVariable } from './variables';

export const OTEL_ENV = 'otel/env';

/** The variables one process gets: a compose service's, a container's, an env file's. */
export interface EnvScope {
  variables: readonly EnvVariable[];
  /** How to find the config.yaml of the process, when it has one. */
  config?: {
    /** Names the service goes by (compose service, container, OTEL_SERVICE_NAME): a config file whose `app.name` is one of them. */
    names: readonly string[];
    /** Absolute folders or files (bind-mount sources, the build context): a config file inside one of them. */
    paths: readonly string[];
    /** The environment the process runs in (compose: dev), to choose among config.dev.yaml, config.staging.yaml, config.yaml. */
    environment?: string;
  };
}

/** What the kinds that carry OTEL_* variables hand this check. */
export interface EnvSubject {
  env: readonly EnvScope[];
}

type Problem = (start: number, end: number, message: string, fixes?: Fix[]) => void;

export function checkOtelEnv(subject: EnvSubject, context: FileCheckContext): Finding[] {
  const findings: Finding[] = [];
  const problem: Problem = (start, end, message, fixes) => {
    findings.push({ start, end, code: OTEL_ENV, severity: 'warning', message, ...(fixes ? { fixes } : {}) });
  };
  for (const scope of subject.env) checkScope(scope, context, problem);
  return findings;
}

function rename(variable: EnvVariable, name: string): Fix[] {
  return [{ title: say('fixRename', name), preferred: true, edits: [{ start: variable.nameStart, end: variable.nameEnd, newText: name }] }];
}

/** The value's text range without the quotes of a quoted YAML scalar. */
function valueRange(variable: EnvVariable, text: string): [number, number] {
  const raw = text.slice(variable.valueStart, variable.valueEnd);
  // Stryker disable next-line StringLiteral: raw has two characters or more here, so raw[0] is there
  const quoted = raw.length >= 2 && /^["']/.test(raw) && raw.endsWith(raw[0] ?? '');
  return quoted ? [variable.valueStart + 1, variable.valueEnd - 1] : [variable.valueStart, variable.valueEnd];
}

function checkScope(scope: EnvScope, context: FileCheckContext, problem: Problem): void {
  const known = new Map<string, { variable: EnvVariable; row: OtelVariable }>();
  for (const variable of scope.variables) {
    if (!variable.name.startsWith('OTEL_')) continue;
    const row = OTEL_VARIABLES.get(variable.name);
    if (!row) {
      if (FOREIGN_PREFIXES.test(variable.name)) continue;
      const suggestion = closestMatch(variable.name, OTEL_VARIABLES.keys());
      if (suggestion !== undefined) problem(variable.nameStart, variable.nameEnd, say('unknown', variable.name, suggestion), rename(variable, suggestion));
      continue;
    }
    known.set(row.name, { variable, row });
  }
  const value = (name: string): string | undefined => {
    const v = known.get(name)?.variable.value;
    return v === undefined || v.includes('$') ? undefined : v.trim();
  };
  const sampler = value('OTEL_TRACES_SAMPLER')?.toLowerCase();
  for (const { variable, row } of known.values()) {
    const raw = variable.value;
    if (raw === undefined || raw.trim() === '' || raw.includes('$')) continue;
    checkValue(variable, row, raw.trim(), sampler, context.text, problem);
  }
  checkPorts(known, value, context.text, problem);
  if (scope.config) checkPrecedence(scope, known, value, sampler, context, problem);
}

function checkValue(variable: EnvVariable, row: OtelVariable, value: string, sampler: string | undefined, text: string, problem: Problem): void {
  const [start, end] = valueRange(variable, text);
  switch (row.kind) {
    case 'enum': {
      const values = row.values ?? [];
      if (values.includes(value.toLowerCase())) return;
      const suggestion = closestMatch(value, values);
      const fixes = suggestion !== undefined ? [{ title: say('fixValue', suggestion), preferred: true, edits: [{ start, end, newText: suggestion }] }] : undefined;
      return problem(start, end, say('notEnum', row.name, value, values.join(', '), suggestion ?? ''), fixes);
    }
    case 'list': {
      const values = row.values ?? [];
      let offset = 0;
      const source = text.slice(start, end);
      for (const item of value.split(',')) {
        const at = source.indexOf(item, offset);
        offset = at + item.length;
        const name = item.trim();
        if (name === '' || values.includes(name.toLowerCase())) continue;
        const suggestion = closestMatch(name, values);
        const itemStart = start + at + item.indexOf(name);
        const fixes =
          suggestion !== undefined ? [{ title: say('fixValue', suggestion), preferred: true, edits: [{ start: itemStart, end: itemStart + name.length, newText: suggestion }] }] : undefined;
        problem(itemStart, itemStart + name.length, say('notInList', row.name, name, values.join(', '), suggestion ?? ''), fixes);
      }
      return;
    }
    case 'bool':
      if (!/^(?:true|false)$/i.test(value)) problem(start, end, say('notBool', row.name, value));
      return;
    case 'int':
      if (!/^\d+$/.test(value)) problem(start, end, say('notInt', row.name, value));
      return;
    case 'url':
      if (!isUrl(value)) problem(start, end, say('notUrl', row.name, value));
      return;
    case 'pairs': {
      const bad = value.split(',').find((pair) => pair.trim() !== '' && !/^\s*[^=\s][^=]*=.*$/.test(pair));
      if (bad !== undefined) problem(start, end, say('badPair', row.name, bad.trim()));
      return;
    }
    case 'ratio': {
      if (sampler === undefined || !RATIO_SAMPLERS.includes(sampler)) return;
      const ratio = Number(value);
      if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(value) || !(ratio >= 0 && ratio <= 1)) problem(start, end, say('notRatio', row.name, value, sampler));
      return;
    }
    default:
      return;
  }
}

function isUrl(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}

/** Port 4317 with grpc, 4318 with http/protobuf and http/json: a mismatch is a warning (only where the protocol is set). */
function checkPorts(known: Map<string, { variable: EnvVariable }>, value: (name: string) => string | undefined, text: string, problem: Problem): void {
  for (const signal of ['', ...SIGNALS]) {
    const endpointName = signal ? `OTEL_EXPORTER_OTLP_${signal}_ENDPOINT` : 'OTEL_EXPORTER_OTLP_ENDPOINT';
    const endpoint = value(endpointName);
    if (endpoint === undefined || !isUrl(endpoint)) continue;
    const protocolName = signal && value(`OTEL_EXPORTER_OTLP_${signal}_PROTOCOL`) !== undefined ? `OTEL_EXPORTER_OTLP_${signal}_PROTOCOL` : 'OTEL_EXPORTER_OTLP_PROTOCOL';
    const protocol = value(protocolName)?.toLowerCase();
    if (protocol === undefined) continue;
    const port = parseEndpoint(endpoint)?.port;
    const expected = protocol === 'grpc' ? 4317 : protocol.startsWith('http/') ? 4318 : undefined;
    if (expected === undefined || (port !== 4317 && port !== 4318) || port === expected) continue;
    const variable = known.get(endpointName)?.variable;
    if (variable) problem(...valueRange(variable, text), say('portProtocol', endpointName, port, protocolName, protocol, expected));
  }
}

/** The config.yaml of a scope: inside a mounted folder or the build context, or naming the service; the environment's when there are several. */
export function configOf(scope: EnvScope, workspace: WorkspaceIndex): TraceConfigFact | undefined {
  const config = scope.config;
  if (!config) return undefined;
  const paths = config.paths.map(normalizePath);
  const candidates = workspace.traceConfigs().filter((fact) => {
    const path = normalizePath(uriToPath(fact.uri));
    return paths.some((p) => path === p || path.startsWith(`${p}/`)) || (fact.app !== undefined && config.names.includes(fact.app));
  });
  if (candidates.length <= 1) return candidates[0];
  const inEnvironment = candidates.filter((fact) => fact.environment === config.environment);
  return inEnvironment.length === 1 ? inEnvironment[0] : undefined;
}

function checkPrecedence(
  scope: EnvScope,
  known: Map<string, { variable: EnvVariable }>,
  value: (name: string) => string | undefined,
  sampler: string | undefined,
  context: FileCheckContext,
  problem: Problem,
): void {
  const config = configOf(scope, context.workspace);
  if (!config) return;
  const file = relativeTo(dirOf(normalizePath(uriToPath(context.uri))), normalizePath(uriToPath(config.uri))).replace(/^\.\//, '');
  if (config.sampleRate) {
    // What the variables would sample: always_on 1, always_off 0, a ratio sampler its argument (1.0 when absent).
    const arg = value('OTEL_TRACES_SAMPLER_ARG');
    let ratio: number | undefined;
    let on: string | undefined;
    if (sampler === 'always_on' || sampler === 'parentbased_always_on') [ratio, on] = [1, 'OTEL_TRACES_SAMPLER'];
    else if (sampler === 'always_off' || sampler === 'parentbased_always_off') [ratio, on] = [0, 'OTEL_TRACES_SAMPLER'];
    else if (sampler !== undefined && RATIO_SAMPLERS.includes(sampler)) {
      const parsed = arg === undefined ? 1 : Number(arg);
      if (Number.isFinite(parsed) && parsed >= 0 && parsed <= 1) [ratio, on] = [parsed, arg === undefined ? 'OTEL_TRACES_SAMPLER' : 'OTEL_TRACES_SAMPLER_ARG'];
    }
    const variable = on !== undefined ? known.get(on)?.variable : undefined;
    if (variable && ratio !== undefined && ratio !== config.sampleRate.value) {
      problem(variable.nameStart, variable.nameEnd, say('ignoredRate', variable.name, variable.value ?? '', formatRate(config.sampleRate.value), file, config.sampleRate.line));
    }
  }
  if (config.endpoint) {
    const name = value('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== undefined ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
    const endpoint = value(name);
    const mine = endpoint !== undefined ? parseEndpoint(endpoint) : undefined;
    const theirs = parseEndpoint(config.endpoint.value);
    const variable = known.get(name)?.variable;
    if (variable && mine && theirs && (mine.host !== theirs.host || mine.port !== theirs.port)) {
      problem(variable.nameStart, variable.nameEnd, say('ignoredEndpoint', name, endpoint ?? '', config.endpoint.value, file, config.endpoint.line));
    }
  }
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? rate.toFixed(1) : String(rate);
}

export const otelEnvCheck: FileCheck<EnvSubject> = {
  meta: {
    name: 'otel/env',
    on: 'file',
    fileKinds: ['compose', 'dotenv', 'kubernetes'],
    description:
      "OTEL_* variables in compose files, .env files and Kubernetes manifests: names of the SDK specification (did-you-mean fix), samplers, ratios, protocols, URLs, ports, k=v pairs; a variable config.yaml's observability section overrides",
    codes: [
      {
        code: OTEL_ENV,
        severity: 'warning',
        short: 'OTEL_* environment variable',
        help: "An OTEL_* variable the OpenTelemetry SDK specification does not name (with the one probably meant), a value the SDK would ignore (sampler, ratio, protocol, URL without a scheme, malformed key=value pair), an endpoint port that is not the protocol's (4317 gRPC, 4318 HTTP), or a variable that contradicts its service's config.yaml, whose observability section wins while it is readable.",
        ja: {
          short: 'OTEL_* 環境変数の問題',
          help: 'OpenTelemetry SDK 仕様にない OTEL_* 変数（意図したと思われる変数を提示）、SDK が無視する値（サンプラー、比率、プロトコル、スキームのない URL、不正な key=value の組）、プロトコルに合わないエンドポイントのポート（gRPC 4317、HTTP 4318）、またはサービスの config.yaml と食い違う変数（config.yaml が読み込める間は observability セクションが優先）。',
        },
      },
    ],
  },
  run: checkOtelEnv,
};

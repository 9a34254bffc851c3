/**
 * One instant query against Prometheus's HTTP API (`GET /api/v1/query`),
 * with a timeout, answered as what happened: a result, an error Prometheus
 * gave, nothing listening, or an answer that is not Prometheus's. Never throws.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { l10n } from '../l10n';

export interface Sample {
  /** Labels, `__name__` included when the series has one. */
  labels: Record<string, string>;
  /** The value as Prometheus wrote it (`"1"`, `"NaN"`, `"+Inf"`). */
  value: string;
  /** Unix seconds. */
  timestamp: number;
}

export type QueryOutcome =
  | { kind: 'result'; resultType: 'vector' | 'matrix' | 'scalar' | 'string'; samples: Sample[]; warnings: string[] }
  | { kind: 'error'; errorType: string; error: string; status: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'bad-response'; detail: string };

const MAX_BODY = 20_000_000;

export function runInstantQuery(baseUrl: string, query: string, options: { timeoutMs?: number; time?: number } = {}): Promise<QueryOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: QueryOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let url: URL;
    try {
      url = new URL(`${baseUrl.replace(/\/+$/, '')}/api/v1/query`);
    } catch {
      done({ kind: 'unreachable', detail: l10n('not a URL: {0}', baseUrl) });
      return;
    }
    url.searchParams.set('query', query);
    if (options.time !== undefined) url.searchParams.set('time', String(options.time));
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ReturnType<typeof httpRequest>;
    try {
      req = request(url, { method: 'GET', timeout: options.timeoutMs ?? 10_000, headers: { accept: 'application/json' } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.length > MAX_BODY) {
            req.destroy();
            done({ kind: 'bad-response', detail: l10n('the answer is larger than {0} MB', MAX_BODY / 1_000_000) });
          }
        });
        res.on('end', () => done(parseAnswer(res.statusCode ?? 0, body)));
        res.on('error', (error) => done({ kind: 'unreachable', detail: error.message }));
      });
    } catch (error) {
      done({ kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    req.on('timeout', () => {
      req.destroy();
      done({ kind: 'unreachable', detail: l10n('no answer within {0} ms', options.timeoutMs ?? 10_000) });
    });
    req.on('error', (error: NodeJS.ErrnoException) => done({ kind: 'unreachable', detail: error.code ?? error.message }));
    req.end();
  });
}

/** Reads an answer of the query API (success or error envelope). */
export function parseAnswer(status: number, body: string): QueryOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'bad-response', detail: l10n('HTTP {0}, not JSON: {1}', status, body.slice(0, 200)) };
  }
  if (!isObject(parsed)) return { kind: 'bad-response', detail: l10n('HTTP {0}, not a Prometheus answer', status) };
  if (parsed.status === 'error') {
    return { kind: 'error', errorType: typeof parsed.errorType === 'string' ? parsed.errorType : 'error', error: typeof parsed.error === 'string' ? parsed.error : l10n('unknown error'), status };
  }
  const data = parsed.data;
  if (parsed.status !== 'success' || !isObject(data)) return { kind: 'bad-response', detail: l10n('HTTP {0}, not a Prometheus answer', status) };
  const warnings = Array.isArray(parsed.warnings) ? parsed.warnings.filter((w): w is string => typeof w === 'string') : [];
  const { resultType, result } = data;
  if (resultType === 'scalar' || resultType === 'string') {
    const pair = pointOf(result);
    return pair ? { kind: 'result', resultType, samples: [{ labels: {}, ...pair }], warnings } : { kind: 'bad-response', detail: l10n('a {0} without a value', resultType) };
  }
  if ((resultType !== 'vector' && resultType !== 'matrix') || !Array.isArray(result)) return { kind: 'bad-response', detail: l10n('unknown result type {0}', String(resultType)) };
  const samples: Sample[] = [];
  for (const series of result) {
    if (!isObject(series)) continue;
    const labels = labelsOf(series.metric);
    if (resultType === 'vector') {
      const point = pointOf(series.value);
      if (point) samples.push({ labels, ...point });
    } else if (Array.isArray(series.values)) {
      // A range selector at the top: its latest point stands for the series.
      const point = pointOf(series.values[series.values.length - 1]);
      if (point) samples.push({ labels, ...point });
    }
  }
  return { kind: 'result', resultType, samples, warnings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelsOf(metric: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isObject(metric)) return labels;
  for (const key of Object.keys(metric).sort()) {
    const value = metric[key];
    if (typeof value === 'string') labels[key] = value;
  }
  return labels;
}

function pointOf(pair: unknown): { timestamp: number; value: string } | undefined {
  if (!Array.isArray(pair) || typeof pair[0] !== 'number' || typeof pair[1] !== 'string') return undefined;
  return { timestamp: pair[0], value: pair[1] };
}

/**
 * Live values for the SLO tree from a running Prometheus: the instant query
 * API (`/api/v1/query`), with a timeout; a service's current error ratio and
 * what is left of its 30-day error budget. No vscode import.
 */
import { request } from 'node:http';
import { budgetRemaining, type SloService } from '../../../server/src/base/sloTree';
import { l10n } from '../l10n';

/** The scalar value of an instant query: the first sample, or undefined for an empty result, NaN, or any failure. */
export function queryScalar(baseUrl: string, promql: string, timeoutMs = 3000): Promise<number | undefined> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL('/api/v1/query', baseUrl);
    } catch {
      resolve(undefined);
      return;
    }
    url.searchParams.set('query', promql);
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > 1_000_000) req.destroy();
      });
      res.on('end', () => resolve(res.statusCode === 200 ? sampleOf(body) : undefined));
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

function sampleOf(body: string): number | undefined {
  try {
    const parsed = JSON.parse(body) as { status?: string; data?: { resultType?: string; result?: unknown } };
    if (parsed.status !== 'success' || !parsed.data) return undefined;
    const { resultType, result } = parsed.data;
    const raw = resultType === 'scalar' ? (result as [number, string])[1] : resultType === 'vector' ? (result as { value: [number, string] }[])[0]?.value[1] : undefined;
    const value = raw === undefined ? undefined : Number(raw);
    return value === undefined || Number.isNaN(value) ? undefined : value;
  } catch {
    return undefined;
  }
}

export interface LiveValues {
  /** 5xx share of requests over the last 5 minutes (0–1). */
  errorRatio?: number;
  /** Share of the 30-day error budget left (1 untouched, ≤ 0 spent). */
  budgetRemaining?: number;
}

export async function liveValuesOf(baseUrl: string, service: SloService, timeoutMs?: number): Promise<LiveValues> {
  const [errorRatio, availability] = await Promise.all([queryScalar(baseUrl, service.live.errorRatio, timeoutMs), queryScalar(baseUrl, service.live.availability30d, timeoutMs)]);
  const values: LiveValues = {};
  if (errorRatio !== undefined) values.errorRatio = errorRatio;
  if (availability !== undefined && service.slo) values.budgetRemaining = budgetRemaining(availability, service.slo.objective);
  return values;
}

/** "errors 0.12% · budget 87% left" (parts that are unknown left out). */
export function describeLive(values: LiveValues): string {
  const parts: string[] = [];
  if (values.errorRatio !== undefined) parts.push(l10n('errors {0}%', +(values.errorRatio * 100).toFixed(3)));
  if (values.budgetRemaining !== undefined) parts.push(l10n('budget {0}% left', Math.round(values.budgetRemaining * 100)));
  return parts.join(' · ');
}

import type { EnvironmentName } from '../service/settings';
import { LOG_FORMATS } from './fields';
import type { Finding } from '../service/types';
import { locate, valueSpan, type ObservabilityEntry } from './section';

const CODE = 'config/policy';

/** One row of the design's environment policy: in `environment`, `field` should be `expected`. */
interface PolicyRule {
  environment: EnvironmentName;
  field: 'trace.sample_rate' | 'log.format';
  expected: number | string;
  /** The design's rule, quoted in the message. */
  rule: string;
}

/**
 * The environment table of the design ("トレースサンプリング戦略" and the log
 * format note of "config.yaml の observability セクション"): dev samples every
 * trace and may log text; staging samples 50% and logs JSON; prod samples 10%
 * (the OTel Collector keeps every error trace) and logs JSON.
 */
export const POLICY_RULES: readonly PolicyRule[] = [
  { environment: 'dev', field: 'trace.sample_rate', expected: 1.0, rule: 'トレースサンプリング戦略: dev is AlwaysOn, 100% of traces' },
  { environment: 'staging', field: 'trace.sample_rate', expected: 0.5, rule: 'トレースサンプリング戦略: staging is TraceIDRatioBased at 50%' },
  { environment: 'prod', field: 'trace.sample_rate', expected: 0.1, rule: 'トレースサンプリング戦略: prod keeps 10% (tail-based in the OTel Collector, errors 100%)' },
  { environment: 'staging', field: 'log.format', expected: 'json', rule: 'JSON structured logs are the standard (Loki); text is for dev only' },
  { environment: 'prod', field: 'log.format', expected: 'json', rule: 'JSON structured logs are the standard (Loki); text is for dev only' },
];

/**
 * `config/policy`: values that are valid but break the design's policy for
 * the file's environment. Values of the wrong type are left to config/schema.
 */
export function checkConfigPolicy(entry: ObservabilityEntry, environment: EnvironmentName | undefined, source: string): Finding[] {
  if (!environment) return [];
  const findings: Finding[] = [];
  for (const rule of POLICY_RULES) {
    if (rule.environment !== environment) continue;
    const located = locate(entry, rule.field.split('.'));
    if (!located.found) continue;
    const actual = located.pair.value?.toJS(entry.document);
    if (typeof actual !== typeof rule.expected || actual === rule.expected) continue;
    // Values the schema rejects are its business; policy speaks only of valid ones.
    if (rule.field === 'trace.sample_rate' && !(typeof actual === 'number' && actual >= 0 && actual <= 1)) continue;
    if (rule.field === 'log.format' && !(LOG_FORMATS as readonly unknown[]).includes(actual)) continue;
    if (rule.field === 'trace.sample_rate' && isTracingOff(entry)) continue;
    const [start, end] = valueSpan(located.pair);
    const shown = source.slice(start, end);
    findings.push({
      start,
      end,
      code: CODE,
      severity: 'warning',
      message: `${environment}: observability.${rule.field} should be ${formatLike('', rule.expected)}, not ${shown} (design: ${rule.rule}).`,
      fixes: [{ title: `Set ${rule.field} to ${formatLike('', rule.expected)} (${environment} policy)`, preferred: true, edits: [{ start, end, newText: formatLike(shown, rule.expected) }] }],
    });
  }
  return findings;
}

function isTracingOff(entry: ObservabilityEntry): boolean {
  const enabled = locate(entry, ['trace', 'enabled']);
  return enabled.found && enabled.pair.value?.toJS(entry.document) === false;
}

/** Keeps the user's quoting style when replacing a value. */
function formatLike(shown: string, value: number | string): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  const quote = shown.startsWith("'") ? "'" : shown.startsWith('"') ? '"' : '';
  return `${quote}${value}${quote}`;
}

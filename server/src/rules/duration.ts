/**
 * Prometheus durations as rule files take them (`for`, `interval`,
 * `keep_firing_for`, `query_offset`): prometheus/common model.ParseDuration.
 * Units from largest to smallest, each at most once, integers only: `1h30m`,
 * `90s`, `0`; not `1.5m`, `-1m`, `5 minutes` or `1h1d`.
 * https://github.com/prometheus/common/blob/main/model/time.go
 */
import { say } from './messages';

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 24 * 3600e3, 7 * 24 * 3600e3, 24 * 3600e3, 3600e3, 60e3, 1e3, 1];
/** Go's time.Duration is int64 nanoseconds. */
const MAX_MS = Number.MAX_SAFE_INTEGER;

export type DurationResult = { ok: true; milliseconds: number } | { ok: false; message: string };

export function parsePrometheusDuration(text: string): DurationResult {
  if (text === '') return { ok: false, message: say('emptyDuration') };
  if (text === '0') return { ok: true, milliseconds: 0 };
  const match = DURATION.exec(text);
  if (!match) return { ok: false, message: say('badDuration', { text, ...betterThan(text) }) };
  let total = 0;
  UNIT_MS.forEach((unit, i) => {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part) * unit;
  });
  if (total > MAX_MS) return { ok: false, message: say('durationOutOfRange', { text }) };
  return { ok: true, milliseconds: total };
}

const WORD_UNITS: [RegExp, string][] = [
  [/^(?:ms|msecs?|milliseconds?)$/, 'ms'],
  [/^(?:s|secs?|seconds?)$/, 's'],
  [/^(?:m|mins?|minutes?)$/, 'm'],
  [/^(?:h|hrs?|hours?)$/, 'h'],
  [/^(?:d|days?)$/, 'd'],
  [/^(?:w|weeks?)$/, 'w'],
  [/^(?:y|years?)$/, 'y'],
];

/** What the author probably meant: `5 minutes` → `5m`, `1.5h` → `90m`, `30` → `30s`. */
export function suggestDuration(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return `${trimmed}s`;
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(trimmed);
  if (!match) return undefined;
  const [, amount = '', word = ''] = match;
  const unit = WORD_UNITS.find(([pattern]) => pattern.test(word))?.[1];
  if (!unit) return undefined;
  if (!amount.includes('.')) return `${amount}${unit}`;
  const ms = Number(amount) * (UNIT_MS[['y', 'w', 'd', 'h', 'm', 's', 'ms'].indexOf(unit)] ?? 0);
  for (const [u, size] of [
    ['h', 3600e3],
    ['m', 60e3],
    ['s', 1e3],
    ['ms', 1],
  ] as const) {
    if (ms >= size && Number.isInteger(ms / size)) return `${ms / size}${u}`;
  }
  return undefined;
}

function betterThan(text: string): { better?: string } {
  const better = suggestDuration(text);
  return better && better !== text ? { better } : {};
}

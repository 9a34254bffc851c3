/**
 * PromQL literals: numbers, durations and strings, parsed the way Prometheus
 * does (strconv.ParseFloat / model.ParseDuration / strutil.Unquote).
 */
import { isValidDuration } from './lexer';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 };

/** The value of a number literal: decimal, hex, exponent, Inf, NaN, underscores. */
export function parseNumber(text: string): number {
  const t = text.replace(/_/g, '').toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[+-]/, '');
  if (body === 'inf') return sign * Infinity;
  if (body === 'nan') return NaN;
  if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
  return sign * Number(body);
}

/** Milliseconds of a duration ("1h30m") or a number of seconds ("300", "1.5"); undefined if neither. */
export function parseDurationMs(text: string): number | undefined {
  if (/^[0-9]/.test(text) && /[a-z]$/i.test(text) && !/^0x/i.test(text)) {
    if (!isValidDuration(text)) return undefined;
    let total = 0;
    for (const m of text.matchAll(/(\d+)(ms|[smhdwy])/g)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
    return total;
  }
  const n = parseNumber(text);
  return Number.isNaN(n) ? undefined : n * 1000;
}

/** A signed number or duration literal in seconds ("-5m" is -300). */
export function literalSeconds(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '');
  if (/^\d.*[a-z]$/i.test(body) && !/^0x/i.test(body)) return (sign * (parseDurationMs(body) ?? NaN)) / 1000;
  return sign * parseNumber(body);
}

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** The value of a quoted string literal ("...", '...' or `...`); escapes were validated by the lexer. */
export function unquote(text: string): string {
  const quote = text[0];
  const body = text.slice(1, text.length > 1 && text.endsWith(quote ?? '') ? -1 : undefined);
  if (quote === '`') return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/gs, (_m, e: string) => {
    const head = e[0] ?? '';
    if (head === 'x' || head === 'u' || head === 'U') return safeFromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return SIMPLE[e] ?? e;
  });
}

function safeFromCodePoint(cp: number): string {
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
}

/**
 * Alertmanager's label matchers as 0.25 reads them (`pkg/labels/parse.go`):
 * one string holds one or more matchers separated by commas, optionally in
 * braces — `severity="critical"`, `team!=ops`, `service=~"auth.*"`,
 * `{env!~"dev|test",tier="system"}`. Regexes are anchored and compiled with
 * RE2 (re2js), as Go's regexp does.
 */
import { RE2JS } from 're2js';

/** What the checks ask of a compiled matcher regex. */
export interface MatcherRegex {
  matches(input: string): boolean;
}

/** Go's `regexp.Compile("^(?:" + value + ")$")`, as Alertmanager compiles a matcher's regex: the compiled regex, or the compiler's message. */
export function compileRegex(source: string): MatcherRegex | string {
  try {
    return RE2JS.compile(`^(?:${source})$`);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  type: MatchType;
  value: string;
  regex?: MatcherRegex;
}

/** What is wrong with a matcher string, in Alertmanager's words. */
export interface MatcherError {
  reason: 'format' | 'quote' | 'regex';
  /** The matcher (token) at fault. */
  token: string;
  /** The regex compiler's message, for `regex`. */
  detail?: string;
}

const MATCHER = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/** Every matcher of one string, or the first error. */
export function parseMatchers(input: string): Matcher[] | MatcherError {
  let text = input.startsWith('{') ? input.slice(1) : input;
  if (text.endsWith('}')) text = text.slice(0, -1);
  const tokens: string[] = [];
  let insideQuotes = false;
  let escaped = false;
  let token = '';
  for (const ch of text) {
    if (ch === ',' && !insideQuotes) {
      tokens.push(token);
      token = '';
      continue;
    }
    if (ch === '"') {
      if (!escaped) insideQuotes = !insideQuotes;
      else escaped = false;
    } else if (ch === '\\') escaped = !escaped;
    else escaped = false;
    token += ch;
  }
  if (token.trim() !== '') tokens.push(token.trim());
  const matchers: Matcher[] = [];
  for (const one of tokens) {
    const matcher = parseMatcher(one);
    if ('reason' in matcher) return matcher;
    matchers.push(matcher);
  }
  return matchers;
}

function parseMatcher(token: string): Matcher | MatcherError {
  const match = MATCHER.exec(token);
  if (!match) return { reason: 'format', token };
  const name = match[1] ?? '';
  const type = (match[2] ?? '=') as MatchType;
  let raw = match[3] ?? '';
  let expectTrailingQuote = false;
  if (raw.startsWith('"')) {
    raw = raw.slice(1);
    expectTrailingQuote = true;
  }
  let value = '';
  let escaped = false;
  const chars = [...raw];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (escaped) {
      escaped = false;
      if (ch === 'n') value += '\n';
      else if (ch === '"' || ch === '\\') value += ch;
      else value += `\\${ch}`;
      continue;
    }
    if (ch === '\\') {
      if (i < chars.length - 1) escaped = true;
      else value += '\\';
    } else if (ch === '"') {
      if (!expectTrailingQuote || i < chars.length - 1) return { reason: 'quote', token };
      expectTrailingQuote = false;
    } else value += ch;
  }
  if (expectTrailingQuote) return { reason: 'quote', token };
  if (type === '=~' || type === '!~') {
    const regex = compileRegex(value);
    if (typeof regex === 'string') return { reason: 'regex', token, detail: regex };
    return { name, type, value, regex };
  }
  return { name, type, value };
}

/** Whether a label value (undefined: the alert has no such label, which is the empty value) meets the matcher. */
export function matches(matcher: Matcher, labelValue: string | undefined): boolean {
  const value = labelValue ?? '';
  switch (matcher.type) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return matcher.regex?.matches(value) ?? false;
    case '!~':
      return !(matcher.regex?.matches(value) ?? false);
  }
}

/** The label name Alertmanager accepts in `match`, `group_by` and `equal`. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A `match_re` value: Go compiles `^(?:value)$`; the compiler's message, or undefined when it compiles. */
export function regexError(source: string): string | undefined {
  const regex = compileRegex(source);
  return typeof regex === 'string' ? regex : undefined;
}

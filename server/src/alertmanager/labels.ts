/** Matchers and label names as routes and inhibit rules hold them: `matchers`, `match`, `match_re`, `group_by`, `equal`. */
import type { Finding } from '../base/types';
import type { YAMLMap } from 'yaml';
import { configError } from './codes';
import { LABEL_NAME, parseMatchers, regexError, type Matcher } from './matchers';
import { say } from './messages';
import { scalarPairsAt, scalarsAt, text } from './model';

/** The errors of a `matchers` list (each string may hold several matchers). */
export function checkMatcherList(map: YAMLMap, key: string): Finding[] {
  const findings: Finding[] = [];
  for (const item of scalarsAt(map, key)) {
    const parsed = parseMatchers(text(item));
    if (!('reason' in parsed)) continue;
    const token = parsed.token.trim();
    const message =
      parsed.reason === 'format' ? say('matcherFormat', { token }) : parsed.reason === 'quote' ? say('matcherQuote', { token }) : say('matcherRegex', { token, detail: parsed.detail ?? '' });
    findings.push(configError(item, message));
  }
  return findings;
}

/** The errors of a `match` (`regex` false) or `match_re` map: label names, and the regexes of `match_re`. */
export function checkMatchMap(map: YAMLMap, key: string, regex: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const pair of scalarPairsAt(map, key)) {
    const label = text(pair.key);
    if (!LABEL_NAME.test(label)) findings.push(configError(pair.key, say('labelName', { label, key })));
    if (!regex || !pair.value || pair.value.value === null) continue;
    const detail = regexError(text(pair.value));
    if (detail !== undefined) findings.push(configError(pair.value, say('matchRegex', { key: `${key}.${label}`, value: text(pair.value), detail })));
  }
  return findings;
}

/** The matchers a list holds (those that parse), for the checks that simulate routing. */
export function matchersOf(map: YAMLMap, key: string): Matcher[] {
  return scalarsAt(map, key).flatMap((item) => {
    const parsed = parseMatchers(text(item));
    return 'reason' in parsed ? [] : parsed;
  });
}

/** Every condition a route or rule side puts on alerts: `matchers`, `match` and `match_re` together. */
export function conditionsOf(map: YAMLMap, prefix = ''): Matcher[] {
  const out = matchersOf(map, `${prefix}matchers`);
  for (const pair of scalarPairsAt(map, `${prefix}match`)) out.push({ name: text(pair.key), type: '=', value: pair.value ? text(pair.value) : '' });
  for (const pair of scalarPairsAt(map, `${prefix}match_re`)) {
    if (!pair.value) continue;
    const parsed = parseMatchers(`${text(pair.key)}=~${JSON.stringify(text(pair.value))}`);
    if (!('reason' in parsed)) out.push(...parsed);
  }
  return out;
}

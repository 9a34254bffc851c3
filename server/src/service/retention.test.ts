import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from './languageService';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** A rule file of `rules` alerts, each with a `[5m]` window an edit can change in place; '—' makes it two bytes a character, as Japanese text does. */
function ruleFile(rules: number): string {
  const lines = ['groups:', '  - name: api', '    rules:'];
  for (let i = 0; i < rules; i++) {
    lines.push(
      `      - alert: HighErrorRate${i}`,
      `        expr: sum by (job) (rate(http_requests_total{job="api-${i}", code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="api-${i}"}[5m])) > 0.05`,
      '        for: 10m',
      '        labels:',
      '          severity: warning',
      '        annotations:',
      `          summary: "API ${i} — error rate above 5% for 10 minutes; see the runbook before paging the owner of job api-${i}"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How the heap grows over `edits` versions of a big rule file, after collecting garbage, as a
 * share of what keeping every version alive would cost (a version is 1 MB in memory per 2,000 rules).
 */
function heapGrowth(rules: number, edits: number, edit: (text: string, i: number) => string): number {
  const path = '/w/rules/big.yaml';
  const service = new LanguageService();
  let text = ruleFile(rules);
  let before = 0;
  const check = (version: number) => {
    const request = { file: { uri: `file://${path}`, text, version }, settings: DEFAULT_SETTINGS, location: { path } };
    service.index(request);
    return service.validate(request);
  };
  // Three edits first: the caches an edit fills (and a first edit's one-off work) are not growth.
  const WARM_UP = 3;
  for (let i = 0; i <= edits + WARM_UP; i++) {
    if (i > 0) text = edit(text, i - 1);
    check(i + 1);
    if (i === WARM_UP) {
      collectGarbage();
      before = process.memoryUsage().heapUsed;
    }
  }
  collectGarbage();
  return (process.memoryUsage().heapUsed - before) / (text.length * 2 * edits);
}

test('edits in many rules of a big file keep no earlier version of its text alive', () => {
  // Each edit changes another rule's window: the rule is read and checked again alone.
  const share = heapGrowth(2000, 30, (text, i) => {
    const at = text.indexOf('[5m]', i * 900) + 1;
    return `${text.slice(0, at)}6${text.slice(at + 1)}`;
  });
  // Kilobytes per edit are a share near 0 (what new rules add to the caches: up to ~0.2); every version kept is 1.
  assert.ok(share < 0.5, `the heap grew by ${share.toFixed(2)} of the versions' size`);
});

test('rules added to a big file (each a full read) keep no earlier version of its text alive', () => {
  const share = heapGrowth(2000, 20, (text, i) => {
    const at = text.indexOf('\n      - ', 2000 + i * 2000) + 1;
    return `${text.slice(0, at)}      - alert: Added${i}\n        expr: up{job="added-${i}-service"} == 0\n${text.slice(at)}`;
  });
  assert.ok(share < 0.5, `the heap grew by ${share.toFixed(2)} of the versions' size`);
});

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

test('edits in many rules of a big file keep no earlier version of its text alive', () => {
  const path = '/w/rules/big.yaml';
  const service = new LanguageService();
  let text = ruleFile(3000); // ~1.5 MB in memory
  const check = (version: number) => {
    const request = { file: { uri: `file://${path}`, text, version }, settings: DEFAULT_SETTINGS, location: { path } };
    service.index(request);
    return service.validate(request);
  };
  check(1);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  // Each edit changes another rule's window: the rule is read and checked again alone.
  const windows = [...text.matchAll(/\[5m\]/g)].filter((_, i) => i % 2 === 0).slice(0, 40);
  let version = 1;
  for (const window of windows) {
    const at = (window.index ?? 0) + 1;
    text = `${text.slice(0, at)}6${text.slice(at + 1)}`;
    check(++version);
  }
  collectGarbage();
  const grown = process.memoryUsage().heapUsed - before;
  // Forty versions of 1.5 MB each would be 60 MB; what an edited rule keeps is a few KB.
  assert.ok(grown < 15_000_000, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${windows.length} edits`);
  assert.equal(text.match(/\[6m\]/g)?.length, 40);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';

const FIXTURE = join(__dirname, 'fixtures', 'regex-anchors.yaml');

function check(text: string) {
  const service = new LanguageService();
  const request = { file: { uri: 'file:///ws/rules.yaml', text }, settings: DEFAULT_SETTINGS, location: { path: '/ws/rules.yaml' } };
  service.index(request);
  return service.validate(request).filter((d) => d.code === 'promql/regex-anchor');
}

test('promql/regex-anchor: leading ^ and trailing $ of label regexes, on the string, with a fix removing both', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const found = check(text);
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.message]),
    [
      [6, 51, 64, 'hint', '^ and $ in job=~"^(api|web)$" changes nothing: Prometheus anchors label regexes at both ends'],
      [9, 48, 57, 'hint', '^ in tier!~"^system" changes nothing: Prometheus anchors label regexes at both ends'],
    ],
  );
  const fix = found[0]?.fixes?.[0];
  assert.equal(fix?.title, 'Remove ^ and $');
  assert.deepEqual(
    fix?.edits.map((e) => [e.range.start.character, e.range.end.character, e.newText]),
    [
      [52, 53, ''],
      [62, 63, ''],
    ],
  );
});

test('promql/regex-anchor: silent on unanchored regexes, an escaped dollar in a raw string, and equality matchers', () => {
  const rules = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: ${expr}\n`;
  for (const expr of ['sum by (job) (up{job=~"api|web"})', 'sum by (job) (up{job=~`price\\$`})', 'sum by (job) (up{job="^api$"})']) {
    assert.deepEqual(check(rules(`'${expr}'`)), [], expr);
  }
});

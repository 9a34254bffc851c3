import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { DUPLICATE_CODE, checkDuplicates } from './duplicate';
import { analyzeText, readFixture, rows } from './testSupport';

describe('rules/duplicate', () => {
  it('warns on the second rule with the same name and labels, naming the first line', () => {
    const text = readFixture('duplicate-rules.yaml');
    assert.deepEqual(rows(text, analyzeText(text).findings, DUPLICATE_CODE), [
      ['8:15-8:26', 'warning', 'duplicate rule: alert "ServiceDown" with the same labels is already defined on line 4'],
      ['17:16-17:44', 'warning', 'duplicate rule: recording rule "service:http_requests:rate5m" is already defined on line 14 in group "first"'],
    ]);
  });

  it('keeps rules apart that differ in labels or sit in different documents', () => {
    const text = [
      'groups:',
      '  - name: a',
      '    rules:',
      '      - {alert: A, expr: up, labels: {severity: warning}}',
      '      - {alert: A, expr: up, labels: {severity: critical}}',
      '---',
      'groups:',
      '  - name: a',
      '    rules:',
      '      - {alert: A, expr: up, labels: {severity: warning}}',
      '',
    ].join('\n');
    assert.deepEqual(analyzeText(text).findings, []);
  });

  it('keeps the label pairs apart: two labels are not one label whose value holds the other', () => {
    const text = ['groups:', '  - name: a', '    rules:', '      - {alert: A, expr: up, labels: {a: x, b: y}}', '      - {alert: A, expr: up, labels: {a: "xb\\u0001y"}}', ''].join('\n');
    assert.deepEqual(analyzeText(text).findings, []);
  });

  it('reports under its code, rules/duplicate', () => {
    assert.equal(DUPLICATE_CODE, 'rules/duplicate');
  });
});

describe('rules/duplicate across edits', () => {
  const text = readFixture('duplicate-rules.yaml');
  /** The rules/duplicate diagnostics of `t`, validated by `service` as one document edited from version to version. */
  const duplicates = (service: LanguageService, t: string) =>
    service
      .validate({ file: { uri: 'file:///w/rules/duplicates.yaml', text: t }, settings: DEFAULT_SETTINGS, location: { path: '/w/rules/duplicates.yaml' } })
      .filter((d) => d.code === DUPLICATE_CODE);

  it('hands back the findings it made when checked again, so the service keeps their diagnostics', () => {
    const { rules } = analyzeText(text);
    const first = checkDuplicates(text, rules);
    const again = checkDuplicates(text, rules);
    assert.equal(again.length, 2);
    again.forEach((finding, i) => assert.equal(finding, first[i]));
  });

  it('says the new line when the first rule moved down a line and the second did not move (an edit of the same length in a rule above)', () => {
    const service = new LanguageService();
    const lineNamed = (t: string) => duplicates(service, t).map((d) => [d.range.start.line, /line (\d+)/.exec(d.message)?.[1]]);
    const withRuleAbove = (tail: string) => text.replace('    rules:\n', `    rules:\n      - record: pre:up:sum\n        expr: sum(up) ${tail}\n`);
    assert.deepEqual(lineNamed(withRuleAbove('+ 00000000000')), [
      [10, '6'],
      [19, '16'],
    ]);
    // Its expression becomes two lines of the same length (read as the same rule, moved): what follows keeps its offsets, one line down.
    assert.deepEqual(lineNamed(withRuleAbove('+\n          0')), [
      [11, '7'],
      [20, '17'],
    ]);
  });

  it('after an edit that only shifts them, the same findings as a file read anew (ranges included)', () => {
    const edited = new LanguageService();
    duplicates(edited, text);
    // A longer expression in the first rule: the second one's name starts a character later, on the same line.
    const longer = text.replace('expr: up == 0', 'expr: up == 00');
    const shifted = duplicates(edited, longer);
    assert.deepEqual(shifted, duplicates(new LanguageService(), longer));
    assert.equal(shifted[0]?.range.start.character, 15);
    assert.equal(shifted[0]?.range.start.line, 8);
  });
});

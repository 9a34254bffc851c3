import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DUPLICATE_CODE } from './duplicate';
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

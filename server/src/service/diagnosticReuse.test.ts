import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import type { Finding } from '../base/types';
import { LastDiagnostics, sameDiagnostics } from './diagnosticReuse';
import { toDiagnostics } from './languageService';

const OTHER_URI = 'file:///other.yaml';
const OTHER_TEXT = 'a: 1\r\nbb: 2\n';
const textOf = (uri: string) => (uri === OTHER_URI ? OTHER_TEXT : undefined);

const offset = fc.integer({ min: -2, max: 40 });
const finding: fc.Arbitrary<Finding> = fc.record(
  {
    start: offset,
    end: offset,
    code: fc.constantFrom('rules/duplicate', 'promql/syntax'),
    message: fc.constantFrom('one', 'two', 'three'),
    severity: fc.constantFrom('error' as const, 'warning' as const),
    fixes: fc.array(
      fc.record(
        { title: fc.constantFrom('fix', 'other fix'), preferred: fc.boolean(), edits: fc.array(fc.record({ start: offset, end: offset, newText: fc.constantFrom('', 'x') }), { maxLength: 2 }) },
        { requiredKeys: ['title', 'edits'] },
      ),
      { maxLength: 2 },
    ),
    disableAt: offset,
    related: fc.array(
      fc.record({ start: offset, end: offset, message: fc.constantFrom('here', 'there'), uri: fc.constantFrom(OTHER_URI, 'file:///unknown.yaml') }, { requiredKeys: ['start', 'end', 'message'] }),
      {
        maxLength: 3,
      },
    ),
  },
  { requiredKeys: ['start', 'end', 'code', 'message', 'severity'] },
);
const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '\r'), { maxLength: 30 }).map((parts) => parts.join(''));
const settings = fc.constantFrom<Settings>(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, diagnostics: { ...DEFAULT_SETTINGS.diagnostics, severity: { rules: 'hint', 'promql/syntax': 'off' } } });

test('diagnostics made with the last ones kept are equal to those made anew, and every one that is equal to a kept one is that object', () => {
  fc.assert(
    fc.property(text, fc.array(finding, { maxLength: 6 }), settings, text, fc.array(finding, { maxLength: 6 }), settings, (text1, findings1, settings1, text2, findings2, settings2) => {
      const before = toDiagnostics(text1, findings1, settings1, textOf);
      // The next version: new findings, and some of the old ones again (an edit elsewhere).
      const findings = [...findings2, ...findings1.filter((_, i) => i % 2 === 0)];
      const fresh = toDiagnostics(text2, findings, settings2, textOf);
      const reused = toDiagnostics(text2, findings, settings2, textOf, undefined, new LastDiagnostics(before));
      assert.deepEqual(reused, fresh);
      const kept = new Set(before);
      reused.forEach((diagnostic, i) => {
        const equalKept = before.some((old) => sameDiagnostics([old], [fresh[i] as (typeof fresh)[number]]));
        assert.equal(kept.has(diagnostic), equalKept, `diagnostic ${i} reused: ${String(kept.has(diagnostic))}, an equal one was kept: ${String(equalKept)}`);
      });
    }),
    { numRuns: 2000 },
  );
});

test('the same findings on the same text give back every kept diagnostic; a moved line, a new severity or a changed fix give new ones', () => {
  const text = 'groups:\n  - name: a\n    rules: []\n';
  const findings: Finding[] = [
    { start: 10, end: 17, code: 'rules/duplicate', message: 'dup', severity: 'warning', disableAt: 8 },
    { start: 20, end: 21, code: 'promql/syntax', message: 'bad', severity: 'error', fixes: [{ title: 'fix it', edits: [{ start: 20, end: 21, newText: 'x' }] }] },
  ];
  const before = toDiagnostics(text, findings, DEFAULT_SETTINGS);
  const last = new LastDiagnostics(before);
  const again = toDiagnostics(text, findings, DEFAULT_SETTINGS, undefined, undefined, last);
  assert.equal(again[0], before[0]);
  assert.equal(again[1], before[1]);

  const moved = toDiagnostics(
    `\n${text}`,
    findings.map((f) => ({ ...f, start: f.start + 1, end: f.end + 1, ...(f.disableAt === undefined ? {} : { disableAt: f.disableAt + 1 }) })),
    DEFAULT_SETTINGS,
    undefined,
    undefined,
    last,
  );
  assert.deepEqual(
    moved.map((d) => [d.range.start.line, before.includes(d)]),
    [
      [2, false],
      [3, false],
    ],
  );

  const quieter = toDiagnostics(text, findings, { ...DEFAULT_SETTINGS, diagnostics: { ...DEFAULT_SETTINGS.diagnostics, severity: { rules: 'hint' } } }, undefined, undefined, last);
  assert.deepEqual(
    quieter.map((d) => [d.severity, before.includes(d)]),
    [
      ['hint', false],
      ['error', true],
    ],
  );

  const otherFix = toDiagnostics(
    text,
    [findings[0] as Finding, { ...(findings[1] as Finding), fixes: [{ title: 'fix it', edits: [{ start: 20, end: 21, newText: 'y' }] }] }],
    DEFAULT_SETTINGS,
    undefined,
    undefined,
    last,
  );
  assert.deepEqual(
    otherFix.map((d) => before.includes(d)),
    [true, false],
  );
});

test('a related place at the same position in another document is another diagnostic', () => {
  const here: Finding = { start: 0, end: 1, code: 'rules/duplicate', message: 'dup', severity: 'warning', related: [{ start: 0, end: 1, message: 'first' }] };
  const there: Finding = { ...here, related: [{ start: 0, end: 1, message: 'first', uri: OTHER_URI }] };
  const before = toDiagnostics('ab\n', [here], DEFAULT_SETTINGS, textOf);
  const after = toDiagnostics('ab\n', [there], DEFAULT_SETTINGS, textOf, undefined, new LastDiagnostics(before));
  assert.deepEqual(after[0]?.related, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'first', uri: OTHER_URI }]);
  assert.notEqual(after[0], before[0]);
});

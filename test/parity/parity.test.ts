/**
 * Parity with Prometheus: every case in cases.txt gets the same verdict from
 * `promtool check rules` and checkPromql, and promtool's error position lies
 * inside our error range. disagreements.txt lists where promtool 2.42 and
 * Prometheus 3 differ; there we assert promtool still differs and we follow 3.
 * Fails (does not skip) when promtool is missing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPromql } from '../../server/src/promql/index';
import { readCases, readDisagreements } from './cases';
import { checkWithPromtool, promtoolVersion } from './promtool';

function errorsOf(expr: string) {
  return checkPromql(expr).filter((p) => p.severity === 'error');
}

test('promtool is installed', () => {
  assert.match(promtoolVersion(), /promtool, version/);
});

test('checkPromql agrees with promtool on every case in cases.txt', () => {
  const cases = readCases();
  assert.ok(cases.length >= 300, `expected a few hundred cases, got ${cases.length}`);
  const verdicts = checkWithPromtool(cases.map((c) => c.expr));
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const theirs = verdicts[i];
    if (!theirs) throw new Error(`no promtool verdict for cases.txt:${c.line}`);
    const ours = errorsOf(c.expr);
    const oursText = ours.map((p) => `[${p.from},${p.to}] ${p.message}`).join(' | ') || 'accepted';
    const theirsText = theirs.accepted ? 'accepted' : `at ${theirs.offset ?? '?'}: ${theirs.message ?? ''}`;
    if (theirs.accepted !== (ours.length === 0)) {
      failures.push(`cases.txt:${c.line} ${c.expr}\n    promtool: ${theirsText}\n    ours:     ${oursText}`);
    } else if (theirs.offset !== undefined && !ours.some((p) => p.from <= theirs.offset! && theirs.offset! <= p.to)) {
      failures.push(`cases.txt:${c.line} ${c.expr} (position)\n    promtool: ${theirsText}\n    ours:     ${oursText}`);
    }
  });
  assert.equal(failures.length, 0, `${failures.length} case(s) disagree:\n${failures.join('\n')}`);
});

test('where promtool 2.42 and Prometheus 3 disagree, checkPromql follows Prometheus 3', () => {
  const cases = readDisagreements();
  const verdicts = checkWithPromtool(cases.map((c) => c.expr));
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const theirs = verdicts[i];
    const oursValid = errorsOf(c.expr).length === 0;
    if (oursValid !== (c.prometheus3 === 'valid')) failures.push(`disagreements.txt:${c.line} ${c.expr}: checkPromql does not say ${c.prometheus3}`);
    if (theirs?.accepted === (c.prometheus3 === 'valid')) failures.push(`disagreements.txt:${c.line} ${c.expr}: promtool agrees after all, move it to cases.txt`);
  });
  assert.equal(failures.length, 0, failures.join('\n'));
});

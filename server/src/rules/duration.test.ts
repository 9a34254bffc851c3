import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePrometheusDuration, suggestDuration } from './duration';

describe('parsePrometheusDuration', () => {
  it('accepts what promtool 2.42 accepts', () => {
    for (const [text, ms] of [
      ['1h30m', 5400e3],
      ['90s', 90e3],
      ['0', 0],
      ['0s', 0],
      ['100ms', 100],
      ['1d1h', 90000e3],
      ['1y', 31536000e3],
    ] as const) {
      assert.deepEqual(parsePrometheusDuration(text), { ok: true, milliseconds: ms }, text);
    }
  });
  it('rejects what promtool 2.42 rejects, saying what would be right', () => {
    for (const text of ['1.5m', '-1m', '1', '5 minutes', '1h1d']) {
      const result = parsePrometheusDuration(text);
      assert.equal(result.ok, false, text);
    }
    assert.deepEqual(parsePrometheusDuration(''), { ok: false, message: 'empty duration string' });
    assert.deepEqual(parsePrometheusDuration('5 minutes'), {
      ok: false,
      message: 'not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"',
    });
  });
  it('suggests a duration for common mistakes', () => {
    assert.equal(suggestDuration('5 minutes'), '5m');
    assert.equal(suggestDuration('1.5m'), '90s');
    assert.equal(suggestDuration('1.5h'), '90m');
    assert.equal(suggestDuration('30'), '30s');
    assert.equal(suggestDuration('10 Seconds'), '10s');
    assert.equal(suggestDuration('soon'), undefined);
  });
});

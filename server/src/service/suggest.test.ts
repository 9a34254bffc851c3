import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatch, closestMatches } from './suggest';

describe('closestMatch', () => {
  const functions = ['humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp', 'toUpper', 'title'];
  it('finds small edits, ignoring case', () => {
    assert.equal(closestMatch('toupper', functions), 'toUpper');
    assert.equal(closestMatch('humanise', functions), 'humanize');
    assert.equal(closestMatch('annotation', ['annotations', 'labels']), 'annotations');
  });
  it('expands abbreviations', () => {
    assert.equal(closestMatch('humanizePct', functions), 'humanizePercentage');
    assert.equal(closestMatch('humanizeDur', functions), 'humanizeDuration');
  });
  it('stays silent when nothing is close', () => {
    assert.equal(closestMatch('query_range', functions), undefined);
    assert.equal(closestMatch('xyz', ['record', 'alert', 'expr']), undefined);
  });
});

describe('closestMatches', () => {
  it('ranks by distance, then by name, and stops at the limit', () => {
    assert.deepEqual(closestMatches('rat', ['rate', 'irate', 'sort', 'ratio', 'round'], 2), ['rate']);
    assert.deepEqual(closestMatches('sume', ['sum', 'some', 'sun', 'avg'], 2), ['some', 'sum']);
    assert.deepEqual(closestMatches('jsno', ['text', 'json']), ['json']);
    assert.deepEqual(closestMatches('sample_ratio', ['enabled', 'endpoint', 'sample_rate']), ['sample_rate']);
    assert.deepEqual(closestMatches('profiling', ['log', 'trace', 'metrics']), []);
  });
});

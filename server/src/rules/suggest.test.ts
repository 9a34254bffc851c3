import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closestName } from './suggest';

describe('closestName', () => {
  const functions = ['humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp', 'toUpper', 'title'];
  it('finds small edits, ignoring case', () => {
    assert.equal(closestName('toupper', functions), 'toUpper');
    assert.equal(closestName('humanise', functions), 'humanize');
    assert.equal(closestName('annotation', ['annotations', 'labels']), 'annotations');
  });
  it('expands abbreviations', () => {
    assert.equal(closestName('humanizePct', functions), 'humanizePercentage');
    assert.equal(closestName('humanizeDur', functions), 'humanizeDuration');
  });
  it('stays silent when nothing is close', () => {
    assert.equal(closestName('query_range', functions), undefined);
    assert.equal(closestName('xyz', ['record', 'alert', 'expr']), undefined);
  });
});

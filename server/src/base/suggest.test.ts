import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatch, closestMatches, NameIndex } from './suggest';

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

describe('NameIndex', () => {
  // The index must answer what closestMatch over the whole list answers, only faster.
  const names = [
    'http_requests_total',
    'http_request_duration_seconds_bucket',
    'HTTP_Requests_Total',
    'grpc_server_handled_total',
    'process_cpu_seconds_total',
    'node_cpu_seconds_total',
    'job:http_requests:rate5m',
    'service:http_errors:rate5m',
    'up',
    'upx',
    'kafka_messages_produced_total',
    'kafka_messages_consumed_total',
    'rate',
    'ratio',
    'humanizePercentage',
  ];
  const queries = [
    'http_request_total',
    'htpt_requests_total',
    'HTTP_REQUESTS_TOTAL',
    'node_cpu_second_total',
    'job:http_request:rate5m',
    'up',
    'u',
    'kafka_messages_produce_total',
    'kafka_mesages_consumed_total',
    'humanizePct',
    'nothing_like_it',
    'service:http_error:rate5m',
    'rat',
    'ratr',
    'grpc_server_handled',
  ];
  it('agrees with closestMatch over the whole list', () => {
    const index = new NameIndex(names);
    for (const query of queries) {
      const expected =
        closestMatch(
          query,
          names.filter((n) => n.length >= query.length - 3 && n.length <= query.length + 3),
        ) ??
        closestMatch(
          query,
          names.filter((n) => n.length > query.length),
        );
      assert.equal(index.closest(query), expected, query);
      assert.equal(index.closest(query), expected, `${query}, remembered`);
    }
  });
  it('breaks ties by name, as closestMatches ranks them', () => {
    assert.equal(new NameIndex(['abce', 'abcf', 'abcx']).closest('abcd'), closestMatches('abcd', ['abce', 'abcf', 'abcx'], 1)[0]);
    assert.equal(new NameIndex(['zeta_total', 'beta_total']).closest('eta_total'), 'beta_total');
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../base/types';
import type { CheckExpression } from '../promql/site';
import { analyzeDashboard } from './analysis';
import { checkQueries, promqlSitesOf, type QueryStats } from './queries';

const PROM = { type: 'prometheus', uid: 'p' };
const LOKI = { type: 'loki', uid: 'l' };
const MIXED = { type: 'datasource', uid: '-- Mixed --' };

function modelOf(text: string) {
  const { model } = analyzeDashboard(text);
  if (!model) throw new Error('not a dashboard');
  return model;
}

/** A stand-in PromQL checker: one finding over the whole query it is handed, the query as its message. */
const seen: CheckExpression = (site) => {
  const [start, end] = site.toDocumentRange(0, site.value.length);
  return [{ start, end, code: 'seen/promql', severity: 'information', message: site.value }];
};

/** Findings as [code, severity, the document text they cover, message]; the stats as they were counted. */
function queries(dashboard: unknown) {
  const text = JSON.stringify(dashboard, null, 1);
  const stats: QueryStats = { promql: 0, logql: 0, skipped: 0 };
  const findings = checkQueries(text, modelOf(text), seen, stats).map((f: Finding) => [f.code, f.severity, text.slice(f.start, f.end), f.message]);
  return { findings, stats };
}

test('each target goes to the checker of its datasource; the counts say which', () => {
  const { findings, stats } = queries({
    title: 't',
    panels: [
      7,
      { id: 1, datasource: PROM, targets: [{ expr: 'up' }, 5, { refId: 'B' }, { expr: '   ' }, { expr: 3 }, { expr: 'a{b="c"}', datasource: null }] },
      { id: 2, datasource: LOKI, targets: [{ expr: '{servce="a"}' }, { expr: 'up', datasource: PROM }] },
      { id: 3, datasource: { type: 'postgres', uid: 'pg' }, targets: [{ expr: 'select 1' }] },
      { id: 4, targets: [{ expr: 'sum(x)' }] },
      { id: 5, datasource: 'somewhere', targets: [{ expr: '{service="a"} |= "x"' }, { expr: 'rate(x[5m])' }, { expr: 'sum(' }, { expr: 'no way(' }] },
    ],
  });
  assert.deepEqual(findings, [
    ['seen/promql', 'information', 'up', 'up'],
    ['seen/promql', 'information', 'a{b=\\"c\\"}', 'a{b="c"}'],
    ['logql/unknown-label', 'warning', 'servce', '"servce" is not a k1s0 log stream label; did you mean "service"? (design: ログラベル設計: service, tier, environment, level, trace_id).'],
    ['seen/promql', 'information', 'up', 'up'],
    ['seen/promql', 'information', 'sum(x)', 'sum(x)'],
    ['seen/promql', 'information', 'rate(x[5m])', 'rate(x[5m])'],
    ['seen/promql', 'information', 'sum(', 'sum('],
    ['seen/promql', 'information', 'no way(', 'no way('],
  ]);
  assert.deepEqual(stats, { promql: 7, logql: 2, skipped: 1 });
});

test('a Mixed panel: each target needs its own datasource (a warning on "expr" when it has none), and runs on it', () => {
  const { findings, stats } = queries({
    title: 't',
    panels: [{ id: 1, datasource: MIXED, targets: [{ expr: 'up' }, { expr: '{service="a"}', datasource: LOKI }, { expr: 'up', datasource: '-- Mixed --' }, { expr: '' }] }],
  });
  const warning = 'This query of a "-- Mixed --" panel names no datasource of its own, so Grafana runs it on the default datasource; set the target\'s "datasource".';
  assert.deepEqual(findings, [
    ['dashboard/structure', 'warning', '"expr"', warning],
    ['seen/promql', 'information', 'up', 'up'],
    ['dashboard/structure', 'warning', '"expr"', warning],
    ['seen/promql', 'information', 'up', 'up'],
  ]);
  assert.deepEqual(stats, { promql: 2, logql: 1, skipped: 0 });
  const { stats: mixedTarget } = queries({ title: 't', panels: [{ id: 1, datasource: PROM, targets: [{ expr: 'up', datasource: MIXED }] }] });
  assert.deepEqual(mixedTarget, { promql: 1, logql: 0, skipped: 0 }, "a target naming Mixed runs on its panel's datasource");
});

test('undefined variables in queries: on the reference, did-you-mean on the name only; built-ins are defined', () => {
  const dashboard = {
    title: 't',
    templating: { list: [{ name: 'job', type: 'query' }] },
    panels: [{ id: 1, datasource: PROM, targets: [{ expr: 'rate(x{job="$jb", a="${zzzz}"}[$__rate_interval])' }] }],
  };
  const text = JSON.stringify(dashboard);
  const findings = checkQueries(text, modelOf(text), () => []);
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, text.slice(f.start, f.end), f.message]),
    [
      [
        'dashboard/variable',
        'error',
        '$jb',
        'Template variable "$jb" is not defined in this dashboard\'s templating; did you mean "$job"? (defined: $job). Grafana leaves it as it is, and the query fails or matches nothing.',
      ],
      [
        'dashboard/variable',
        'error',
        '${zzzz}',
        'Template variable "$zzzz" is not defined in this dashboard\'s templating (defined: $job). Grafana leaves it as it is, and the query fails or matches nothing.',
      ],
    ],
  );
  assert.deepEqual(
    findings.map((f) => f.fixes?.map((fix) => [fix.title, fix.preferred, ...fix.edits.map((e) => [text.slice(e.start, e.end), e.newText])])),
    [[['Change to "$job"', true, ['jb', 'job']]], undefined],
  );
});

test('undefined datasource variables: once per datasource, on the reference, naming what is defined', () => {
  const dashboard = {
    title: 't',
    panels: [
      { id: 1, datasource: '${ds}', targets: [{ expr: 'up' }, { expr: 'up', datasource: { type: 'prometheus', uid: '$dz' } }] },
      { id: 2, datasource: { uid: '$ds' }, targets: [] },
    ],
  };
  const text = JSON.stringify(dashboard);
  const findings = checkQueries(text, modelOf(text), () => []);
  const message = (name: string) =>
    `Datasource variable "$${name}" is not defined in this dashboard's templating or __inputs (the dashboard defines no variables); Grafana cannot find the datasource and the panel stays empty.`;
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, f.start, text.slice(f.start, f.end), f.message, f.fixes]),
    [
      ['dashboard/variable', 'error', text.indexOf('${ds}'), '${ds}', message('ds'), undefined],
      ['dashboard/variable', 'error', text.indexOf('$dz'), '$dz', message('dz'), undefined],
      ['dashboard/variable', 'error', text.indexOf('$ds"'), '$ds', message('ds'), undefined],
    ],
  );
});

test('promqlSitesOf: the PromQL targets with the range of their JSON string; LogQL and other datasources are left out', () => {
  const text = JSON.stringify({
    title: 't',
    templating: { list: [{ name: 'w', type: 'interval' }] },
    panels: [
      { id: 1, targets: [{ expr: 'rate(x[$w])' }, { expr: '{a="b"}', datasource: LOKI }, { expr: 'select', datasource: { type: 'mysql' } }] },
      { id: 2, datasource: 'unknown-one', targets: [{ expr: '{a="b"} |= "x"' }, { expr: 'up' }] },
    ],
  });
  const sites = promqlSitesOf(text, modelOf(text));
  assert.deepEqual(
    sites.map(({ site, start, end }) => [text.slice(start, end), site.value.length, site.toDocumentRange(0, 4).map((o) => o - start)]),
    [
      ['"rate(x[$w])"', 'rate(x[$w])'.length, [1, 5]],
      ['"up"', 2, [1, 3]],
    ],
  );
  const [first] = sites;
  assert.equal(first?.site.isSubstituted?.(7, 9), true, 'the stand-in of $w');
  assert.equal(first?.site.isSubstituted?.(0, 4), false);
});

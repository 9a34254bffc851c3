import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseYaml } from '../base/yaml/parse';
import { analyzeRuleFile } from './analyze';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promtoolCheck, requirePromtool } from './promtoolOracle';
import { analyzeText, fixturePath, readFixture, rows } from './testSupport';

describe('analyzeRuleFile', () => {
  it("finds nothing wrong in the k1s0 design's own rule files", () => {
    for (const name of ['k1s0-recording_rules.yaml', 'k1s0-alerting_rules.yaml', 'prometheus-rule-crd.yaml']) {
      const text = readFixture(name);
      assert.deepEqual(rows(text, analyzeText(text).findings), [], name);
    }
  });

  it('models the rules with located names, expressions, labels and annotations', () => {
    const recording = readFixture('k1s0-recording_rules.yaml');
    const { rules, groups } = analyzeText(recording);
    assert.deepEqual(
      groups.map((g) => [g.name, g.interval?.value.value, g.rules.length]),
      [
        ['red-recording-rules', '30s', 7],
        ['slo-recording-rules', undefined, 2],
      ],
    );
    const errors = rules.find((r) => r.name === 'service:http_errors:rate5m');
    assert.ok(errors?.expr);
    assert.equal(errors.kind, 'record');
    assert.equal(errors.expr.value, 'sum(rate(http_requests_total{status=~"5.."}[5m])) by (service)\n/ sum(rate(http_requests_total[5m])) by (service)\n');
    const slash = errors.expr.value.indexOf('/');
    assert.equal(recording.slice(errors.expr.toDocumentOffset(slash), errors.expr.toDocumentOffset(slash) + 7), '/ sum(r');
    assert.equal(recording.slice(errors.nameEntry.keyStart, errors.nameEntry.keyEnd), 'record');
    assert.equal(recording.slice(errors.nameEntry.value.start, errors.nameEntry.value.end), 'service:http_errors:rate5m');

    const alerting = readFixture('k1s0-alerting_rules.yaml');
    const high = analyzeText(alerting).rules.find((r) => r.name === 'HighErrorRate');
    assert.ok(high?.expr && high.for);
    assert.deepEqual([high.kind, high.group, high.for.value.value], ['alert', 'local-dev-alerts', '2m']);
    assert.deepEqual(
      high.labels.map((l) => [l.key, l.value.value]),
      [['severity', 'warning']],
    );
    const description = high.annotations.find((a) => a.key === 'description');
    assert.ok(description);
    const pipe = description.value.value.indexOf('humanizePercentage');
    assert.equal(alerting.slice(description.value.toDocumentOffset(pipe), description.value.toDocumentOffset(pipe) + 18), 'humanizePercentage');
  });

  it('places findings on the same tokens when the file has CRLF line breaks', () => {
    const tokens = (text: string) => analyzeText(text).findings.map((f) => text.slice(f.start, f.end));
    const text = readFixture('template-broken.yaml');
    assert.deepEqual(tokens(text.replace(/\n/g, '\r\n')), tokens(text));
  });

  it('reads rules of every PrometheusRule document in a stream', () => {
    const { rules } = analyzeText(readFixture('prometheus-rule-crd.yaml'));
    assert.deepEqual(
      rules.map((r) => [r.documentIndex, r.group, r.kind, r.name]),
      [[1, 'k1s0.rules', 'alert', 'ServiceDown']],
    );
  });

  const brokenFiles: [string, number, RegExp][] = [
    ['annotations-on-record.yaml', 6, /invalid field 'annotations' in recording rule/],
    ['bad-duration.yaml', 6, /not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"/],
    ['bad-record-name.yaml', 4, /invalid recording rule name: "service-up-sum"/],
    ['groups-not-a-list.yaml', 2, /'groups' must be a list of rule groups, found a mapping/],
    ['record-and-alert.yaml', 5, /only one of 'record' and 'alert' must be set/],
    ['repeated-group.yaml', 4, /group name "k1s0" is repeated in the same file \(first defined on line 2\)/],
    ['reserved-label.yaml', 7, /invalid label name: __name__/],
    ['template-function.yaml', 7, /function "humanizePct" not defined .*did you mean "humanizePercentage"/],
    ['unknown-rule-field.yaml', 5, /field expresion not found in type rulefmt.RuleNode/],
  ];
  for (const [name, line, message] of brokenFiles) {
    it(`reports an error where promtool rejects broken/${name}`, () => {
      requirePromtool();
      const file = fixturePath(join('broken', name));
      const verdict = promtoolCheck({ file });
      assert.equal(verdict.accepted, false, `promtool accepts ${name}:\n${verdict.output}`);
      const text = readFileSync(file, 'utf8');
      const errors = rows(text, analyzeText(text).findings).filter(([, severity]) => severity === 'error');
      assert.ok(
        errors.some(([range, , text]) => range.startsWith(`${line - 1}:`) && message.test(text)),
        `${name}: expected an error on line ${line} matching ${message}, got ${JSON.stringify(errors)}`,
      );
    });
  }

  it('never throws and keeps findings inside the text, whatever the file has become', () => {
    const sources = ['structure-broken.yaml', 'template-broken.yaml', 'k1s0-alerting_rules.yaml', 'prometheus-rule-crd.yaml'].map(readFixture);
    const mangled = fc.tuple(fc.constantFrom(...sources), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'dup', 'indent', 'dedent', 'cut')), { maxLength: 8 })).map(([text, edits]) => {
      const lines = text.split('\n');
      for (const [at, edit] of edits) {
        const i = at % lines.length;
        const line = lines[i] ?? '';
        if (edit === 'drop') lines.splice(i, 1);
        else if (edit === 'dup') lines.splice(i, 0, line);
        else if (edit === 'indent') lines[i] = `  ${line}`;
        else if (edit === 'dedent') lines[i] = line.replace(/^ {1,2}/, '');
        else lines[i] = line.slice(0, Math.floor(line.length / 2));
      }
      return lines.join('\n');
    });
    fc.assert(
      fc.property(mangled, (text) => {
        const { findings } = analyzeRuleFile(text, parseYaml(text).documents);
        for (const f of findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, JSON.stringify(f));
      }),
      { numRuns: 300 },
    );
  });
});

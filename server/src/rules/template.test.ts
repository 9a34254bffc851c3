import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promtoolCheck, requirePromtool } from './promtoolOracle';
import { TEMPLATE_CODE } from './template';
import { analyzeText, fixturePath, readFixture, rows } from './testSupport';

describe('rules/template', () => {
  it('places each template problem on its token inside the YAML value', () => {
    const text = readFixture('template-broken.yaml');
    const { findings } = analyzeText(text);
    assert.deepEqual(rows(text, findings, TEMPLATE_CODE), [
      ['8:68-8:79', 'error', 'annotation "summary": function "humanizePct" not defined in Prometheus templates; did you mean "humanizePercentage"?'],
      ['10:15-10:22', 'error', 'annotation "description": undefined variable "$lables"; did you mean "$labels"?'],
      ['11:45-11:46', 'error', 'annotation "description": template: unexpected "}" in operand'],
      ['12:23-12:25', 'error', 'annotation "runbook": template: unexpected EOF: missing {{end}} for {{if}}'],
      ['13:21-13:24', 'error', 'annotation "extra": template: unexpected {{end}}'],
      ['14:39-14:46', 'error', 'annotation "escaped": function "toupper" not defined in Prometheus templates; did you mean "toUpper"?'],
    ]);
  });

  it('offers did-you-mean fixes that replace exactly the misspelt token', () => {
    const text = readFixture('template-broken.yaml');
    const fixes = analyzeText(text).findings.flatMap((f) => f.fixes ?? []);
    assert.deepEqual(
      fixes.map((fix) => [fix.title, text.slice(fix.edits[0]?.start, fix.edits[0]?.end)]),
      [
        ["Change to 'humanizePercentage'", 'humanizePct'],
        ["Change to '$labels'", '$lables'],
        ["Change to 'toUpper'", 'toupper'],
      ],
    );
  });

  it("leaves recording rules' labels alone: Prometheus does not expand them", () => {
    const text = 'groups:\n  - name: a\n    rules:\n      - record: x\n        expr: up\n        labels:\n          t: "{{ end }}"\n';
    assert.deepEqual(analyzeText(text).findings, []);
  });

  it('knows the variables Prometheus defines and the functions it adds', () => {
    const text = [
      'groups:',
      '  - name: a',
      '    rules:',
      '      - alert: A',
      '        expr: up',
      '        annotations:',
      '          a: "{{ $labels.job }} {{ $value | humanize1024 }} {{ $externalLabels.cluster }} {{ $externalURL }}"',
      '          b: "{{ with query \\"up\\" }}{{ . | first | value | humanizePercentage }}{{ end }}"',
      '          c: |',
      '            {{- range $i, $e := $labels }}{{ $i }}={{ $e | reReplaceAll "a" "b" | title }}{{ end -}}',
      '            {{ template "x" . }}{{ define "x" }}{{ .Labels.job }}{{ end }}',
      '',
    ].join('\n');
    assert.deepEqual(analyzeText(text).findings, []);
  });

  it('agrees with promtool that the fixture is rejected', () => {
    requirePromtool();
    const verdict = promtoolCheck({ file: fixturePath('template-broken.yaml') });
    assert.equal(verdict.accepted, false);
    assert.match(verdict.output, /function "humanizePct" not defined/);
  });
});

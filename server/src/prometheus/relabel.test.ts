import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig } from './testSupport';

test('relabel rules: each action’s target label, modulus and replacement; the fields an action forbids unless left at their defaults', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    relabel_configs:',
    '      - source_labels: [a]',
    '      - action: hashmod',
    '        target_label: b',
    '        modulus: 0',
    '      - action: hashmod',
    '        target_label: "$1"',
    '        modulus: 4',
    '      - action: hashmod',
    '        target_label: c',
    '        modulus: 8',
    '      - action: uppercase',
    '        target_label: "1d"',
    '        replacement: $1',
    '      - action: labelmap',
    '      - action: labelmap',
    '        regex: "x_(.+)"',
    '        replacement: "y_${1}"',
    '      - action: labelkeep',
    '        regex: a',
    '        source_labels: [a]',
    '        target_label: b',
    '        modulus: 2',
    '        separator: ";"',
    '        replacement: x',
    '      - action: labeldrop',
    '        source_labels: ~',
    '        target_label: ""',
    '        modulus: 0',
    '        replacement: $1',
    '      - action: dropequal',
    '        source_labels: [a]',
    '        target_label: b',
    '        regex: ~',
    '        modulus: 1',
    '        separator: ","',
    '        replacement: y',
    '      - action: keepequal',
    '        source_labels: [a]',
    '        target_label: b',
    '        separator: ";"',
    '      - action: lowercase',
    '        target_label: e',
    '      - action: keep',
    '        regex: "a|b"',
    '      - action: replace',
    '        target_label: "a-b"',
    '      - action: replace',
    '        target_label: "${1}"',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    "3:8-3:21 error prometheus/config relabel configuration for replace action requires 'target_label' value",
    '6:17-6:18 error prometheus/config relabel configuration for hashmod requires non-zero modulus',
    '8:22-8:26 error prometheus/config "$1" is invalid \'target_label\' for hashmod action',
    '14:22-14:26 error prometheus/config "1d" is invalid \'target_label\' for uppercase action',
    "22:8-22:21 error prometheus/config labelkeep action requires only 'regex', and no other fields: remove source_labels",
    "23:8-23:20 error prometheus/config labelkeep action requires only 'regex', and no other fields: remove target_label",
    "24:8-24:15 error prometheus/config labelkeep action requires only 'regex', and no other fields: remove modulus",
    "26:8-26:19 error prometheus/config labelkeep action requires only 'regex', and no other fields: remove replacement",
    "36:8-36:15 error prometheus/config dropequal action requires only 'source_labels' and 'target_label', and no other fields: remove modulus",
    "37:8-37:17 error prometheus/config dropequal action requires only 'source_labels' and 'target_label', and no other fields: remove separator",
    "38:8-38:19 error prometheus/config dropequal action requires only 'source_labels' and 'target_label', and no other fields: remove replacement",
    '48:22-48:27 error prometheus/config "a-b" is invalid \'target_label\' for replace action',
  ]);
});

test('a prometheus.yaml that does not parse gets its syntax error only: relabel rules, HTTP clients and rule files are not judged', () => {
  const text =
    'scrape_configs:\n  - job_name: a\n    bearer_token: t\n    bearer_token_file: f\n    relabel_configs:\n      - action: hashmod\n    tls_config:\n      cert_file: c\nrule_files: [a*/b.yml]\ntracing:\n  tls_config:\n    key_file: k\nx: [\n';
  assert.deepEqual(checkConfig(text, { codes: ['prometheus/config', 'yaml/syntax'] }), [
    '13:0-13:0 error yaml/syntax Flow sequence in block collection must be sufficiently indented and end with a ]',
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import type { Finding } from '../base/types';
import { lines, rangeOf, spanOf } from '../../../test/support/text';
import { applySuppressions as applyWithCodes, codeMatches, disableFix, multilineScalars, parseDirectives, type SuppressionInput } from './suppression';
import { DIAGNOSTIC_CODES } from '../checks/registry';

/** As the language service calls it: every registered code is known, and the codes the input adds. */
const applySuppressions = (input: SuppressionInput) => applyWithCodes({ ...input, knownCodes: [...DIAGNOSTIC_CODES, ...(input.knownCodes ?? [])] });

const finding = (text: string, needle: string, code: string, occurrence = 0): Finding => {
  const [start, end] = spanOf(text, needle, occurrence);
  return { start, end, code, severity: 'warning', message: `${code} here` };
};

/** Where "Disable <code> for this line" goes for a finding on the line of `needle`: that line's start. */
const lineStartOf = (text: string, needle: string): number => {
  const [start] = spanOf(text, needle);
  return text.lastIndexOf('\n', start - 1) + 1;
};

test('directives: keyword, codes (commas or spaces), reason after --; only comments alone on their line', () => {
  const text = lines(
    'a: 1 # k1s0-disable-next-line config/policy',
    '  #k1s0-disable-next-line config/policy,  promql/counter -- the reason -- with dashes',
    '# k1s0-disable catalog',
    '# k1s0-disabled config',
    'b: |',
    '  # k1s0-disable config',
  );
  const scalars = multilineScalars(text, parseAllDocuments(text) as never);
  assert.deepEqual(parseDirectives(text, scalars), [
    {
      kind: 'next-line',
      start: spanOf(text, 'k1s0-disable-next-line', 1)[0],
      end: spanOf(text, 'k1s0-disable-next-line', 1)[1],
      line: 1,
      codes: [
        { code: 'config/policy', start: spanOf(text, 'config/policy', 1)[0], end: spanOf(text, 'config/policy', 1)[1] },
        { code: 'promql/counter', start: spanOf(text, 'promql/counter')[0], end: spanOf(text, 'promql/counter')[1] },
      ],
      reason: 'the reason -- with dashes',
    },
    {
      kind: 'rest',
      start: spanOf(text, 'k1s0-disable catalog')[0],
      end: spanOf(text, 'k1s0-disable catalog')[0] + 'k1s0-disable'.length,
      line: 2,
      codes: [{ code: 'catalog', start: spanOf(text, 'catalog')[0], end: spanOf(text, 'catalog')[1] }],
    },
  ]);
});

test('codes match exactly or by area, as the severity settings do', () => {
  assert.equal(codeMatches('catalog', 'catalog/unknown-metric'), true);
  assert.equal(codeMatches('catalog/unknown-metric', 'catalog/unknown-metric'), true);
  assert.equal(codeMatches('catalog/unknown', 'catalog/unknown-metric'), false);
  assert.equal(codeMatches('cat', 'catalog/unknown-metric'), false);
});

test('next-line silences the next line only, stacked directives reach past each other, the rest keeps a disable fix', () => {
  const text = lines('observability:', '  log:', '    # k1s0-disable-next-line config/policy', '    # k1s0-disable-next-line config -- both on "format"', '    format: text', '    level: verbose');
  const findings = [finding(text, 'text', 'config/policy'), finding(text, 'verbose', 'config/schema')];
  assert.deepEqual(applySuppressions({ text, findings }), [{ ...finding(text, 'verbose', 'config/schema'), disableAt: lineStartOf(text, 'level: verbose') }]);
});

test('an unused suppression is a hint on its code; an unknown code a warning with did-you-mean and its fix', () => {
  const text = lines('# k1s0-disable-next-line config/polcy, promql/counter, nonsense', 'a: 1', '# k1s0-disable-next-line', 'b: 2');
  const [start, end] = spanOf(text, 'config/polcy');
  assert.deepEqual(applySuppressions({ text, findings: [] }), [
    {
      start,
      end,
      code: 'suppression/unknown-code',
      severity: 'warning',
      message: 'Unknown diagnostic code "config/polcy" in k1s0-disable-next-line. Did you mean "config/policy"?',
      fixes: [{ title: 'Change to "config/policy"', preferred: true, edits: [{ start, end, newText: 'config/policy' }] }],
    },
    {
      start: spanOf(text, 'nonsense')[0],
      end: spanOf(text, 'nonsense')[1],
      code: 'suppression/unknown-code',
      severity: 'warning',
      message: 'Unknown diagnostic code "nonsense" in k1s0-disable-next-line: name a code such as config/policy or an area such as config.',
    },
    {
      start: spanOf(text, 'k1s0-disable-next-line', 1)[0],
      end: spanOf(text, 'k1s0-disable-next-line', 1)[1],
      code: 'suppression/unknown-code',
      severity: 'warning',
      message: 'k1s0-disable-next-line needs a diagnostic code: "# k1s0-disable-next-line config/policy -- reason".',
    },
    {
      start: spanOf(text, 'promql/counter')[0],
      end: spanOf(text, 'promql/counter')[1],
      code: 'suppression/unused',
      severity: 'hint',
      message: 'Unused suppression: no promql/counter diagnostic on the next line; remove "promql/counter" from the directive.',
    },
  ]);
});

test('k1s0-disable lasts to the end of the rule it sits in, else to the end of the file', () => {
  const text = lines(
    'groups:',
    '  - name: g',
    '    rules:',
    '      - alert: A',
    '        # k1s0-disable catalog',
    '        expr: up{a="1"} > bad_metric',
    '      - alert: B',
    '        expr: bad_metric',
    '# k1s0-disable promql/counter',
    '# k1s0-disable rules',
  );
  const ruleA = { start: spanOf(text, 'alert: A')[0], end: spanOf(text, '      - alert: B')[0] };
  const ruleB = { start: spanOf(text, 'alert: B')[0], end: spanOf(text, '# k1s0-disable promql')[0] };
  const inA = finding(text, 'bad_metric', 'catalog/unknown-metric');
  const inB = finding(text, 'bad_metric', 'catalog/unknown-metric', 1);
  const result = applySuppressions({ text, findings: [inA, inB], rules: [ruleA, ruleB] });
  assert.deepEqual(
    result.map((f) => [f.code, text.slice(f.start, f.end), f.message]),
    [
      ['catalog/unknown-metric', 'bad_metric', 'catalog/unknown-metric here'],
      ['suppression/unused', 'promql/counter', 'Unused suppression: no promql/counter diagnostic in the rest of the file; remove "promql/counter" from the directive.'],
      ['suppression/unused', 'rules', 'Unused suppression: no rules diagnostic in the rest of the file; remove "rules" from the directive.'],
    ],
  );
  assert.equal(result[0]?.start, inB.start, 'the finding of rule B stays');
});

test("inside a block scalar: a # line is no directive, and the line of a finding is the scalar's first", () => {
  const text = lines(
    'groups:',
    '  - name: g',
    '    rules:',
    '      - record: a:b:c',
    '        # k1s0-disable-next-line catalog',
    '        expr: |',
    '          sum(',
    '            # k1s0-disable promql',
    '            rate(bad_total[5m]))',
  );
  const scalars = multilineScalars(text, parseAllDocuments(text) as never);
  assert.equal(parseDirectives(text, scalars).length, 1);
  assert.deepEqual(applySuppressions({ text, findings: [finding(text, 'bad_total', 'catalog/unknown-metric')], scalars }), []);
  // Without the directive, the fix goes above `expr: |`, where a directive is a YAML comment.
  const bare = text.replace('        # k1s0-disable-next-line catalog\n', '');
  const bareScalars = multilineScalars(bare, parseAllDocuments(bare) as never);
  const [kept] = applySuppressions({ text: bare, findings: [finding(bare, 'bad_total', 'catalog/unknown-metric')], scalars: bareScalars });
  assert.equal(kept?.disableAt, lineStartOf(bare, 'expr: |'));
  const exprLine = bare.slice(0, lineStartOf(bare, 'expr: |')).split('\n').length - 1;
  assert.deepEqual(disableFix(bare, exprLine, 'catalog/unknown-metric'), {
    title: 'Disable catalog/unknown-metric for this line',
    edits: [{ range: { start: { line: exprLine, character: 0 }, end: { line: exprLine, character: 0 } }, newText: '        # k1s0-disable-next-line catalog/unknown-metric\n' }],
  });
});

test('CRLF files get a CRLF directive; codes of this file count as known; findings of suppression itself are never silenced', () => {
  const text = 'a:\r\n  b: 1\r\n';
  const [kept] = applySuppressions({ text, findings: [finding(text, '1', 'consistency/metrics-path')], knownCodes: ['consistency/metrics-path'] });
  assert.equal(kept?.disableAt, 4);
  assert.deepEqual(disableFix(text, 1, 'consistency/metrics-path').edits, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  # k1s0-disable-next-line consistency/metrics-path\r\n' },
  ]);
  const directive = lines('# k1s0-disable suppression', 'a: 1');
  // suppression/* codes are known, but never silenced: such a directive suppresses nothing.
  assert.deepEqual(
    applySuppressions({ text: directive, findings: [finding(directive, 'a', 'suppression/unused')] }).map((f) => f.code),
    ['suppression/unused', 'suppression/unused'],
  );
});

test('through the language service: the fixtures of a rule file and a config file', () => {
  const service = new LanguageService();
  const check = (name: string) => {
    const path = join(__dirname, 'fixtures', name);
    const file = { uri: `file://${path}`, text: readFileSync(path, 'utf8') };
    service.index({ file, settings: DEFAULT_SETTINGS, location: { path } });
    return { text: file.text, diagnostics: service.validate({ file, settings: DEFAULT_SETTINGS, location: { path } }) };
  };
  const rules = check('alerts.yaml');
  assert.deepEqual(
    rules.diagnostics.map((d) => [d.code, d.severity, d.range, d.disableLine]),
    [
      ['suppression/unused', 'hint', rangeOf(rules.text, 'promql/counter'), undefined],
      ['catalog/unknown-metric', 'warning', rangeOf(rules.text, 'legacy_other_total'), rangeOf(rules.text, 'legacy_other_total').start.line],
    ],
  );
  const other = rules.diagnostics[1];
  assert.ok(other?.disableLine !== undefined);
  assert.deepEqual(disableFix(rules.text, other.disableLine, other.code).edits, [
    { range: { start: { line: other.range.start.line, character: 0 }, end: { line: other.range.start.line, character: 0 } }, newText: '        # k1s0-disable-next-line catalog/unknown-metric\n' },
  ]);

  const config = check('config.dev.yaml');
  assert.deepEqual(
    config.diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
    [
      ['suppression/unused', 'hint', rangeOf(config.text, 'config/policy'), 'Unused suppression: no config/policy diagnostic on the next line; remove "config/policy" from the directive.'],
      ['suppression/unknown-code', 'warning', rangeOf(config.text, 'config/polcy'), 'Unknown diagnostic code "config/polcy" in k1s0-disable-next-line. Did you mean "config/policy"?'],
      ['suppression/unused', 'hint', rangeOf(config.text, 'config/schema'), 'Unused suppression: no config/schema diagnostic on the next line; remove "config/schema" from the directive.'],
    ],
  );
  // Re-graded like any code: the unused hints can be turned off.
  const path = join(__dirname, 'fixtures', 'config.dev.yaml');
  const quiet = { ...DEFAULT_SETTINGS, diagnostics: { severity: { 'suppression/unused': 'off' as const } } };
  assert.deepEqual(
    service.validate({ file: { uri: `file://${path}`, text: config.text }, settings: quiet, location: { path } }).map((d) => d.code),
    ['suppression/unknown-code'],
  );
});

test('directives: on the last line without a line break, a reason marker with nothing after it, a reason without codes, \\r and \\r\\n line breaks', () => {
  assert.deepEqual(parseDirectives('# k1s0-disable catalog'), [{ kind: 'rest', start: 2, end: 14, line: 0, codes: [{ code: 'catalog', start: 15, end: 22 }] }]);
  assert.deepEqual(parseDirectives('# k1s0-disable catalog --\n'), [{ kind: 'rest', start: 2, end: 14, line: 0, codes: [{ code: 'catalog', start: 15, end: 22 }] }]);
  assert.deepEqual(parseDirectives('# k1s0-disable-next-line -- why\n'), [{ kind: 'next-line', start: 2, end: 24, line: 0, codes: [], reason: 'why' }]);
  assert.deepEqual(parseDirectives('# k1s0-disable-next-line catalog --  a -- b  \n')[0]?.reason, 'a -- b');
  assert.deepEqual(parseDirectives('a: 1\r# k1s0-disable-next-line promql/counter, catalog -- two codes\r\nb: 2\n'), [
    {
      kind: 'next-line',
      start: 7,
      end: 29,
      line: 1,
      codes: [
        { code: 'promql/counter', start: 30, end: 44 },
        { code: 'catalog', start: 46, end: 53 },
      ],
      reason: 'two codes',
    },
  ]);
});

test('multilineScalars: block and quoted scalars that go on to the next line, not one-line ones', () => {
  const text = 'a: hello\nb: |\n  x\n  y\nc: "one\n  two"\nd: x\n';
  const spans = multilineScalars(text, parseAllDocuments(text) as never);
  assert.deepEqual(
    spans.map((s) => text.slice(s.start, s.end)),
    ['|\n  x\n  y\n', '"one\n  two"'],
  );
});

test('k1s0-disable reaches past the next line: to the end of its rule [start, end), else of the file; never back', () => {
  const text = lines('a: 1', '# k1s0-disable promql/counter', 'b: 1', 'c: 1', 'd: 1');
  const at = (needle: string) => finding(text, needle, 'promql/counter');
  const keyword = spanOf(text, 'k1s0-disable')[0];
  const codeAt = spanOf(text, 'promql/counter');
  // Two lines below the directive is silenced too (not only the next line); the line above is not.
  assert.deepEqual(
    applySuppressions({ text, findings: [at('a: 1'), at('c: 1')] }).map((f) => text.slice(f.start, f.end)),
    ['a: 1'],
  );
  // A rule that starts where the keyword starts holds the directive; one ending there does not.
  const rule = (start: number, end: number) => ({ start, end });
  const unused = (rules: { start: number; end: number }[]) => applySuppressions({ text, findings: [], rules }).map((f) => [f.code, f.start, f.end, f.message]);
  assert.deepEqual(unused([rule(keyword, spanOf(text, 'c: 1')[0])]), [
    ['suppression/unused', ...codeAt, 'Unused suppression: no promql/counter diagnostic in the rest of this rule; remove "promql/counter" from the directive.'],
  ]);
  const fileWide = ['suppression/unused', ...codeAt, 'Unused suppression: no promql/counter diagnostic in the rest of the file; remove "promql/counter" from the directive.'];
  assert.deepEqual(unused([rule(0, keyword)]), [fileWide]);
  assert.deepEqual(unused([rule(keyword + 1, text.length)]), [fileWide]);
  // Of two rules, the one holding the directive decides.
  assert.deepEqual(
    unused([rule(0, keyword), rule(keyword, text.length)])[0]?.[3],
    'Unused suppression: no promql/counter diagnostic in the rest of this rule; remove "promql/counter" from the directive.',
  );
  // Inside a rule: a finding at the keyword itself is silenced, one at the rule's end is not (the end is not in the rule).
  const ruleEnd = spanOf(text, 'c: 1')[0];
  const onKeyword = { ...at('k1s0-disable'), start: keyword };
  const atEnd = at('c: 1');
  assert.deepEqual(
    applySuppressions({ text, findings: [onKeyword, at('b: 1'), atEnd], rules: [rule(keyword, ruleEnd)] }).map((f) => text.slice(f.start, f.end)),
    ['c: 1'],
  );
  // A rule starting after the keyword, or ending at it, does not hold the directive: it lasts to the end of the file.
  for (const rules of [[rule(keyword + 1, ruleEnd)], [rule(0, keyword)]]) assert.deepEqual(applySuppressions({ text, findings: [atEnd], rules }), [], JSON.stringify(rules));
});

test('multi-line scalars: a line starting where one ends, or where one starts, is outside it', () => {
  const text = lines('a: |', '  one', '# k1s0-disable-next-line promql/counter', 'b: 1', 'c: 1');
  const directiveLine = spanOf(text, '# k1s0-disable')[0];
  // The scalar ends where the directive's line starts: the directive counts.
  const ending = [{ start: spanOf(text, '|')[0], end: directiveLine }];
  assert.equal(parseDirectives(text, ending).length, 1);
  // A scalar starting at the directive's line start does not hide it either (the line is the scalar's first).
  assert.equal(parseDirectives(text, [{ start: directiveLine, end: spanOf(text, 'c: 1')[0] }]).length, 1);
  // A finding at a scalar's end is on its own line, not on the scalar's first.
  const plain = lines('a: |', '  one', 'b: 1');
  const b = finding(plain, 'b: 1', 'promql/counter');
  assert.equal(applySuppressions({ text: plain, findings: [b], scalars: [{ start: spanOf(plain, '|')[0], end: b.start }] })[0]?.disableAt, b.start);
  // Two scalars, listed in order: a finding in the second belongs to the second's first line.
  const two = lines('a: |', '  x', '  y', 'b: |', '  # k1s0-disable-next-line promql/counter', '  z', '  w');
  const scalars = multilineScalars(two, parseAllDocuments(two) as never);
  assert.deepEqual(
    scalars.map((s) => two.slice(s.start, s.end)),
    ['|\n  x\n  y\n', '|\n  # k1s0-disable-next-line promql/counter\n  z\n  w\n'],
  );
  const [kept] = applySuppressions({ text: two, findings: [finding(two, 'w', 'promql/counter')], scalars });
  assert.equal(kept?.disableAt, lineStartOf(two, 'b: |'));
});

test('copies kept from an earlier call: the same finding on the same line is the same copy; a finding on another line gets a new one', () => {
  const text = lines('a: 1', 'b: 2', 'c: 3');
  const finding: Finding = { start: 5, end: 6, code: 'config/schema', severity: 'warning', message: 'm' };
  const copies = new WeakMap<Finding, Finding>();
  const [first] = applySuppressions({ text, findings: [finding], copies });
  const [again] = applySuppressions({ text, findings: [finding], copies });
  assert.equal(again, first);
  assert.deepEqual(first, { ...finding, disableAt: 5 });
  const [moved] = applySuppressions({ text: `xx: 0\n${text}`, findings: [finding], copies });
  assert.notEqual(moved, first);
  assert.deepEqual(moved, { ...finding, disableAt: 0 });
  assert.deepEqual(applySuppressions({ text, findings: [finding] }), [first]);
});

test('a file without directives never reads the codes a directive may name (the caller makes them lazily)', () => {
  const text = lines('a: 1', 'b: 2');
  const finding: Finding = { start: 5, end: 6, code: 'config/schema', severity: 'warning', message: 'm' };
  const unread: Iterable<string> = {
    [Symbol.iterator]: () => {
      throw new Error('the known codes were read');
    },
  };
  assert.deepEqual(applyWithCodes({ text, findings: [finding], knownCodes: unread }), [{ ...finding, disableAt: 5 }]);
  assert.throws(() => applyWithCodes({ text: `# k1s0-disable-next-line config\n${text}`, findings: [finding], knownCodes: unread }), /the known codes were read/);
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseYaml } from '../base/yaml/parse';
import { analyzeRuleFile, type RuleFileAnalysis } from './analyze';
import { updateRuleFile, type RuleFileSnapshot } from './incremental';
import type { RuleModel } from './model';
import { analysisData, readFixture } from './testSupport';
import { multilineScalars } from '../suppression/suppression';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { setLocale } from '../l10n';

const FIXTURES = ['k1s0-recording_rules.yaml', 'k1s0-alerting_rules.yaml', 'prometheus-rule-crd.yaml', 'template-broken.yaml', 'duplicate-rules.yaml'];

/** A full parse and analysis, as the service makes them, and whether an update may start from it. */
function snapshot(text: string): RuleFileSnapshot & { clean: boolean } {
  const parsed = parseYaml(text);
  const rules = analyzeRuleFile(
    text,
    parsed.documents.filter((d) => d.errors.length === 0),
  );
  return { text, rules, scalars: multilineScalars(text, parsed.documents), clean: parsed.syntax.length === 0 };
}

/** An edit of a fixture: `insert` at a place inside some rule's expr value (replacing `remove` characters). */
const editArbitrary = fc.record({
  fixture: fc.constantFrom(...FIXTURES),
  rulePick: fc.nat(),
  offsetPick: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.constantFrom(
    '5',
    'x',
    ' ',
    '(',
    ')',
    '"',
    "'",
    ':',
    '#',
    '{',
    '}',
    '[5m]',
    '\n',
    '\n        for: 5m',
    '\n      - record: a:b\n        expr: up',
    '\n  - name: other',
    '\t',
    '&anchor ',
    '*alias',
    '|+',
    '\r',
    '',
  ),
});

function applyEdit(text: string, rules: readonly RuleModel[], edit: { rulePick: number; offsetPick: number; remove: number; insert: string }): string | undefined {
  const withExpr = rules.filter((r) => r.expr);
  const rule = withExpr[edit.rulePick % withExpr.length];
  if (!rule?.expr) return undefined;
  const at = rule.expr.start + (edit.offsetPick % Math.max(1, rule.expr.end - rule.expr.start));
  return text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
}

describe('updateRuleFile', () => {
  it('gives exactly what a full parse and analysis give, or declines', () => {
    let edited = 0;
    let incremental = 0;
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (edits) => {
        let current = snapshot(readFixture(edits[0]?.fixture ?? FIXTURES[0] ?? ''));
        for (const edit of edits) {
          const text = applyEdit(current.text, current.rules.rules, edit);
          if (text === undefined) return;
          const fresh = snapshot(text);
          const updated = current.clean ? updateRuleFile(current, text) : undefined;
          edited++;
          if (updated) {
            incremental++;
            assert.deepEqual(analysisData(updated.rules), analysisData(fresh.rules));
            assert.deepEqual(updated.scalars, fresh.scalars);
          }
          current = updated ? { ...updated, clean: true } : fresh;
        }
      }),
      { numRuns: 300 },
    );
    // Most of these edits stay inside one rule: the short way must be the common one, not a rarity.
    assert.ok(incremental > edited / 3, `${incremental} of ${edited} edits handled incrementally`);
  });

  it('takes the short way for a keystroke inside an expression, and declines an edit that reaches past the rule', () => {
    const text = readFixture('k1s0-alerting_rules.yaml');
    const before = snapshot(text);
    const rule = before.rules.rules[1];
    assert.ok(rule?.expr);
    const at = rule.expr.start + 2;
    const typed = updateRuleFile(before, `${text.slice(0, at)}x${text.slice(at)}`);
    assert.ok(typed, 'a character typed in an expression is handled incrementally');
    assert.equal(typed.rules.rules[1]?.expr?.value, `${rule.expr.value.slice(0, 2)}x${rule.expr.value.slice(2)}`);
    assert.equal(typed.rules.rules[2]?.start, (before.rules.rules[2]?.start ?? 0) + 1);
    // Joining the rule's last line with the next rule's `- ` line changes two rules: parse everything.
    const end = text.indexOf('\n', rule.end - 1);
    assert.equal(updateRuleFile(snapshot(text), `${text.slice(0, end)}${text.slice(end + 1)}`), undefined);
  });

  it('a finding after the edit that names a line, in Japanese too, is made again once lines move', () => {
    setLocale('ja');
    try {
      const text = 'groups:\n  - name: b\n    rules:\n      - record: a:b\n        expr: up\n      - record: a:c\n        expr: up\n  - name: a\n    rules: []\n  - name: a\n    rules: []\n';
      const at = text.indexOf('expr: up') + 'expr: up'.length;
      // The expression goes on on a new line: every line after it moves by one.
      const edited = `${text.slice(0, at)} +\n          up${text.slice(at)}`;
      const messages = (rules: RuleFileAnalysis) => rules.findings.map((f) => f.message);
      assert.deepEqual(messages(updateRuleFile(snapshot(text), edited)?.rules ?? snapshot(edited).rules), messages(snapshot(edited).rules));
      assert.deepEqual(messages(snapshot(edited).rules), ['グループ名 "a" がこのファイルで重複しています（最初の定義は 9 行目）。グループ名は一意にしてください']);
    } finally {
      setLocale('en');
    }
  });
});

describe('the language service while typing in a rule file', () => {
  it('publishes what a fresh service publishes, keystroke after keystroke', () => {
    const request = (text: string) => ({ file: { uri: 'file:///ws/alerts.yaml', text }, settings: DEFAULT_SETTINGS, location: { path: '/ws/alerts.yaml' } });
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (edits) => {
        const service = new LanguageService();
        let text = readFixture(edits[0]?.fixture ?? FIXTURES[0] ?? '');
        service.index(request(text));
        service.validate(request(text));
        for (const edit of edits) {
          const next = applyEdit(text, service.ruleAnalysis({ uri: 'file:///ws/alerts.yaml', text }).rules, edit);
          if (next === undefined) return;
          text = next;
          service.index(request(text));
          const fresh = new LanguageService();
          fresh.index(request(text));
          assert.deepEqual(service.validate(request(text)), fresh.validate(request(text)));
        }
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Parity with Alertmanager: every configuration of alertmanager-cases.txt
 * gets the verdict its header names from `amtool check-config` (0.25) and
 * from the checker (an error-severity diagnostic or none). Fails, never
 * skips, when amtool is missing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/base/settings';
import { LanguageService } from '../../server/src/service/languageService';
import { amtoolVersion, checkWithAmtool } from './amtool';

interface Case {
  line: number;
  valid: boolean;
  title: string;
  text: string;
}

function readCases(): Case[] {
  const lines = readFileSync(join(__dirname, 'alertmanager-cases.txt'), 'utf8').split('\n');
  const cases: Case[] = [];
  lines.forEach((line, i) => {
    const header = /^### (valid|invalid): (.*)$/.exec(line);
    if (header) cases.push({ line: i + 1, valid: header[1] === 'valid', title: header[2] ?? '', text: '' });
    else if (cases.length > 0) (cases[cases.length - 1] as Case).text += `${line}\n`;
  });
  return cases;
}

function ourErrors(text: string): string[] {
  const path = '/w/infra/alertmanager/alertmanager.yml';
  return new LanguageService()
    .validate({ file: { uri: `file://${path}`, text }, settings: DEFAULT_SETTINGS, location: { path } })
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
}

test('amtool is installed', () => {
  assert.match(amtoolVersion(), /amtool, version/);
});

test('the checker and amtool check-config agree on every case of alertmanager-cases.txt', () => {
  const cases = readCases();
  assert.ok(cases.length >= 40, `expected a few dozen cases, got ${cases.length}`);
  assert.ok(cases.filter((c) => c.valid).length >= 10, 'at least ten valid cases');
  const verdicts = checkWithAmtool(cases.map((c) => c.text));
  const failures: string[] = [];
  cases.forEach((c, i) => {
    const theirs = verdicts[i];
    if (!theirs) throw new Error(`no amtool verdict for alertmanager-cases.txt:${c.line}`);
    const ours = ourErrors(c.text);
    const said = `\n    amtool: ${theirs.accepted ? 'accepted' : theirs.message}\n    ours:   ${ours.join(' | ') || 'accepted'}`;
    if (theirs.accepted !== c.valid) failures.push(`alertmanager-cases.txt:${c.line} ${c.title}: amtool does not say ${c.valid ? 'valid' : 'invalid'}${said}`);
    if ((ours.length === 0) !== c.valid) failures.push(`alertmanager-cases.txt:${c.line} ${c.title}: the checker does not say ${c.valid ? 'valid' : 'invalid'}${said}`);
  });
  assert.equal(failures.length, 0, `${failures.length} disagreement(s):\n${failures.join('\n')}`);
});

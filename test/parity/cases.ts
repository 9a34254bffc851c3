/** Reads the parity data files: one expression per line, " ;; " separates fields. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ParityCase {
  line: number;
  expr: string;
  comment: string;
}

export interface DisagreementCase extends ParityCase {
  /** What Prometheus 3 (and checkPromql) decide. */
  prometheus3: 'valid' | 'invalid';
}

function dataLines(file: string): { line: number; text: string }[] {
  return readFileSync(join(__dirname, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'));
}

export function readCases(): ParityCase[] {
  return dataLines('cases.txt').map(({ line, text }) => {
    const [expr = '', comment = ''] = text.split(' ;; ');
    return { line, expr: expr.trimEnd(), comment };
  });
}

export function readDisagreements(): DisagreementCase[] {
  return dataLines('disagreements.txt').map(({ line, text }) => {
    const [verdict = '', expr = '', comment = ''] = text.split(' ;; ');
    if (verdict !== 'valid' && verdict !== 'invalid') throw new Error(`disagreements.txt:${line}: verdict must be valid or invalid`);
    if (comment.trim() === '') throw new Error(`disagreements.txt:${line}: say why 2.42 and 3 disagree`);
    return { line, expr, comment, prometheus3: verdict };
  });
}

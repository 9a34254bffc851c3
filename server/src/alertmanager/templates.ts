/** `alertmanager/config`: `templates` entries are file globs (Go's filepath.Glob refuses a malformed pattern). */
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { say } from './messages';
import { scalarsAt, text, type AlertmanagerFile } from './model';

/** Whether Go's path.Match accepts the pattern: classes closed, not empty, ranges complete; no escape at the end. */
export function isGlob(pattern: string): boolean {
  /** The offset after one class character at `k` (an escape is two), or -1 where Go says ErrBadPattern. */
  const classChar = (k: number): number => {
    // Stryker disable next-line EqualityOperator: at the end, the character read is undefined and the class goes on past the end, where the next call ends it (-1) all the same
    if (k >= pattern.length || pattern[k] === '-' || pattern[k] === ']') return -1;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: an escape at the end that goes on past the end is ended by the next call (-1) all the same
    if (pattern[k] === '\\') return k + 1 < pattern.length ? k + 2 : -1;
    return k + 1;
  };
  // Stryker disable next-line EqualityOperator: at i = length the character read is undefined, which is neither an escape nor a class
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') {
      if (i + 1 >= pattern.length) return false;
      i++;
    } else if (pattern[i] === '[') {
      let j = pattern[i + 1] === '^' ? i + 2 : i + 1;
      for (let count = 0; !(pattern[j] === ']' && count > 0); count++) {
        j = classChar(j);
        // Stryker disable next-line ConditionalExpression,EqualityOperator: j is -1 (pattern[-1] is undefined, no '-') or past the '[' (never 0)
        if (j >= 0 && pattern[j] === '-') j = classChar(j + 1);
        // Stryker disable next-line EqualityOperator: j is -1 or past the '[' (never 0)
        if (j < 0) return false;
      }
      i = j;
    }
  }
  return true;
}

export function checkTemplates(file: AlertmanagerFile): Finding[] {
  return scalarsAt(file.root, 'templates').flatMap((glob) => (isGlob(text(glob)) ? [] : [configError(glob, say('badGlob', { glob: text(glob) }))]));
}

export const alertmanagerTemplatesCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/templates',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: 'template file globs that Go cannot read',
    codes: [CONFIG_CODE],
  },
  run: (file) => checkTemplates(file),
};

import { LineIndex } from '../../server/src/base/lineIndex';
import type { Range } from '../../server/src/base/types';

/**
 * The LSP range of the `occurrence`-th (0-based) appearance of `needle` in `text`.
 * Tests name positions by the text they cover, not by counted numbers.
 */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return new LineIndex(text).rangeOf(index, index + needle.length);
}

/** [start, end) offsets of the `occurrence`-th appearance of `needle`. */
export function spanOf(text: string, needle: string, occurrence = 0): [number, number] {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return [index, index + needle.length];
}

/** Joins lines with \n, so YAML fixtures in tests keep their indentation visible. */
export function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

/**
 * An open document whose text follows the editor's edits (LSP incremental
 * sync), as vscode-languageserver-textdocument's TextDocument does, made for
 * big files: an edit costs a copy of the text's bytes and of its line table,
 * not a rebuild of either.
 *
 * Why not a JavaScript string alone: `a.slice(0, i) + x + a.slice(j)` is a
 * rope (a V8 cons string) that the first read flattens character by character
 * — about 6 ms for a 1 MB document on CI's machines, on every keystroke. The
 * bytes here are kept in a Buffer (Latin-1 while every character fits, UTF-16
 * after), changed in place, and decoded to one flat string per version, which
 * is a memory copy (0.5–2 ms for the same document, by the size of the heap).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../base/lineIndex';
import type { Position, Range } from '../base/types';

/** A character past Latin-1 (one byte holds U+0000 to U+00FF). */
const WIDE = /[\u0100-\uffff]/;

/** The characters of a text in a Buffer with room to grow, one byte each while they fit, two after. */
class TextBytes {
  private bytes: Buffer;
  private wide: boolean;
  /** Characters (UTF-16 code units). */
  private length: number;

  constructor(text: string) {
    this.wide = WIDE.test(text);
    this.length = text.length;
    this.bytes = Buffer.allocUnsafeSlow(roomFor(text.length * this.width));
    this.bytes.write(text, 0, this.encoding);
  }

  private get width(): 1 | 2 {
    return this.wide ? 2 : 1;
  }

  private get encoding(): 'latin1' | 'utf16le' {
    return this.wide ? 'utf16le' : 'latin1';
  }

  /** Replaces the characters [start, end) by `inserted`; returns the new text. */
  replace(current: string, start: number, end: number, inserted: string): string {
    if (!this.wide && WIDE.test(inserted)) {
      // The first character past Latin-1: every character takes two bytes from now on.
      this.wide = true;
      this.bytes = Buffer.allocUnsafeSlow(roomFor(current.length * 2));
      this.bytes.write(current, 0, 'utf16le');
    }
    const width = this.width;
    const length = this.length - (end - start) + inserted.length;
    if (length * width > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(roomFor(length * width));
      this.bytes.copy(grown, 0, 0, start * width);
      this.bytes.copy(grown, (start + inserted.length) * width, end * width, this.length * width);
      this.bytes = grown;
    } else {
      // Buffer.copy moves overlapping ranges correctly (memmove).
      this.bytes.copy(this.bytes, (start + inserted.length) * width, end * width, this.length * width);
    }
    this.bytes.write(inserted, start * width, this.encoding);
    this.length = length;
    return this.bytes.toString(this.encoding, 0, length * width);
  }
}

/** A quarter more than needed, and at least 4 KB: typing grows a document a little at a time. */
function roomFor(bytes: number): number {
  return Math.max(4096, bytes + (bytes >> 2));
}

export class OpenDocument {
  private text: string;
  private bytes: TextBytes | undefined;
  private index: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.text = text;
  }

  getText(): string {
    return this.text;
  }

  /** The line table of the current text, kept up to date by each edit. */
  get lines(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  /**
   * Applies the changes in order (each range is in the text the previous ones
   * left), as TextDocument.update does; a change that is neither a ranged nor
   * a full change is skipped.
   */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (typeof change?.text !== 'string') continue;
      if (!('range' in change) || change.range === undefined) {
        this.text = change.text;
        this.bytes = undefined;
        this.index = undefined;
        continue;
      }
      const range = wellFormed(change.range);
      if (!range) continue;
      const lines = this.lines;
      const start = lines.offsetAt(range.start);
      const end = lines.offsetAt(range.end);
      this.bytes ??= new TextBytes(this.text);
      const text = this.bytes.replace(this.text, start, end, change.text);
      this.index = lines.edited(text, start, end, change.text);
      this.text = text;
    }
    this.version = version;
  }
}

/** The range with its start first; undefined when it is no range. */
function wellFormed(range: Range): Range | undefined {
  const { start, end } = range ?? {};
  if (!isPosition(start) || !isPosition(end)) return undefined;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

function isPosition(value: unknown): value is Position {
  const position = value as Position | undefined;
  return typeof position?.line === 'number' && typeof position.character === 'number';
}

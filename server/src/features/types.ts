/**
 * Results of the editor features, in document offsets; the language service
 * turns offsets into LSP positions, the server passes them through.
 */

export type CompletionKind = 'metric' | 'recording-rule' | 'function' | 'aggregation' | 'keyword' | 'label' | 'value' | 'duration' | 'property' | 'enum';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /**
   * Set instead of `documentation` on items of long lists: the documentation
   * is looked up on `completionItem/resolve` (see documentationOf), so the
   * list an editor asks for on every keystroke stays small.
   */
  resolve?: DocumentationKey;
  /** Text to insert; a snippet (`$1`, `${1:x}`) when `snippet` is set. Defaults to the label. */
  insertText?: string;
  snippet?: boolean;
  /** Ranking: items sort by this, best first. */
  sortText: string;
  /** The document range the item replaces. */
  start: number;
  end: number;
}

/** What names an item's documentation: its kind and label. */
export interface DocumentationKey {
  kind: CompletionKind;
  name: string;
}

/** Completion items and whether the list was cut short (the editor asks again as the user types). */
export interface CompletionList<T = CompletionItem> {
  items: T[];
  isIncomplete: boolean;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  start: number;
  end: number;
}

export interface SignatureResult {
  label: string;
  documentation: string;
  /** Each parameter as [start, end) inside `label`. */
  parameters: [number, number][];
  activeParameter: number;
}

/** A place in some document of the workspace. */
export interface TargetLocation {
  uri: string;
  start: number;
  end: number;
}

export type { SymbolKind, OutlineSymbol as DocumentSymbol } from '../base/types';

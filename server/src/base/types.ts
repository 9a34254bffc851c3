/**
 * Shapes shared by every check and by the two wirings (LSP server, CLI).
 * They mirror LSP's structurally so the server can pass them through, but
 * nothing here imports LSP: the service stays plain Node.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** 0-based line and UTF-16 character, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of document offsets [start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix a check proposes together with its finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor should apply first. */
  preferred?: boolean;
}

/** What a check reports, in document offsets (UTF-16 code units). */
export interface Finding {
  start: number;
  end: number;
  code: string;
  message: string;
  severity: Severity;
  fixes?: Fix[];
  /**
   * Where "Disable <code> for this line" (suppression/) would insert its directive: the start of the
   * finding's line (a multi-line scalar's first). The fix itself is made only when asked for
   * (disableFix): nearly all of them never are, and a big file has thousands.
   */
  disableAt?: number;
  /** Other places that explain the finding (LSP's relatedInformation): offsets in the same document unless `uri` names another. */
  related?: RelatedFinding[];
}

/** A place that explains a finding, in document offsets (UTF-16 code units) of this document, or of `uri` when given. */
export interface RelatedFinding {
  start: number;
  end: number;
  message: string;
  uri?: string;
}

/** What an outline entry is (the editor shows each with its own icon). */
export type SymbolKind = 'group' | 'alert' | 'record' | 'section' | 'key' | 'panel' | 'dashboard' | 'job' | 'receiver' | 'route' | 'service' | 'component' | 'pipeline';

/** One entry of a document's outline, in document offsets. */
export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  start: number;
  end: number;
  /** The part to highlight when the symbol is selected (its name). */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

/** A finding placed in a document, after settings have re-graded it. */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  source: 'k1s0';
  fixes?: { title: string; preferred?: boolean; edits: { range: Range; newText: string }[] }[];
  /** The line "Disable <code> for this line" inserts its directive above (suppression/disableFix). */
  disableLine?: number;
  /** Other places that explain it: in this document, or in `uri` when given. */
  related?: { range: Range; message: string; uri?: string }[];
}

/** A document as the service sees it: a URI, its text and (in the editor) its version. */
export interface SourceFile {
  uri: string;
  text: string;
  version?: number;
}

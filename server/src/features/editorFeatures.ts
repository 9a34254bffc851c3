/**
 * The editor features — completion, hover, signature help, navigation,
 * rename, symbols — over the language service's view of the workspace.
 * Requests and results use LSP positions; nothing here imports LSP.
 */
import { environmentOf } from '../config/environment';
import { findObservabilityEntry } from '../config/section';
import { selectorsOf } from '../catalog/tree';
import { parsePromql } from '../promql';
import { LineIndex } from '../base/lineIndex';
import type { FileKind, FileLocation, LanguageService, LocatedExpression } from '../service/languageService';
import type { Settings } from '../base/settings';
import type { Position, Range, SourceFile } from '../base/types';
import { completeConfig, hoverConfig } from './configAssist';
import { completeLintConfig, hoverLintConfig } from './lintAssist';
import { completeShape, hoverShape } from './shapeAssist';
import { completeOtelEnv, hoverOtelEnv } from './otelEnvAssist';
import { handlerOf } from '../service/fileKinds';
import { definitionsOf, referencesTo, renameProblem, type DocumentExpressions } from './navigation';
import { completePromql, documentationOf, type PromqlDialect } from './promqlCompletion';
import { hoverPromql } from './promqlHover';
import { signatureAt } from './signatureHelp';
import { documentSymbols, type SymbolTree } from './symbols';
import type { CompletionItem, CompletionList, DocumentationKey, SignatureResult } from './types';
import { vocabularyOf } from './vocabulary';
import { say } from './messages';

export interface PositionRequest {
  file: SourceFile;
  position: Position;
  /**
   * The editor's own line table of `file.text` (an LSP TextDocument keeps one
   * up to date with each edit); without it one is built once per text.
   */
  lines?: PositionMapper;
}

/** Converts between offsets and LSP positions of one text. */
export interface PositionMapper {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

/** Settings and location of a document, as the wiring knows them. */
export type DocumentContext = (uri: string) => { settings: Settings; location: FileLocation };

export interface Located<T> {
  uri: string;
  range: Range;
  value: T;
}

export type CompletionResult = Omit<CompletionItem, 'start' | 'end'> & { range: Range };

/**
 * What requests at positions of one document need — its kind, its PromQL
 * expressions, its line table — kept while its text (and its settings and
 * place) stay the same: completion and hover come on every keystroke and
 * pointer move, and finding these in a 1 MB file takes milliseconds each.
 */
interface DocumentView {
  text: string;
  settings: Settings;
  location: FileLocation;
  kind?: { value: FileKind | undefined };
  sites?: LocatedExpression[];
  lines?: LineIndex;
}

/** Documents whose view is kept (the most recently asked about). */
const VIEWS_KEPT = 8;

export class EditorFeatures {
  constructor(
    private readonly service: LanguageService,
    private readonly contextOf: DocumentContext,
    /** How a file is named in hovers (relative to the workspace). */
    private readonly displayPath: (uri: string) => string = (uri) => uri,
  ) {}

  private readonly views = new Map<string, DocumentView>();

  /** Drops what is kept of a document (it changed or closed): nothing of an old text is held on to. */
  forget(uri: string): void {
    this.views.delete(uri);
  }

  /** The completion items at a position (see completionList). */
  completion(request: PositionRequest): CompletionResult[] {
    return this.completionList(request).items;
  }

  /**
   * The completion items at a position that match what is typed there; a
   * long list is cut to its best and marked incomplete. PromQL items carry
   * a `resolve` key instead of their documentation (see completionDocumentation).
   */
  completionList(request: PositionRequest): CompletionList<CompletionResult> {
    const { file } = request;
    const { view, lines, offset } = this.pointAt(request);
    const kind = this.kindOf(file, view);
    const hit = this.typingSiteAt(file, offset, view, kind);
    if (!hit) {
      // No expression here: config files complete their keys and values.
      if (kind === 'config' || (kind === undefined && this.isConfigName(file, view.location))) {
        const entry = findObservabilityEntry(this.service.yamlOf(file).documents);
        const environment = environmentOf(view.location.path, view.settings.config.environments, entry?.document.getIn(['app', 'environment']));
        return { items: completeConfig(file.text, offset, environment).map((item) => withRange(item, rangeOf(lines, item.start, item.end))), isIncomplete: false };
      }
      if (kind === 'lint') return { items: completeLintConfig(file.text, offset).map((item) => withRange(item, rangeOf(lines, item.start, item.end))), isIncomplete: false };
      const env = kind && OTEL_ENV_KINDS.has(kind) ? completeOtelEnv(file.text, offset) : [];
      if (env.length) return { items: env.map((item) => withRange(item, rangeOf(lines, item.start, item.end))), isIncomplete: false };
      const shape = kind && handlerOf(kind)?.shape;
      if (shape) return { items: completeShape(file.text, offset, shape).map((item) => withRange(item, rangeOf(lines, item.start, item.end))), isIncomplete: false };
      return { items: [], isIncomplete: false };
    }
    const vocabulary = vocabularyOf(this.service.workspace);
    const { items, isIncomplete } = completePromql(hit.value, hit.valueOffset, vocabulary, { dialect: dialectOf(kind) });
    // Every item replaces the same word: its range is computed once.
    const ranges = new Map<string, Range>();
    const rangeFor = (from: number, to: number): Range => {
      const key = `${from}:${to}`;
      let range = ranges.get(key);
      if (!range) {
        const [start, end] = hit.toDocumentRange(from, to);
        range = rangeOf(lines, start, end);
        ranges.set(key, range);
      }
      return range;
    };
    return { items: items.map((item) => withRange(item, rangeFor(item.start, item.end))), isIncomplete };
  }

  /** The documentation completion left out of an item (completionItem/resolve). */
  completionDocumentation(key: DocumentationKey): string | undefined {
    return documentationOf(key, vocabularyOf(this.service.workspace));
  }

  hover(request: PositionRequest): { contents: string; range: Range } | undefined {
    const { file } = request;
    const { view, lines, offset, hit } = this.pointAt(request);
    if (!hit) {
      const kind = this.kindOf(file, view);
      const shape = kind && handlerOf(kind)?.shape;
      const env = kind && OTEL_ENV_KINDS.has(kind) ? hoverOtelEnv(file.text, offset) : undefined;
      const hover = kind === 'config' ? hoverConfig(file.text, offset) : kind === 'lint' ? hoverLintConfig(file.text, offset) : (env ?? (shape ? hoverShape(file.text, offset, shape) : undefined));
      return hover && { contents: hover.contents, range: rangeOf(lines, hover.start, hover.end) };
    }
    const hover = hoverPromql(hit.located.site.value, hit.valueOffset, vocabularyOf(this.service.workspace), this.displayPath);
    if (!hover) return undefined;
    const [start, end] = hit.located.site.toDocumentRange(hover.start, hover.end);
    return { contents: hover.contents, range: rangeOf(lines, start, end) };
  }

  signatureHelp(request: PositionRequest): SignatureResult | undefined {
    const view = this.viewOf(request.file);
    const hit = this.typingSiteAt(request.file, this.linesOf(request, view).offsetAt(request.position), view, this.kindOf(request.file, view));
    return hit && signatureAt(hit.value, hit.valueOffset);
  }

  /** Where the recording rule named at the position is defined. */
  definition(request: PositionRequest): Located<null>[] {
    const name = this.metricNameAt(request);
    const definitions = name ? this.service.workspace.recordingRules().get(name.name) : undefined;
    if (!definitions) return [];
    return definitionsOf(definitions, (uri) => this.textOf(uri)).map((target) => this.locate(target.uri, target.start, target.end));
  }

  /** Every use of the metric or recording rule named at the position, with its definitions when asked. */
  references(request: PositionRequest, includeDeclaration: boolean): Located<null>[] {
    const name = this.metricNameAt(request);
    if (!name) return [];
    const uses = referencesTo(name.name, this.allExpressions(), this.service.caches);
    const definitions = includeDeclaration ? definitionsOf(this.service.workspace.recordingRules().get(name.name) ?? [], (uri) => this.textOf(uri)) : [];
    return [...definitions, ...uses].map((target) => this.locate(target.uri, target.start, target.end));
  }

  /** The range to rename and its current text, or why the position cannot be renamed. */
  prepareRename(request: PositionRequest): { range: Range; placeholder: string } | { error: string } {
    const name = this.metricNameAt(request);
    if (!name) return { error: say('renameOnlyRules') };
    if (!this.service.workspace.recordingRules().has(name.name)) return { error: say('renameNotARule', { name: name.name }) };
    return { range: rangeOf(this.linesOf(request, this.viewOf(request.file)), name.start, name.end), placeholder: name.name };
  }

  /** Edits renaming a recording rule everywhere, or why not. */
  rename(request: PositionRequest, newName: string): { changes: Record<string, { range: Range; newText: string }[]> } | { error: string } {
    const prepared = this.prepareRename(request);
    if ('error' in prepared) return prepared;
    const rules = this.service.workspace.recordingRules();
    const problem = renameProblem(prepared.placeholder, newName, (candidate) => rules.has(candidate));
    if (problem) return { error: problem };
    const changes: Record<string, { range: Range; newText: string }[]> = {};
    for (const target of this.references(request, true)) {
      (changes[target.uri] ??= []).push({ range: target.range, newText: newName });
    }
    return { changes };
  }

  documentSymbols(file: SourceFile): SymbolTree[] {
    const { settings, location } = this.contextOf(file.uri);
    return documentSymbols(this.service, file, settings, location);
  }

  /** Recording rules and alerts of every rule file, filtered by a query (subsequence match). */
  workspaceSymbols(query: string): (Located<null> & { name: string; kind: 'record' | 'alert'; container: string })[] {
    const needle = query.toLowerCase();
    const out: (Located<null> & { name: string; kind: 'record' | 'alert'; container: string })[] = [];
    for (const file of this.service.knownDocuments()) {
      const { settings, location } = this.contextOf(file.uri);
      if (this.service.kindOf(file, settings, location) !== 'rules') continue;
      const lines = new LineIndex(file.text);
      for (const rule of this.service.ruleAnalysis(file).rules) {
        if (!isSubsequence(needle, rule.name.toLowerCase())) continue;
        const value = rule.nameEntry.value;
        out.push({ name: rule.name, kind: rule.kind, container: rule.group, uri: file.uri, range: lines.rangeOf(value.start, value.end), value: null });
      }
    }
    return out;
  }

  private isConfigName(file: SourceFile, location: FileLocation): boolean {
    return /\.ya?ml$/i.test(location.path) && /(^|[\\/])config[^\\/]*$/.test(location.path) && !/^\s*(groups|spec)\s*:/m.test(file.text);
  }

  /** The view of a document for position requests: the kept one while its text, settings and place are the same. */
  private viewOf(file: SourceFile): DocumentView {
    const { settings, location } = this.contextOf(file.uri);
    const kept = this.views.get(file.uri);
    if (
      kept &&
      kept.text === file.text &&
      kept.settings === settings &&
      kept.location.path === location.path &&
      kept.location.relativePath === location.relativePath &&
      kept.location.explicit === location.explicit
    ) {
      return kept;
    }
    const view: DocumentView = { text: file.text, settings, location };
    this.views.delete(file.uri);
    this.views.set(file.uri, view);
    if (this.views.size > VIEWS_KEPT) {
      const oldest = this.views.keys().next().value;
      if (oldest !== undefined) this.views.delete(oldest);
    }
    return view;
  }

  private kindOf(file: SourceFile, view: DocumentView): FileKind | undefined {
    view.kind ??= { value: this.service.kindOf(file, view.settings, view.location) };
    return view.kind.value;
  }

  private sitesOf(file: SourceFile, view: DocumentView): LocatedExpression[] {
    view.sites ??= this.service.expressionSites(file, view.settings, view.location);
    return view.sites;
  }

  /** The request's own line table, else the view's. */
  /** The document's view, its line table, the offset of the request's position and the expression there, if any. */
  private pointAt(request: PositionRequest) {
    const view = this.viewOf(request.file);
    const lines = this.linesOf(request, view);
    const offset = lines.offsetAt(request.position);
    return { view, lines, offset, hit: this.expressionAt(request.file, offset, view) };
  }

  private linesOf(request: PositionRequest, view: DocumentView): PositionMapper {
    if (request.lines) return request.lines;
    view.lines ??= new LineIndex(view.text);
    return view.lines;
  }

  /** The expression under a document offset and the matching offset inside its value. */
  private expressionAt(file: SourceFile, offset: number, view = this.viewOf(file)): { located: LocatedExpression; valueOffset: number } | undefined {
    for (const located of this.sitesOf(file, view)) {
      if (offset < located.start || offset > located.end) continue;
      const valueOffset = valueOffsetAt(located, offset);
      if (valueOffset !== undefined) return { located, valueOffset };
    }
    return undefined;
  }

  /**
   * The expression being typed at a document offset, for completion and
   * signature help: the expression there; or one whose value ends before the
   * cursor with only blanks between on the same line (`expr: sum(x) / |`: YAML
   * drops a plain scalar's trailing blanks, and a space typed after an
   * operator is where the next operand starts); or the empty `expr` value the
   * cursor is in (`expr: |` in a rule file, `"expr": "|"` in a dashboard),
   * which no expression site stands for.
   */
  private typingSiteAt(file: SourceFile, offset: number, view: DocumentView, kind: FileKind | undefined): TypingSite | undefined {
    const hit = this.expressionAt(file, offset, view);
    if (hit) {
      const { site } = hit.located;
      return { value: site.value, valueOffset: hit.valueOffset, toDocumentRange: (from, to) => site.toDocumentRange(from, to) };
    }
    if (kind !== 'rules' && kind !== 'dashboard') return undefined;
    for (const located of this.sitesOf(file, view)) {
      if (offset <= located.end || !/^[ \t]*$/.test(file.text.slice(located.end, offset))) continue;
      const { site } = located;
      const [valueEnd] = site.toDocumentRange(site.value.length, site.value.length);
      if (valueEnd !== located.end || site.value.endsWith('\n')) continue; // a quoted or block value: its blanks are its own
      return blankTail(site.value, offset - located.end, (from, to) => site.toDocumentRange(from, to), located.end);
    }
    const empty = emptyExpressionAt(file.text, offset, kind);
    return empty === undefined ? undefined : { value: '', valueOffset: 0, toDocumentRange: (from, to) => [empty + from, empty + to] };
  }

  /** The metric or recording-rule name at a position: a selector's name, or a `record:` value. */
  private metricNameAt(request: PositionRequest): { name: string; start: number; end: number } | undefined {
    const { file } = request;
    const view = this.viewOf(file);
    const offset = this.linesOf(request, view).offsetAt(request.position);
    if (this.kindOf(file, view) === 'rules') {
      for (const rule of this.service.ruleAnalysis(file).rules) {
        const value = rule.nameEntry.value;
        if (rule.kind === 'record' && offset >= value.start && offset <= value.end) {
          const [start, end] = value.toDocumentRange(0, value.value.length);
          return { name: rule.name, start, end };
        }
      }
    }
    const hit = this.expressionAt(file, offset, view);
    if (!hit) return undefined;
    const { site } = hit.located;
    for (const selector of selectorsOf(parsePromql(site.value, this.service.caches), site.value)) {
      if (!selector.metric || !selector.metricIsIdentifier) continue;
      if (hit.valueOffset >= selector.metricFrom && hit.valueOffset <= selector.metricTo) {
        const [start, end] = site.toDocumentRange(selector.metricFrom, selector.metricTo);
        return { name: selector.metric, start, end };
      }
    }
    return undefined;
  }

  private *allExpressions(): Iterable<DocumentExpressions> {
    for (const file of this.service.knownDocuments()) {
      const { settings, location } = this.contextOf(file.uri);
      const sites = this.service.expressionSites(file, settings, location).map((located) => located.site);
      if (sites.length) yield { uri: file.uri, sites };
    }
  }

  private textOf(uri: string): string | undefined {
    return this.service.textOf(uri);
  }

  private locate(uri: string, start: number, end: number): Located<null> {
    // Shared: a rename or references answer locates thousands of targets in the same few files.
    return { uri, range: LineIndex.of(this.textOf(uri) ?? '', this.service.caches).rangeOf(start, end), value: null };
  }
}

/** An expression being typed and how its offsets map to the document. */
interface TypingSite {
  value: string;
  valueOffset: number;
  toDocumentRange(from: number, to: number): [number, number];
}

/** A value followed by `blanks` blanks up to the cursor: offsets past the value map after its end. */
function blankTail(value: string, blanks: number, toDocumentRange: (from: number, to: number) => [number, number], end: number): TypingSite {
  const at = (i: number) => (i <= value.length ? toDocumentRange(i, i)[0] : end + (i - value.length));
  return { value: value + ' '.repeat(blanks), valueOffset: value.length + blanks, toDocumentRange: (from, to) => [at(from), at(to)] };
}

/**
 * Where an empty PromQL value starts when the cursor is in it: after `expr:`
 * with nothing but blanks (a rule file), or between the quotes of
 * `"expr": ""` (a dashboard target).
 */
export function emptyExpressionAt(text: string, offset: number, kind: 'rules' | 'dashboard'): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (kind === 'rules') {
    return /^\s*(?:-\s+)?expr:\s+$/.test(before) && /^\s*(#.*)?\r?$/.test(after) ? offset : undefined;
  }
  return /"expr"\s*:\s*"$/.test(before) && after.startsWith('"') ? offset : undefined;
}

function dialectOf(kind: FileKind | undefined): PromqlDialect {
  return kind === 'dashboard' ? 'dashboard' : kind === 'rules' ? 'rules' : 'promql';
}

/** Kinds where OTEL_* variables are written one per line (compose's list form, `.env`, a container's `env:`). */
const OTEL_ENV_KINDS: ReadonlySet<string> = new Set(['compose', 'dotenv', 'kubernetes']);

function withRange(item: CompletionItem, range: Range): CompletionResult {
  return {
    label: item.label,
    kind: item.kind,
    detail: item.detail,
    documentation: item.documentation,
    resolve: item.resolve,
    insertText: item.insertText,
    snippet: item.snippet,
    sortText: item.sortText,
    range,
  };
}

function rangeOf(lines: PositionMapper, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/** The value offset whose source is at `offset` (binary search: the mapping only grows). */
function valueOffsetAt(located: LocatedExpression, offset: number): number | undefined {
  const { site } = located;
  const sourceOf = (i: number) => site.toDocumentRange(i, i)[0];
  // Past the last character (a block scalar's final line break) is the next YAML line, not the query;
  // blanks the value ends with on its last line (`"sum(x) / "`) are where the next word is typed.
  const trimmed = site.value.trimEnd().length;
  const length = trimmed + (/^[ \t]*/.exec(site.value.slice(trimmed))?.[0].length ?? 0);
  if (offset > sourceOf(length)) return undefined;
  if (offset < sourceOf(0)) return offset >= located.start ? 0 : undefined;
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sourceOf(mid) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i++;
  return i === needle.length;
}

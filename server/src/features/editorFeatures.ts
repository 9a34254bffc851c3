/**
 * The editor features — completion, hover, signature help, navigation,
 * rename, symbols — over the language service's view of the workspace.
 * Requests and results use LSP positions; nothing here imports LSP.
 */
import { environmentOf } from '../config/environment';
import { findObservabilityEntry } from '../config/section';
import { selectorsOf } from '../catalog/tree';
import { parsePromql } from '../promql';
import { LineIndex } from '../service/lineIndex';
import type { FileLocation, LanguageService, LocatedExpression } from '../service/languageService';
import type { Settings } from '../service/settings';
import type { Position, Range, SourceFile } from '../service/types';
import { completeConfig, hoverConfig } from './configAssist';
import { definitionsOf, referencesTo, renameProblem, type DocumentExpressions } from './navigation';
import { completePromql } from './promqlCompletion';
import { hoverPromql } from './promqlHover';
import { signatureAt } from './signatureHelp';
import { documentSymbols, type SymbolTree } from './symbols';
import type { CompletionItem, SignatureResult } from './types';
import { vocabularyOf } from './vocabulary';

export interface PositionRequest {
  file: SourceFile;
  position: Position;
}

/** Settings and location of a document, as the wiring knows them. */
export type DocumentContext = (uri: string) => { settings: Settings; location: FileLocation };

export interface Located<T> {
  uri: string;
  range: Range;
  value: T;
}

export type CompletionResult = Omit<CompletionItem, 'start' | 'end'> & { range: Range };

export class EditorFeatures {
  constructor(
    private readonly service: LanguageService,
    private readonly contextOf: DocumentContext,
    /** How a file is named in hovers (relative to the workspace). */
    private readonly displayPath: (uri: string) => string = (uri) => uri,
  ) {}

  completion({ file, position }: PositionRequest): CompletionResult[] {
    const { settings, location } = this.contextOf(file.uri);
    const lines = new LineIndex(file.text);
    const offset = lines.offsetAt(position);
    const kind = this.service.kindOf(file, settings, location);
    if (kind === 'config' || (kind === undefined && this.isConfigName(file, settings, location))) {
      const entry = findObservabilityEntry(this.service.yamlOf(file).documents);
      const environment = environmentOf(location.path, settings.config.environments, entry?.document.getIn(['app', 'environment']));
      return completeConfig(file.text, offset, environment).map((item) => withRange(item, lines));
    }
    const hit = this.expressionAt(file, offset);
    if (!hit) return [];
    const vocabulary = vocabularyOf(this.service.workspace);
    return completePromql(hit.located.site.value, hit.valueOffset, vocabulary).map((item) => {
      const [start, end] = hit.located.site.toDocumentRange(item.start, item.end);
      return withRange({ ...item, start, end }, lines);
    });
  }

  hover({ file, position }: PositionRequest): { contents: string; range: Range } | undefined {
    const { settings, location } = this.contextOf(file.uri);
    const lines = new LineIndex(file.text);
    const offset = lines.offsetAt(position);
    if (this.service.kindOf(file, settings, location) === 'config') {
      const hover = hoverConfig(file.text, offset);
      return hover && { contents: hover.contents, range: lines.rangeOf(hover.start, hover.end) };
    }
    const hit = this.expressionAt(file, offset);
    if (!hit) return undefined;
    const hover = hoverPromql(hit.located.site.value, hit.valueOffset, vocabularyOf(this.service.workspace), this.displayPath);
    if (!hover) return undefined;
    const [start, end] = hit.located.site.toDocumentRange(hover.start, hover.end);
    return { contents: hover.contents, range: lines.rangeOf(start, end) };
  }

  signatureHelp({ file, position }: PositionRequest): SignatureResult | undefined {
    const hit = this.expressionAt(file, new LineIndex(file.text).offsetAt(position));
    return hit && signatureAt(hit.located.site.value, hit.valueOffset);
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
    const uses = referencesTo(name.name, this.allExpressions());
    const definitions = includeDeclaration ? definitionsOf(this.service.workspace.recordingRules().get(name.name) ?? [], (uri) => this.textOf(uri)) : [];
    return [...definitions, ...uses].map((target) => this.locate(target.uri, target.start, target.end));
  }

  /** The range to rename and its current text, or why the position cannot be renamed. */
  prepareRename(request: PositionRequest): { range: Range; placeholder: string } | { error: string } {
    const name = this.metricNameAt(request);
    if (!name) return { error: 'Only recording-rule names can be renamed.' };
    if (!this.service.workspace.recordingRules().has(name.name)) return { error: `"${name.name}" is not a recording rule of this workspace; only those can be renamed.` };
    const lines = new LineIndex(request.file.text);
    return { range: lines.rangeOf(name.start, name.end), placeholder: name.name };
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

  private isConfigName(file: SourceFile, settings: Settings, location: FileLocation): boolean {
    return /\.ya?ml$/i.test(location.path) && /(^|[\\/])config[^\\/]*$/.test(location.path) && !/^\s*(groups|spec)\s*:/m.test(file.text);
  }

  /** The expression under a document offset and the matching offset inside its value. */
  private expressionAt(file: SourceFile, offset: number): { located: LocatedExpression; valueOffset: number } | undefined {
    const { settings, location } = this.contextOf(file.uri);
    for (const located of this.service.expressionSites(file, settings, location)) {
      if (offset < located.start || offset > located.end) continue;
      const valueOffset = valueOffsetAt(located, offset);
      if (valueOffset !== undefined) return { located, valueOffset };
    }
    return undefined;
  }

  /** The metric or recording-rule name at a position: a selector's name, or a `record:` value. */
  private metricNameAt({ file, position }: PositionRequest): { name: string; start: number; end: number } | undefined {
    const { settings, location } = this.contextOf(file.uri);
    const offset = new LineIndex(file.text).offsetAt(position);
    if (this.service.kindOf(file, settings, location) === 'rules') {
      for (const rule of this.service.ruleAnalysis(file).rules) {
        const value = rule.nameEntry.value;
        if (rule.kind === 'record' && offset >= value.start && offset <= value.end) {
          const [start, end] = value.toDocumentRange(0, value.value.length);
          return { name: rule.name, start, end };
        }
      }
    }
    const hit = this.expressionAt(file, offset);
    if (!hit) return undefined;
    const { site } = hit.located;
    for (const selector of selectorsOf(parsePromql(site.value), site.value)) {
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
    return { uri, range: new LineIndex(this.textOf(uri) ?? '').rangeOf(start, end), value: null };
  }
}

function withRange(item: CompletionItem, lines: LineIndex): CompletionResult {
  const { start, end, ...rest } = item;
  return { ...rest, range: lines.rangeOf(start, end) };
}

/** The value offset whose source is at `offset` (binary search: the mapping only grows). */
function valueOffsetAt(located: LocatedExpression, offset: number): number | undefined {
  const { site } = located;
  const sourceOf = (i: number) => site.toDocumentRange(i, i)[0];
  // Past the last character (a block scalar's final line break) is the next YAML line, not the query.
  const length = site.value.trimEnd().length;
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

import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { findObservabilityEntry } from '../config/section';
import { LineIndex } from '../base/lineIndex';
import type { FileLocation, LanguageService } from '../service/languageService';
import type { Settings } from '../base/settings';
import type { Range, SourceFile } from '../base/types';
import type { SymbolKind } from './types';
import { say } from './messages';

/** A document symbol with LSP ranges. */
export interface SymbolTree {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: SymbolTree[];
}

/** The outline of a document: rule groups and their rules; the observability section of a config. */
export function documentSymbols(service: LanguageService, file: SourceFile, settings: Settings, location: FileLocation): SymbolTree[] {
  const lines = new LineIndex(file.text);
  const range = (start: number, end: number) => lines.rangeOf(start, end);
  switch (service.kindOf(file, settings, location)) {
    case 'rules':
      return service.ruleAnalysis(file).groups.map((group) => {
        const nameStart = group.nameEntry?.value.start ?? group.start;
        const nameEnd = group.nameEntry?.value.end ?? group.start;
        return {
          name: group.name || '(unnamed group)',
          detail: say('rules', { count: group.rules.length }),
          kind: 'group' as const,
          range: range(group.start, group.end),
          selectionRange: range(nameStart, nameEnd),
          children: group.rules.map((rule) => ({
            name: rule.name,
            detail: rule.kind === 'alert' ? say('alert') : say('recordingRule'),
            kind: rule.kind === 'alert' ? ('alert' as const) : ('record' as const),
            range: range(rule.start, rule.end),
            selectionRange: range(rule.nameEntry.value.start, rule.nameEntry.value.end),
            children: [],
          })),
        };
      });
    case 'config': {
      const entry = findObservabilityEntry(service.yamlOf(file).documents);
      return entry ? [pairSymbol(entry.pair, range, 'section')].filter((s): s is SymbolTree => s !== undefined) : [];
    }
    default:
      return service.outlineOf(file, settings, location).map(function placed(symbol): SymbolTree {
        return {
          name: symbol.name,
          ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
          kind: symbol.kind,
          range: range(symbol.start, symbol.end),
          selectionRange: range(symbol.selectionStart, symbol.selectionEnd),
          children: symbol.children.map(placed),
        };
      });
  }
}

function pairSymbol(pair: Pair<Node, Node | null>, range: (start: number, end: number) => Range, kind: SymbolKind): SymbolTree | undefined {
  if (!isScalar(pair.key) || !pair.key.range) return undefined;
  const keyRange = pair.key.range;
  const end = pair.value?.range?.[1] ?? keyRange[1];
  const children = isMap(pair.value) ? (pair.value.items as Pair<Node, Node | null>[]).flatMap((child) => pairSymbol(child, range, 'key') ?? []) : [];
  const detail = isScalar(pair.value) ? String(pair.value.value) : undefined;
  return {
    name: String(pair.key.value),
    ...(detail !== undefined ? { detail } : {}),
    kind: children.length ? 'section' : kind,
    range: range(keyRange[0], end),
    selectionRange: range(keyRange[0], keyRange[1]),
    children,
  };
}

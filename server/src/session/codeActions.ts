/**
 * Quick fixes for a range of a document: each diagnostic's own fixes, then
 * "Disable <code> for this line" (made here, when asked: suppression/disableFix).
 */
import type { Caches } from '../base/caches';
import { LineIndex } from '../base/lineIndex';
import type { Diagnostic, Range } from '../base/types';
import { disableFix } from '../suppression/suppression';

export interface QuickFix {
  title: string;
  preferred?: boolean;
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  edits: { range: Range; newText: string }[];
}

export function quickFixes(text: string, diagnostics: readonly Diagnostic[], range: Range, caches?: Caches): QuickFix[] {
  const fixes: QuickFix[] = [];
  let lines: LineIndex | undefined;
  for (const diagnostic of diagnostics) {
    if (!overlaps(diagnostic.range, range)) continue;
    const disable = diagnostic.disableLine === undefined ? [] : [disableFix(text, diagnostic.disableLine, diagnostic.code, (lines ??= LineIndex.of(text, caches)))];
    for (const fix of [...(diagnostic.fixes ?? []), ...disable]) {
      fixes.push({
        title: fix.title,
        ...('preferred' in fix && fix.preferred ? { preferred: true } : {}),
        diagnostic,
        edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })),
      });
    }
  }
  return fixes;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

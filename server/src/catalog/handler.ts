/**
 * Catalog extensions (`.k1s0/catalog.yaml` and `k1s0.catalog.files`): read
 * into every check's vocabulary. One of millions of entries (a generated dump)
 * would cost seconds and hundreds of MB on every keystroke in it, so past
 * CATALOG_MAX_CHARS it is refused with one diagnostic.
 */
import type { ReaderCodes } from '../base/check';
import { isYamlPath, matchesAny } from '../base/files';
import { guarded } from '../base/guard';
import type { Finding } from '../base/types';
import { NO_FACTS } from '../workspace/index';
import type { DocumentView, FileKindHandler } from '../workspace/fileKind';
import { analyzeCatalogExtension, isCatalogExtensionPath } from './extension';
import { catalogExtensionFacts } from './files';
import { say } from './messages';

const CATALOG_MAX_CHARS = 8 * 1024 * 1024;

const refused = (doc: DocumentView): boolean => doc.text.length > CATALOG_MAX_CHARS;

export const catalogHandler: FileKindHandler = {
  kind: 'catalog',
  claims: (_doc, { settings, location, workspace }) =>
    isYamlPath(location.path) && (isCatalogExtensionPath(location.path) || matchesAny(settings.catalog.files, location.path, location.relativePath, workspace.caches)),
  facts: (doc) => (refused(doc) ? NO_FACTS : catalogExtensionFacts(doc.yaml())),
  findings(doc) {
    if (refused(doc)) return [tooBig(doc.text.length)];
    const parsed = doc.yaml();
    return [...parsed.syntax, ...guarded('catalog/file', () => analyzeCatalogExtension(parsed).findings)];
  },
  // Not parsed at all when refused: nothing to place directives around.
  suppressible: (doc) => !refused(doc),
};

function tooBig(length: number): Finding {
  const message = say('extensionTooBig', { kb: Math.round(length / 1024), maxKb: CATALOG_MAX_CHARS / 1024 });
  return { start: 0, end: 0, code: 'catalog/file', severity: 'warning', message };
}

export const catalogFileCodes: ReaderCodes = {
  meta: {
    name: 'catalog/handler',
    on: 'reader',
    fileKinds: ['catalog'],
    description: 'a malformed `.k1s0/catalog.yaml` (the valid rest still counts), or one over 8 MB (not read at all: a warning says so)',
    codes: [
      {
        code: 'catalog/file',
        severity: 'error',
        short: 'catalog extension problem',
        help: 'An entry of a catalog extension does not match the catalog schema (the valid rest still counts), or the file is over 8 MB and was not read.',
        ja: { short: 'カタログ拡張の問題', help: 'カタログ拡張の項目がカタログのスキーマに合っていない（正しい残りの項目は有効です）か、ファイルが 8 MB を超えていて読み込まれていません。' },
      },
    ],
  },
};

/** `.k1s0/lint.yaml`: the workspace's own copy of the settings, checked key by key. */
import type { ReaderCodes } from '../base/check';
import { isYamlPath } from '../base/files';
import { guarded } from '../base/guard';
import { NO_FACTS } from '../workspace/index';
import type { FileKindHandler } from '../workspace/fileKind';
import { isLintConfigPath, readLintConfig } from './lintConfig';

export const lintConfigHandler: FileKindHandler = {
  kind: 'lint',
  claims: (_doc, { location }) => isYamlPath(location.path) && isLintConfigPath(location.path),
  facts: () => NO_FACTS,
  findings(doc) {
    const parsed = doc.yaml();
    return [...parsed.syntax, ...guarded('lint/config', () => readLintConfig(parsed).findings)];
  },
  suppressible: () => true,
};

export const lintConfigCodes: ReaderCodes = {
  meta: {
    name: 'lint/handler',
    on: 'reader',
    fileKinds: ['lint'],
    description: 'a `.k1s0/lint.yaml` key or value that is not valid (did-you-mean)',
    codes: [
      {
        code: 'lint/config',
        severity: 'error',
        short: 'lint configuration problem',
        help: 'A key or value of .k1s0/lint.yaml is not valid; the rest of the file still applies in the editor, and the CLI refuses the file.',
        ja: { short: 'lint 設定の問題', help: '.k1s0/lint.yaml のキーまたは値が正しくありません。エディターでは残りの設定が適用されますが、CLI はこのファイルを拒否します。' },
      },
    ],
  },
};

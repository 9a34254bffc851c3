/** `alertmanager/config`: the file against Alertmanager's structure (shape.ts), read strictly as Alertmanager reads it. */
import { checkShape, shapeFindings } from '../base/yaml/shape';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG, CONFIG_CODE, configError } from './codes';
import { say } from './messages';
import type { AlertmanagerFile } from './model';
import { ALERTMANAGER_SHAPE } from './shape';

export const alertmanagerStructureCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/structure',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: 'alertmanager.yml structure as amtool reads it: unknown keys (did-you-mean fix), types, durations, required and exclusive keys',
    codes: [CONFIG_CODE],
  },
  run(file) {
    const contents = file.document.contents;
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration,ObjectLiteral,StringLiteral: a guard for the types; the handler says an empty file is empty itself and runs no check on it (handler.test.ts)
    if (contents === null) return [{ ...configError(undefined, say('empty')), start: 0, end: 0 }];
    // Go's YAML merges `<<: *anchor` keys; the keys they bring in are not seen here.
    const issues = checkShape(contents, ALERTMANAGER_SHAPE).filter((issue) => !(issue.kind === 'unknown-key' && issue.path[issue.path.length - 1] === '<<'));
    return shapeFindings(issues, CONFIG);
  },
};

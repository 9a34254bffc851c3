/**
 * `compose/schema`: the Compose Specification's structure (compose/shape.ts)
 * — unknown keys with did-you-mean, wrong types, enums, malformed port and
 * volume strings — through the one shape walker. `x-*` extension keys are
 * the user's own and are never unknown.
 */
import { checkShape, shapeFindings } from '../base/yaml/shape';
import type { FileCheck } from '../workspace/fileKind';
import { COMPOSE_SHAPE } from './shape';
import type { ComposeFile } from './subject';

export const COMPOSE_SCHEMA = 'compose/schema';

export function checkComposeSchema(file: ComposeFile) {
  const issues = checkShape(file.document.contents, COMPOSE_SHAPE).filter(
    (issue) =>
      !(issue.kind === 'unknown-key' && String(issue.path[issue.path.length - 1]).startsWith('x-')) &&
      // OTEL_* values are otel/env's (the shape lists them for completion and hover).
      !(issue.kind === 'enum' && issue.path[2] === 'environment'),
  );
  return shapeFindings(issues, COMPOSE_SCHEMA);
}

export const composeSchemaCheck: FileCheck<ComposeFile> = {
  meta: {
    name: 'compose/schema',
    on: 'file',
    fileKinds: ['compose'],
    description: 'compose files: unknown keys (did-you-mean fix), wrong types and values, malformed port and volume strings of the Compose Specification',
    codes: [
      {
        code: COMPOSE_SCHEMA,
        severity: 'error',
        short: 'compose file structure',
        help: 'A key the Compose Specification does not know (with the key probably meant), a value of the wrong type or outside its allowed values, or a port or volume string Compose cannot read ("HOST:CONTAINER", "SOURCE:TARGET[:MODE]").',
        ja: {
          short: 'compose ファイルの構造',
          help: 'Compose Specification にないキー（意図したと思われるキーを提示）、型や許される値から外れた値、Compose が読めないポートやボリュームの文字列（"HOST:CONTAINER"、"SOURCE:TARGET[:MODE]"）。',
        },
      },
    ],
  },
  run: checkComposeSchema,
};

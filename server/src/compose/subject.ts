/** What the compose kind's handler hands its checks: the parsed document, the model base/compose.ts reads of it, the text. */
import type { Document } from 'yaml';
import type { ComposeModel } from '../base/compose';
import type { EnvScope } from '../otel/env';

export interface ComposeFile {
  document: Document.Parsed;
  model: ComposeModel;
  text: string;
  /** Each service's environment, for otel/env. */
  env: EnvScope[];
}

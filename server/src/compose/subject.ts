/** What the compose kind's handler hands its checks: the parsed document, the model base/compose.ts reads of it, the text. */
import type { Document } from 'yaml';
import type { ComposeModel } from '../base/compose';

export interface ComposeFile {
  document: Document.Parsed;
  model: ComposeModel;
  text: string;
}

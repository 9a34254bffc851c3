/**
 * Rename middleware: sends prepareRename / rename itself (the language client would log a failed
 * request as an error inside `next`) and turns the server's refusals into plain errors, which VS
 * Code shows as a message at the cursor. Other failures still go through the client as errors.
 */
import { PrepareRenameRequest, RenameRequest, type BaseLanguageClient, type Middleware } from 'vscode-languageclient/node';
import { refusalOf } from './refusal';

export function renameMiddleware(clientOf: () => BaseLanguageClient | undefined): Pick<Middleware, 'prepareRename' | 'provideRenameEdits'> {
  return {
    async prepareRename(document, position, token, next) {
      const client = clientOf();
      if (!client) return next(document, position, token);
      const params = client.code2ProtocolConverter.asTextDocumentPositionParams(document, position);
      const result = await refused(client.sendRequest(PrepareRenameRequest.type, params, token));
      if (!result) return undefined;
      if ('range' in result) return { range: client.protocol2CodeConverter.asRange(result.range), placeholder: result.placeholder };
      if ('defaultBehavior' in result) return next(document, position, token);
      return client.protocol2CodeConverter.asRange(result);
    },
    async provideRenameEdits(document, position, newName, token, next) {
      const client = clientOf();
      if (!client) return next(document, position, newName, token);
      const params = { ...client.code2ProtocolConverter.asTextDocumentPositionParams(document, position), newName };
      const result = await refused(client.sendRequest(RenameRequest.type, params, token));
      return client.protocol2CodeConverter.asWorkspaceEdit(result, token);
    },
  };
}

/** The answer; a refusal becomes a plain Error (VS Code shows its message, as information). */
async function refused<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal !== undefined) throw new Error(refusal);
    throw error;
  }
}

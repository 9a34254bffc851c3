/**
 * A refused rename (not a recording rule, an invalid new name) comes back as LSP's RequestFailed:
 * the request was fine and the answer is no. That is information for the user, not an error of
 * the extension. Pure: no vscode.
 */
import { LSPErrorCodes } from 'vscode-languageserver-protocol';

/** The message of a refusal, or undefined for any other failure (those stay errors). */
export function refusalOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === LSPErrorCodes.RequestFailed && typeof message === 'string' ? message : undefined;
}

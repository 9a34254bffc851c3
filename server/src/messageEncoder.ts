/**
 * The server's JSON-RPC messages as bytes, for the stdio transport (vscode-jsonrpc's
 * `contentTypeEncoder`).
 *
 * Why not JSON.stringify and Buffer.from, as vscode-jsonrpc does: most of what the server sends
 * is the publish of a big file's diagnostics after each keystroke, and most of those are the
 * very objects it published last time (the service hands unchanged diagnostics back, and the LSP
 * shape is made once per object). Each one's JSON is kept with its object, so a publish is a
 * copy of kept bytes: no 750 KB string, and no UTF-8 encoding of it, per keystroke. Every byte is
 * ASCII (other characters as `\u` escapes, which JSON allows), so the editor decodes it on its
 * fast path too.
 *
 * A diagnostic object must not change once published; the LSP handlers make new ones.
 */

const PUBLISH = 'textDocument/publishDiagnostics';

/** Characters past ASCII (and DEL), each written as a JSON `\u` escape. */
const NOT_ASCII = /[\u007f-\uffff]/g;

export interface MessageEncoder {
  readonly name: string;
  encode(message: unknown, options: { charset: string }): Promise<Uint8Array>;
}

/** JSON with every character past ASCII escaped: the same value, in bytes any charset reads alike. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NOT_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function jsonMessageEncoder(): MessageEncoder {
  const kept = new WeakMap<object, string>();
  const jsonOf = (value: unknown): string => {
    if (typeof value !== 'object' || value === null) return asciiJson(value);
    let json = kept.get(value);
    if (json === undefined) kept.set(value, (json = asciiJson(value)));
    return json;
  };
  return {
    name: 'application/json',
    encode(message, { charset }) {
      try {
        // ASCII reads the same in UTF-8 and ASCII; any other charset gets what vscode-jsonrpc would send.
        if (!/^(utf-?8|ascii)$/i.test(charset)) return Promise.resolve(Buffer.from(JSON.stringify(message), charset as BufferEncoding));
        const diagnostics = publishedDiagnostics(message);
        if (!diagnostics) return Promise.resolve(Buffer.from(asciiJson(message), 'latin1'));
        const { params } = message as { params: Record<string, unknown> };
        const head = `{"jsonrpc":"2.0","method":"${PUBLISH}","params":{${Object.entries(params)
          .filter(([key, value]) => key !== 'diagnostics' && value !== undefined)
          .map(([key, value]) => `${asciiJson(key)}:${asciiJson(value)},`)
          .join('')}"diagnostics":[`;
        return Promise.resolve(joinAscii(head, diagnostics.map(jsonOf), ']}}'));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** The diagnostics of a publishDiagnostics notification; undefined for any other message. */
function publishedDiagnostics(message: unknown): readonly unknown[] | undefined {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  if (method !== PUBLISH || typeof params !== 'object' || params === null) return undefined;
  return Array.isArray(params.diagnostics) ? params.diagnostics : undefined;
}

/** `head`, the items separated by commas, then `tail`: ASCII strings copied into one buffer. */
function joinAscii(head: string, items: readonly string[], tail: string): Buffer {
  let size = head.length + tail.length + Math.max(0, items.length - 1);
  for (const item of items) size += item.length;
  const bytes = Buffer.allocUnsafe(size);
  let at = bytes.write(head, 0, 'latin1');
  items.forEach((item, i) => {
    if (i > 0) at += bytes.write(',', at, 'latin1');
    at += bytes.write(item, at, 'latin1');
  });
  bytes.write(tail, at, 'latin1');
  return bytes;
}

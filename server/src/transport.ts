/**
 * The server's connection, on the transport the command line names (as vscode-languageserver
 * chooses it), with one change: over stdio, messages are encoded by messageEncoder.ts.
 */
import { Console } from 'node:console';
import { format } from 'node:util';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { jsonMessageEncoder } from './messageEncoder';

/** The transport argument vscode-languageserver acts on: the first one given. */
function transportArgument(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((arg) => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(arg));
}

export function connect(argv: readonly string[] = process.argv) {
  if (transportArgument(argv) !== '--stdio') return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonMessageEncoder() });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer);
  // The editor closing our stdin ends the server, as vscode-languageserver does for streams it opens.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  const exit = () => process.exit(shutDown ? 0 : 1);
  process.stdin.on('end', exit).on('close', exit);
  keepOffStdout(console, connection.console);
  return connection;
}

/**
 * stdout carries the protocol: what the server's code (or a library's) prints goes to the editor's
 * log instead, as vscode-languageserver arranges when it opens stdio itself. Every other console
 * method (table, dir, time, count, group, ...) writes to stderr, which the editor shows too.
 */
export function keepOffStdout(target: Console, log: { log(message: string): void; warn(message: string): void; error(message: string): void }, stderr: NodeJS.WritableStream = process.stderr): void {
  const toStderr = new Console({ stdout: stderr, stderr });
  for (const key of Object.keys(toStderr)) {
    const method: unknown = (toStderr as unknown as Record<string, unknown>)[key];
    if (typeof method === 'function') Object.assign(target, { [key]: (...args: unknown[]) => (method as (...a: unknown[]) => unknown).apply(toStderr, args) });
  }
  target.log = target.info = target.debug = (...args: unknown[]) => log.log(format(...args));
  target.warn = (...args: unknown[]) => log.warn(format(...args));
  target.error = (...args: unknown[]) => log.error(format(...args));
}

/**
 * The server's connection, on the transport the command line names (as vscode-languageserver
 * chooses it), with one change: over stdio, messages are encoded by messageEncoder.ts.
 */
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
  // stdout carries the protocol: anything printed there goes to the editor's log instead, as
  // vscode-languageserver arranges when it opens stdio itself.
  const log = connection.console;
  console.log = console.info = (...args: unknown[]) => log.log(format(...args));
  console.debug = (...args: unknown[]) => log.log(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = console.trace = (...args: unknown[]) => log.error(format(...args));
  return connection;
}

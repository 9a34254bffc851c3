/**
 * The workspace files that are not open, as read from disk: their text, or
 * the bytes of one that is not UTF-8 (its validation says why it is not
 * checked: service/fileInput.ts).
 */
import { decodeText, uriToPath } from '../base/files';
import type { ClientPort, Disk } from './clientPort';
import { say } from './messages';

export type DiskFile = { text: string } | { bytes: Uint8Array };

export class DiskFiles {
  private readonly files = new Map<string, DiskFile>();

  constructor(
    private readonly disk: Disk,
    private readonly port: ClientPort,
  ) {}

  /** Reads a file again; one that cannot be read is forgotten. */
  read(uri: string): void {
    const bytes = this.disk.read(uriToPath(uri));
    if (bytes === undefined) {
      this.files.delete(uri);
      return;
    }
    const decoded = decodeText(bytes);
    if ('error' in decoded) {
      this.port.log('log', say('notDecoded', { path: uriToPath(uri), reason: decoded.error }));
      this.files.set(uri, { bytes });
      return;
    }
    this.files.set(uri, { text: decoded.text });
  }

  get(uri: string): DiskFile | undefined {
    return this.files.get(uri);
  }

  /** The text of a file on disk, when it has one. */
  text(uri: string): string | undefined {
    const file = this.files.get(uri);
    return file && 'text' in file ? file.text : undefined;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  keys(): IterableIterator<string> {
    return this.files.keys();
  }
}

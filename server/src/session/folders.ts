/**
 * The workspace folders of a session: which folder a document belongs to,
 * and where it sits (the location the service judges a file's kind by).
 */
import { relative } from 'node:path';
import { uriToPath } from '../base/files';
import type { FileLocation } from '../service/languageService';

export interface WorkspaceFolder {
  uri: string;
  name: string;
}

export class Folders {
  private folders: WorkspaceFolder[] = [];

  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = [...folders];
  }

  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    this.folders = this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)).concat(added);
  }

  all(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  /** The innermost folder holding a document. */
  of(uri: string): WorkspaceFolder | undefined {
    return this.folders.filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];
  }

  locationOf(uri: string): FileLocation {
    const folder = this.of(uri);
    const path = uriToPath(uri);
    return { path, relativePath: folder ? relative(uriToPath(folder.uri), path) : undefined };
  }

  /** How a file is named in hovers: relative to its folder. */
  displayPath(uri: string): string {
    return this.locationOf(uri).relativePath ?? uriToPath(uri);
  }
}

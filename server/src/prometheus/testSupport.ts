/** Test support: one prometheus.yaml checked by the language service, its diagnostics rendered (`line:char-line:char severity code message`, fixes below). */
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import type { Diagnostic } from '../base/types';
import { render } from '../catalog/testSupport';

export interface CheckOptions {
  /** Where the file is on disk (`/ws/prometheus.yaml`, not on disk, by default: rule_files are then not looked for). */
  path?: string;
  settings?: Settings;
  /** Other files of the workspace, by path. */
  files?: Record<string, string>;
}

export function diagnoseConfig(text: string, options: CheckOptions = {}): Diagnostic[] {
  const service = new LanguageService();
  const path = options.path ?? '/ws/prometheus.yaml';
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const request = (p: string, t: string) => ({ file: { uri: `file://${p}`, text: t }, settings, location: { path: p, relativePath: p.replace(/^\/ws\//, '') } });
  for (const [p, t] of Object.entries(options.files ?? {})) service.index(request(p, t));
  service.index(request(path, text));
  return service.validate(request(path, text));
}

/** Rendered diagnostics of the given codes (prometheus/config by default), without the "Disable … for this line" fixes. */
export function checkConfig(text: string, options: CheckOptions & { codes?: readonly string[] } = {}): string[] {
  return render(diagnoseConfig(text, options), options.codes ?? ['prometheus/config']).filter((line) => !line.includes('fix Disable '));
}

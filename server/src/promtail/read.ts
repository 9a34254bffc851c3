/** What the Promtail handler hands its check, and how a Promtail file is told from a prometheus.yaml. */
import type { Document } from 'yaml';
import { topKeys } from '../loki/read';

export interface PromtailFile {
  /** The document that holds the configuration (a mapping that parsed). */
  document: Document.Parsed;
}

export function mayBePromtail(text: string): boolean {
  return /^clients?\s*:/m.test(text) && /^(?:positions|scrape_configs)\s*:/m.test(text);
}

/** `clients` (or the older `client`) with `positions` or `scrape_configs`: a prometheus.yaml has neither client key. */
export function isPromtailDocument(document: Document.Parsed): boolean {
  const keys = topKeys(document);
  return (keys.includes('clients') || keys.includes('client')) && (keys.includes('positions') || keys.includes('scrape_configs'));
}

/** Keys of a Promtail file: enough, in a file named `promtail*`, when it is half written. */
export const PROMTAIL_KEYS = ['server', 'positions', 'clients', 'client', 'scrape_configs', 'target_config', 'limits_config'];

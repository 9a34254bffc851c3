/** `alertmanager/config`: inhibit rules' matchers, `match` / `match_re` maps and `equal` labels, as Alertmanager validates them. */
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { checkMatchMap, checkMatcherList } from './labels';
import { LABEL_NAME } from './matchers';
import { say } from './messages';
import { mapsAt, scalarsAt, text, type AlertmanagerFile } from './model';

export function checkInhibitRules(file: AlertmanagerFile): Finding[] {
  const findings: Finding[] = [];
  for (const { node } of mapsAt(file.root, 'inhibit_rules')) {
    for (const side of ['source', 'target']) {
      findings.push(...checkMatcherList(node, `${side}_matchers`), ...checkMatchMap(node, `${side}_match`, false), ...checkMatchMap(node, `${side}_match_re`, true));
    }
    for (const label of scalarsAt(node, 'equal')) {
      if (!LABEL_NAME.test(text(label))) findings.push(configError(label, say('labelName', { label: text(label), key: 'equal' })));
    }
  }
  return findings;
}

export const alertmanagerInhibitRulesCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/inhibitRules',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: "inhibit rules as Alertmanager validates them: source and target matchers, match_re regexes, equal's label names",
    codes: [CONFIG_CODE],
  },
  run: (file) => checkInhibitRules(file),
};

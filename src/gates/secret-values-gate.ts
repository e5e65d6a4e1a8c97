/**
 * The `secret-values` gate (issue #10, point 6): the values the plan hands its
 * tasks (`pass-env` values, agent credentials, `env` values under secret-like
 * names: see src/run/secrets.ts) may not be written into the change, plainly or
 * encoded (base64 at any alignment, hex, URL or JSON escaping), in added lines,
 * file names or symlink targets. A pattern scanner cannot know these values;
 * this gate does. Findings name the variable, never the value. Pure.
 */
import type { Gates } from '../plan/schema.js'
import type { ChangeSet, GateDecision } from './types.js'
import { createMasker, secretFormsByEncoding, type SecretEncoding } from '../report/mask.js'
import { showPath, yamlList } from './path-rules.js'

/** A value the plan hands to tasks, with the variable it comes from. */
export interface NamedSecret {
  name: string
  value: string
}

/** Where each secret turns up in a change: `path:line`, `path (file name)`, `path (symlink target)`. Pure. */
export function findSecretValues(changes: ChangeSet, secrets: readonly NamedSecret[]): { name: string; where: string; encoding: SecretEncoding }[] {
  const forms = secrets.flatMap((s) => secretFormsByEncoding(s.value).map((f) => ({ name: s.name, ...f })))
  if (forms.length === 0) return []
  // A file may be named after the secret: its name is shown with every value masked.
  const hide = createMasker(secrets.map((s) => s.value))
  const describe = (p: string) => showPath(hide(p))
  const found: { name: string; where: string; encoding: SecretEncoding }[] = []
  const seen = new Set<string>()
  const look = (text: string, where: string) => {
    for (const f of forms) {
      const key = `${f.name}\0${where}`
      if (!seen.has(key) && text.includes(f.form)) {
        seen.add(key)
        found.push({ name: f.name, where, encoding: f.encoding })
      }
    }
  }
  for (const file of changes.files) {
    for (const p of file.oldPath ? [file.oldPath, file.path] : [file.path]) look(p, `${describe(file.path)} (file name)`)
    if (file.symlinkTarget) look(file.symlinkTarget, `${describe(file.path)} (symlink target)`)
    for (const l of file.addedLines) look(l.text, `${describe(file.path)}:${l.line}`)
    // Encoded values are often wrapped over lines (base64 at 76 columns): look at the lines joined too.
    if (file.addedLines.length > 1) look(file.addedLines.map((l) => l.text.trim()).join(''), `${describe(file.path)} (across lines)`)
  }
  return found
}

/** `secret-values`: no value the plan hands to tasks lands in the change, unless `gates.allow-secret-values` names its variable. */
export function secretValuesGate(changes: ChangeSet, gates: Gates, secrets: readonly NamedSecret[]): GateDecision {
  const allowed = new Set(gates['allow-secret-values'])
  const checked = secrets.filter((s) => !allowed.has(s.name))
  const found = findSecretValues(changes, checked)
  if (found.length === 0) {
    return {
      gate: 'secret-values',
      allowed: true,
      reason: `none of the ${checked.length} value(s) the plan hands to tasks is in the change` + (allowed.size ? ` (allowed: ${[...allowed].join(', ')})` : '')
    }
  }
  const names = [...new Set(found.map((f) => f.name))]
  return {
    gate: 'secret-values',
    allowed: false,
    reason:
      `the value of ${names.join(', ')} (handed to the task by the plan) is written into the change: once pushed it is public ` +
      'to everyone who can read the branch and must be revoked; a step must read it from its environment, never store it',
    optIn: `gates.allow-secret-values: ${yamlList([...gates['allow-secret-values'], ...names])}`,
    findings: found.map((f) => `${f.where}: the value of ${f.name}${f.encoding === 'plain' ? '' : ` (${f.encoding})`}`)
  }
}

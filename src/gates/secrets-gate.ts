/**
 * The `secrets` gate: added lines scanned with secretlint's recommended
 * preset (a maintained rule set: AWS, GCP, GitHub, npm, Slack, private
 * keys, connection strings...). Findings carry rule and file:line, never the
 * value. No file is read from disk: only the added text is scanned.
 */
import { lintSource } from '@secretlint/core'
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend'
import type { Gates } from '../plan/schema.js'
import type { ChangeSet, FileChange, GateDecision } from './types.js'
import { showPath } from './path-rules.js'

/** One secret found in an added line. */
export interface SecretFinding {
  path: string
  line: number
  /** Short rule id, e.g. `github`. */
  rule: string
  /** secretlint's message with the value masked. */
  message: string
}

const CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] }

function extension(p: string): string {
  const m = /(\.[^./]+)$/.exec(p)
  // The GCP rule reads `.p12` sources from disk by file path: never let it.
  return m && m[1].toLowerCase() !== '.p12' ? m[1] : ''
}

/**
 * Scan one file's added lines. Consecutive added lines are joined so that
 * multi-line secrets (PEM private keys) are seen whole.
 */
export async function scanAddedLines(file: FileChange): Promise<SecretFinding[]> {
  if (file.addedLines.length === 0) return []
  const content = file.addedLines.map((l) => l.text).join('\n')
  const result = await lintSource({
    source: { content, filePath: file.path, ext: extension(file.path), contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true }
  })
  return result.messages.map((m) => ({
    path: file.path,
    line: file.addedLines[m.loc.start.line - 1]?.line ?? 0,
    rule: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''),
    message: m.message
  }))
}

/** `secrets`: no added line holds a secret, unless scanning is turned off with `gates.scan-secrets: false`. */
export async function secretsGate(changes: ChangeSet, gates: Gates): Promise<GateDecision> {
  if (!gates['scan-secrets']) {
    return { gate: 'secrets', allowed: true, reason: 'secret scanning is off (gates.scan-secrets: false)' }
  }
  const scanned = changes.files.filter((f) => f.addedLines.length > 0)
  const findings = (await Promise.all(scanned.map(scanAddedLines))).flat()
  if (findings.length === 0) {
    return { gate: 'secrets', allowed: true, reason: `no secret in the added lines of ${scanned.length} file(s)` }
  }
  return {
    gate: 'secrets',
    allowed: false,
    reason:
      `${findings.length} secret(s) in added lines: once pushed, a secret is public to everyone who can read ` +
      'the branch and must be revoked; remove it and read it from the environment instead',
    optIn: 'gates.scan-secrets: false',
    findings: findings.map((f) => `${showPath(f.path)}:${f.line} ${f.rule}: ${f.message}`)
  }
}

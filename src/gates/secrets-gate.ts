/**
 * The `secrets` gate: added lines scanned with secretlint's recommended
 * preset (a maintained rule set: AWS, GCP, GitHub, npm, Slack, private
 * keys, connection strings...). Findings carry rule and file:line, never the
 * value. No file is read from disk: only the added text is scanned.
 */
import { lintSource } from '@secretlint/core'
import { secretLintProfiler } from '@secretlint/profiler'
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend'
import type { Gates } from '../plan/schema.js'
import type { ChangeSet, FileChange, GateDecision } from './types.js'
import { showPath } from './path-rules.js'

/** One secret found in an added line, a symlink target or a file name. */
export interface SecretFinding {
  path: string
  line: number
  /** Where the secret sits when it is not an added line. */
  where?: 'symlink target' | 'file name'
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
 * The file name secretlint is given. Its profiler (a process-wide
 * PerformanceObserver) names marks after it and parses them back with
 * `/(.*?)::end(\|\|.*)?/`: a name holding `::` or a line terminator makes it
 * measure a mark that does not exist, an unhandled rejection that kills the
 * whole process. A task could crash autopilot with a file name, so those
 * characters are replaced; rules only read the base name and extension.
 */
export function lintFilePath(p: string): string {
  return p.replace(/[\p{Cc}\u2028\u2029:]/gu, '_')
}

/**
 * Scan one file's added lines. Consecutive added lines are joined so that
 * multi-line secrets (PEM private keys) are seen whole.
 */
export async function scanAddedLines(file: FileChange): Promise<SecretFinding[]> {
  if (file.addedLines.length === 0) return []
  const content = file.addedLines.map((l) => l.text).join('\n')
  return (await lint(content, file.path, extension(file.path))).map((m) => ({
    path: file.path,
    line: file.addedLines[m.loc.start.line - 1]?.line ?? 0,
    rule: m.rule,
    message: m.message
  }))
}

/**
 * secretlint 11's profiler keeps every performance mark it observes and, for
 * each new one, searches all of them (secretlint#1633): scanning grows
 * quadratic over a long run. Nothing reads those lists (only `getEntries` and
 * `getMeasures`, which nobody calls), so they are made to forget: each read
 * gives a new empty list. The global performance timeline is left alone: the
 * profiler still measures from its marks, and a missing mark would be an
 * unhandled rejection. secretlint 13 fixes it but needs Node 22; we support 20.
 */
function forgetfulProfiler(): void {
  for (const list of ['entries', 'measures', 'executionPromises']) {
    Object.defineProperty(secretLintProfiler, list, { get: () => [], set: () => undefined, configurable: true })
  }
}
forgetfulProfiler()

async function lint(content: string, filePath: string, ext: string) {
  const result = await lintSource({
    source: { content, filePath: lintFilePath(filePath), ext, contentType: 'text' },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true }
  })
  return result.messages.map((m) => ({ ...m, rule: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, '') }))
}

/**
 * Scan what a change carries besides its lines: each symlink's target (its
 * whole content) and every changed path (a file can be named after a token).
 * A path shown in a finding has the secret masked.
 */
export async function scanNames(changes: ChangeSet): Promise<SecretFinding[]> {
  const links = changes.files.filter((f) => f.symlinkTarget)
  const fromLinks = await Promise.all(
    links.map(async (f) =>
      (await lint(f.symlinkTarget!, f.path, '')).map((m) => ({ path: f.path, line: 1, rule: m.rule, message: m.message, where: 'symlink target' as const }))
    )
  )
  const paths = [...new Set(changes.files.flatMap((f) => (f.oldPath ? [f.oldPath, f.path] : [f.path])))]
  // One path per line: line breaks inside a name become spaces so lines and paths stay aligned.
  const lines = paths.map((p) => p.replace(/[\r\n\u2028\u2029]/g, ' '))
  // Cumulative, not per line from the start: a change of 12,000 names made this quadratic (issue #10).
  const offsets: number[] = []
  lines.reduce((at, l) => (offsets.push(at), at + l.length + 1), 0)
  const fromPaths = paths.length
    ? (await lint(lines.join('\n'), 'changed-paths', '')).map((m) => {
        const i = m.loc.start.line - 1
        const [from, to] = [m.range[0] - offsets[i], Math.min(m.range[1] - offsets[i], lines[i].length)]
        const masked = paths[i].slice(0, from) + '*'.repeat(Math.max(0, to - from)) + paths[i].slice(to)
        return { path: masked, line: 0, rule: m.rule, message: m.message, where: 'file name' as const }
      })
    : []
  return [...fromLinks.flat(), ...fromPaths]
}

function describeFinding(f: SecretFinding): string {
  return f.where ? `${showPath(f.path)} (${f.where}) ${f.rule}: ${f.message}` : `${showPath(f.path)}:${f.line} ${f.rule}: ${f.message}`
}

/**
 * `secrets`: no added line, symlink target or changed path holds a secret
 * (binary files are scanned through their printable strings, see
 * src/git/changes.ts), unless scanning is turned off with `gates.scan-secrets: false`.
 */
export async function secretsGate(changes: ChangeSet, gates: Gates): Promise<GateDecision> {
  if (!gates['scan-secrets']) {
    return { gate: 'secrets', allowed: true, reason: 'secret scanning is off (gates.scan-secrets: false)' }
  }
  const scanned = changes.files.filter((f) => f.addedLines.length > 0)
  const findings = [...(await Promise.all(scanned.map(scanAddedLines))).flat(), ...(await scanNames(changes))]
  if (findings.length === 0) {
    return { gate: 'secrets', allowed: true, reason: `no secret in the added lines of ${scanned.length} file(s)` }
  }
  return {
    gate: 'secrets',
    allowed: false,
    reason:
      `${findings.length} secret(s) in added lines, file names or symlink targets: once pushed, a secret is public to everyone who can read ` +
      'the branch and must be revoked; remove it and read it from the environment instead',
    optIn: 'gates.scan-secrets: false',
    findings: findings.map(describeFinding)
  }
}

/**
 * `text` with every secret secretlint finds in it overwritten by `*`, same
 * length (so a patch keeps its shape). For evidence kept of a denied change:
 * what is stored or uploaded must not carry the secret that got it denied.
 */
export async function redactSecrets(text: string, name = 'evidence'): Promise<string> {
  const ranges = (await lint(text, name, '')).map((m) => m.range as [number, number]).sort((a, b) => a[0] - b[0])
  let out = ''
  let at = 0
  for (const [from, to] of ranges) {
    if (to <= at) continue
    const start = Math.max(from, at)
    out += text.slice(at, start) + '*'.repeat(to - start)
    at = to
  }
  return out + text.slice(at)
}

/**
 * The `size` gate: how many files and lines a task (or the whole run)
 * changes, and the largest file it writes. Binary files count as files and by
 * their bytes; they add no lines. Pure.
 */
import type { Gates } from '../plan/schema.js'
import type { ChangeSet, GateDecision } from './types.js'
import { showPath } from './path-rules.js'

/** Which limits apply: a task's own or the run's totals. */
export type SizeLevel = 'task' | 'run'

/** Totals of a change set, as the size gate counts them. */
export function changeTotals(changes: ChangeSet): { files: number; lines: number; binary: number } {
  let lines = 0
  let binary = 0
  for (const f of changes.files) {
    lines += f.added + f.removed
    if (f.binary) binary++
  }
  return { files: changes.files.length, lines, binary }
}

/** `size`: changed files, changed lines and file bytes within the plan's limits. */
export function sizeGate(changes: ChangeSet, gates: Gates, level: SizeLevel): GateDecision {
  const filesKey = level === 'task' ? 'max-changed-files' : 'max-run-changed-files'
  const linesKey = level === 'task' ? 'max-changed-lines' : 'max-run-changed-lines'
  const totals = changeTotals(changes)
  const maxBytes = gates['max-file-bytes']
  const big = changes.files.filter((f) => f.kind !== 'deleted' && f.size > maxBytes)
  const problems: string[] = []
  const optIns: string[] = []
  const findings: string[] = []
  if (totals.files > gates[filesKey]) {
    problems.push(`${totals.files} files changed, more than gates.${filesKey} (${gates[filesKey]})`)
    optIns.push(`gates.${filesKey}: ${totals.files}`)
  }
  if (totals.lines > gates[linesKey]) {
    problems.push(`${totals.lines} lines changed, more than gates.${linesKey} (${gates[linesKey]})`)
    optIns.push(`gates.${linesKey}: ${totals.lines}`)
  }
  if (big.length > 0) {
    const largest = Math.max(...big.map((f) => f.size))
    problems.push(`${big.length} file(s) larger than gates.max-file-bytes (${maxBytes})`)
    optIns.push(`gates.max-file-bytes: ${largest}`)
    findings.push(...big.map((f) => `${showPath(f.path)}: ${f.size} bytes${f.binary ? ' (binary)' : ''}`))
  }
  const summary = `${totals.files} files (${totals.binary} binary), ${totals.lines} lines`
  if (problems.length === 0) {
    return { gate: 'size', allowed: true, reason: `${summary}: within the limits` }
  }
  return {
    gate: 'size',
    allowed: false,
    reason: `${problems.join('; ')}: a change this large cannot be reviewed with care and often means a step ran away`,
    optIn: optIns.join(' and '),
    ...(findings.length ? { findings } : {})
  }
}

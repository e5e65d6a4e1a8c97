/**
 * The `forbid-added` gate (issue #15, the path-index gate of the zero-touch
 * seed): a task may not add more matches of a forbidden pattern (a deprecated
 * API, a hard-coded path, `console.log` in `src/`) than it removes. Comparing
 * added against removed lines is comparing the files after the task with the
 * base: a task that moves a match or removes some passes, one that adds a new
 * one is denied with each added file:line and the rule's message. Pure.
 */
import type { ForbidAddedRule, Gates } from '../plan/schema.js'
import type { ChangeSet, GateDecision } from './types.js'
import { allowMatcher, showPath } from './path-rules.js'

/** Matches of `re` in `text` (a line can hold several). */
function countMatches(re: RegExp, text: string): number {
  let n = 0
  for (const _ of text.matchAll(re)) n++
  return n
}

/** One rule's tally over a change: matches added (with places) and removed. */
export function tallyRule(rule: ForbidAddedRule, changes: ChangeSet): { added: string[]; addedCount: number; removedCount: number } {
  const re = new RegExp(rule.pattern, 'g')
  const inScope = rule.paths ? allowMatcher(rule.paths) : () => true
  const added: string[] = []
  let addedCount = 0
  let removedCount = 0
  for (const f of changes.files) {
    // A rename keeps its old lines under the old name: judge the file by either.
    if (!inScope(f.path) && !(f.oldPath !== undefined && inScope(f.oldPath))) continue
    for (const l of f.addedLines) {
      const n = countMatches(re, l.text)
      if (n > 0) {
        addedCount += n
        added.push(`${showPath(f.path)}:${l.line}: ${rule.message}`)
      }
    }
    for (const text of f.removedLines ?? []) removedCount += countMatches(re, text)
  }
  return { added, addedCount, removedCount }
}

/** `forbid-added`: every rule of `gates.forbid-added`, against what the task adds and removes. */
export function forbidAddedGate(changes: ChangeSet, gates: Gates): GateDecision {
  const rules = gates['forbid-added']
  if (rules.length === 0) return { gate: 'forbid-added', allowed: true, reason: 'no gates.forbid-added rules' }
  const problems: string[] = []
  const findings: string[] = []
  for (const [i, rule] of rules.entries()) {
    const t = tallyRule(rule, changes)
    if (t.addedCount > t.removedCount) {
      problems.push(
        `gates.forbid-added[${i}] /${rule.pattern}/: ${t.addedCount} added, ${t.removedCount} removed (${rule.message})`
      )
      findings.push(...t.added)
    }
  }
  if (problems.length === 0) {
    return { gate: 'forbid-added', allowed: true, reason: `no rule of gates.forbid-added gained matches (${rules.length} rules)` }
  }
  return {
    gate: 'forbid-added',
    allowed: false,
    reason: `${problems.join('; ')}: the task adds more of a forbidden pattern than the base had`,
    optIn: 'remove the added matches, or change the rule in gates.forbid-added',
    findings
  }
}

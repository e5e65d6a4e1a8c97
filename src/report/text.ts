/** Pure plain-text renderers: status lines, the final table, FAILED-<ts>.log. */
import type { Plan } from '../plan/schema.js'
import type { RunManifest, TaskStatus } from '../state/manifest.js'
import { formatDuration, formatUsage } from './markdown.js'
import { suggestCommand } from '../invocation.js'
import { clip } from './clip.js'

/** One line of status-<ts>.log. */
export function statusLine(at: Date, id: string, status: TaskStatus | 'kept', reason?: string): string {
  const why = reason ? ` ${reason.split('\n')[0]}` : ''
  return `${at.toISOString()} ${id} ${status}${why}`
}

/** The table printed at the end of a run. */
export function finalTable(plan: Plan, m: RunManifest): string {
  const rows = plan.tasks.map(t => {
    const r = m.tasks[t.id]
    return [t.id, r?.status ?? 'pending', String(r?.attempts ?? 0), formatDuration(r?.durationMs), formatUsage(r?.usage), clip((r?.reason ?? '').split('\n')[0], 80)]
  })
  const head = ['TASK', 'STATUS', 'TRIES', 'TIME', 'USAGE', 'DETAILS']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)))
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  return [fmt(head), ...rows.map(fmt)].join('\n')
}

/** FAILED-<ts>.log: what failed, where, its output tail, and how to resume. */
export function renderFailedLog(input: { plan: Plan; manifest: RunManifest; planArg: string; problem?: string; invocation?: string }): string {
  const { manifest } = input
  const lines = [`autopilot run of issue #${manifest.issue} did not complete`, `plan: ${manifest.planPath}`, `base: ${manifest.baseCommit}`]
  if (manifest.breaker) lines.push(`stopped by circuit breaker: ${manifest.breaker}`)
  if (input.problem) lines.push(`integration: ${input.problem}`)
  for (const t of input.plan.tasks) {
    const r = manifest.tasks[t.id]
    if (!r || r.status === 'succeeded' || r.status === 'cached') continue
    lines.push('', `task ${t.id}: ${r.status}`)
    if (r.failedStep) {
      const step = r.steps.find(s => s.name === r.failedStep)
      lines.push(`  step: ${r.failedStep}`, `  exit code: ${step?.exitCode ?? 'none'}`)
      if (step?.log) lines.push(`  step log: ${step.log}`)
    }
    for (const g of r.gates.filter(g => !g.allowed)) {
      lines.push(`  gate ${g.gate} denied: ${g.reason}${g.optIn ? `\n    to allow: ${g.optIn}` : ''}`)
      for (const f of g.findings ?? []) lines.push(`    ${f}`)
    }
    // A denial's reason repeats its gates, listed above.
    if (r.reason && !r.gates.some(g => !g.allowed)) lines.push('  reason:', ...r.reason.split('\n').map(l => `    ${l}`))
    if (r.log) lines.push(`  task log: ${r.log}`)
  }
  lines.push(
    '',
    'to resume: fix the cause, then run the same command again:',
    `  ${suggestCommand(input.invocation, `run ${input.planArg}`)}`,
    'finished tasks are kept; failed, blocked and cancelled ones run again. If the fix is a commit (the base moved),',
    'add --rebase: the run moves onto the new HEAD, keeping finished tasks whose changes still apply. Add --fresh to start over.'
  )
  return lines.join('\n') + '\n'
}

/**
 * Pure renderers from a run's data to markdown. The same text feeds
 * summary-<ts>.md, the job summary, the PR body and the issue comment.
 */
import type { Plan } from '../plan/schema.js'
import type { GateRecord, RunManifest, TaskRecord, TaskStatus, Usage } from '../state/manifest.js'
import { buildGraph } from '../graph/graph.js'
import { renderMermaid } from '../graph/render.js'
import { mergeUsage } from '../agents/budget.js'
import { clip } from './clip.js'

const ICON: Record<TaskStatus, string> = {
  pending: '⏳',
  running: '🔄',
  succeeded: '✅',
  cached: '♻️',
  failed: '❌',
  denied: '⛔',
  blocked: '🚫',
  cancelled: '⏹️'
}

export interface SummaryInput {
  plan: Plan
  manifest: RunManifest
  /** Where the logs are (a folder path locally, an artifact link in Actions). */
  logsLocation?: string
  /** Per-task log link or path, when known. */
  logLink?: (task: TaskRecord) => string | undefined
  /** Omit durations (snapshot tests). */
  stable?: boolean
}

/** Overall outcome of a run, for titles and exit codes. */
export function runOutcome(m: RunManifest): 'succeeded' | 'failed' | 'stopped' | 'running' {
  if (!m.finishedAt) return 'running'
  if (m.breaker) return 'stopped'
  return Object.values(m.tasks).every(t => t.status === 'succeeded' || t.status === 'cached') ? 'succeeded' : 'failed'
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return ''
  if (ms < 1000) return `${ms} ms`
  const s = Math.round(ms / 100) / 10
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return `${m} min ${Math.round(s - m * 60)} s`
}

export function formatUsage(u: Usage | undefined): string {
  if (!u || u.calls === 0) return ''
  const tokens = u.inputTokens + u.outputTokens
  const cost = u.costUsd !== undefined ? `, $${u.costUsd.toFixed(4)}` : ''
  return `${u.calls} call${u.calls === 1 ? '' : 's'}, ${tokens} tokens${cost}`
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

export function renderTaskTable(input: SummaryInput): string {
  const rows = input.plan.tasks.map(t => {
    const r = input.manifest.tasks[t.id]
    const status = r?.status ?? 'pending'
    const link = r ? input.logLink?.(r) : undefined
    const why = r?.reason ? cell(clip(r.reason.split('\n')[0], 200)) : ''
    return [
      `\`${t.id}\``,
      cell(t.name ?? ''),
      `${ICON[status]} ${status}`,
      String(r?.attempts ?? 0),
      input.stable ? '' : formatDuration(r?.durationMs),
      String(r?.changedFiles ?? ''),
      formatUsage(r?.usage),
      cell(agentsUsed(r)),
      link ? `[log](${link})` : '',
      why
    ]
  })
  const head = ['Task', 'Name', 'Status', 'Attempts', 'Duration', 'Files', 'Usage', 'Agents', 'Log', 'Details']
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)].join(
    '\n'
  )
}

/** Who did the agent work: `codex`, or `codex ✗ → claude` after an escalation. */
export function agentsUsed(r: TaskRecord | undefined): string {
  const parts: string[] = []
  for (const s of r?.steps ?? []) {
    const tried = s.agents ?? (s.agent ? [s.agent] : [])
    if (tried.length === 0) continue
    const last = tried.length - 1
    parts.push(tried.map((a, i) => (i < last || s.status !== 'succeeded' ? `${a} ✗` : a)).join(' → '))
  }
  return parts.join(', ')
}

export function renderGatesSection(input: SummaryInput): string {
  const lines: string[] = []
  const verdicts = (who: string, gates: GateRecord[]) => {
    const denied = gates.filter(g => !g.allowed)
    if (denied.length === 0) {
      lines.push(`- ${who}: ✅ all ${gates.length} gates passed (${gates.map(g => g.gate).join(', ')})`)
      return
    }
    lines.push(`- ${who}: ⛔ **${denied.length} denied**`)
    for (const g of denied) {
      lines.push(`  - ${g.gate}: ${cell(g.reason)}${g.optIn ? ` (to allow: \`${cell(g.optIn)}\`)` : ''}`)
      for (const f of (g.findings ?? []).slice(0, 20)) lines.push(`    - \`${cell(f)}\``)
    }
  }
  for (const t of input.plan.tasks) {
    const r = input.manifest.tasks[t.id]
    if (r?.gates.length) verdicts(`\`${t.id}\``, r.gates)
  }
  if (input.manifest.gates?.length) verdicts('whole branch', input.manifest.gates)
  return lines.length ? lines.join('\n') : '_No gates evaluated yet._'
}

/** The full run report. */
export function renderSummary(input: SummaryInput): string {
  const { plan, manifest } = input
  const outcome = runOutcome(manifest)
  const statuses = Object.fromEntries(Object.values(manifest.tasks).map(t => [t.id, t.status]))
  const total = usageTotal(manifest)
  const parts = [
    `## autopilot #${plan.issue}: ${plan.title}`,
    '',
    `**Outcome: ${outcome}**${manifest.breaker ? ` (circuit breaker: ${manifest.breaker})` : ''}. ` +
      `Branch \`${manifest.branch}\` from \`${manifest.baseCommit.slice(0, 12)}\`; plan \`${manifest.planPath}\` ` +
      `(sha256 ${manifest.planHash.slice(0, 12)}).`,
    '',
    renderTaskTable(input),
    '',
    '### DAG',
    '',
    '```mermaid',
    renderMermaid(buildGraph(plan.tasks), statuses),
    '```',
    '',
    '### Gates',
    '',
    renderGatesSection(input),
    ''
  ]
  const problems = Object.values(manifest.tasks).filter(t => t.reason && t.status !== 'succeeded')
  if (problems.length) {
    parts.push('### Problems', '')
    for (const t of problems) {
      parts.push(`- \`${t.id}\` **${t.status}**${t.failedStep ? ` at step "${cell(t.failedStep)}"` : ''}: ${cell(t.reason!.split('\n')[0])}`)
    }
    parts.push('')
  }
  parts.push('### Timings and usage', '')
  if (!input.stable) parts.push(`- Started ${manifest.startedAt}${manifest.finishedAt ? `, finished ${manifest.finishedAt}` : ''}`)
  parts.push(`- Agent usage: ${formatUsage(total) || 'none'}`)
  if (input.logsLocation) parts.push(`- Logs: ${input.logsLocation}`)
  return parts.join('\n') + '\n'
}

/** Agent usage summed over every task record (kept, cached and fresh alike). */
export function usageTotal(m: RunManifest): Usage | undefined {
  return Object.values(m.tasks).reduce<Usage | undefined>((sum, t) => mergeUsage(sum, t.usage), undefined)
}

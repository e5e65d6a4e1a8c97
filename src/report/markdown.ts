/**
 * Pure renderers from a run's data to markdown. The same text feeds
 * summary-<ts>.md, the job summary, the PR body and the issue comment.
 */
import type { Plan } from '../plan/schema.js'
import { LANDABLE, type GateRecord, type RunManifest, type TaskRecord, type TaskStatus, type Usage } from '../state/manifest.js'
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
  /** Rendering the pull request body: adds `Closes #<issue>` (unless `pr.close-issue: false`). */
  pullRequest?: boolean
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
  const unknown = u.unknownCalls ?? 0
  // A CLI that reported nothing: its tokens are unknown, not 0.
  const tokenText =
    unknown >= u.calls ? 'tokens unknown' : unknown > 0 ? `${tokens} tokens + unknown (${unknown} call${unknown === 1 ? '' : 's'} unreported)` : `${tokens} tokens`
  return `${u.calls} call${u.calls === 1 ? '' : 's'}, ${tokenText}${cost}`
}

/** One table cell or list item: one line, pipes escaped, no raw HTML (a task name like `<links>` stays visible). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A task landed without changing anything (checks only): no commit of its own. */
export function checkedOnly(r: TaskRecord | undefined): boolean {
  return !!r && LANDABLE.has(r.status) && (r.changedFiles ?? 0) === 0
}

/** `3 files, +40 −2` from the task's commit, else the changed-file count the task recorded. */
function diffstat(input: SummaryInput, id: string, r: TaskRecord | undefined): string {
  const d = input.manifest.diffstats?.[id]
  if (d) return `${d.files} file${d.files === 1 ? '' : 's'}, +${d.insertions} −${d.deletions}`
  if (checkedOnly(r)) return 'no changes'
  return r?.changedFiles ? `${r.changedFiles} file${r.changedFiles === 1 ? '' : 's'}` : ''
}

/** Each check step and its result: `tests ✅, lint ❌`. */
export function checksRun(r: TaskRecord | undefined): string {
  const mark: Record<string, string> = { succeeded: '✅', failed: '❌', 'timed-out': '⏱️', skipped: '⏭️' }
  return (r?.steps ?? [])
    .filter(s => s.kind === 'check')
    .map(s => `${s.name} ${mark[s.status] ?? s.status}`)
    .join(', ')
}

export function renderTaskTable(input: SummaryInput): string {
  const records = input.plan.tasks.map(t => input.manifest.tasks[t.id])
  // Usage and agent columns only when some task used an agent: a shell-only plan has no use for them.
  const agentic = records.some(r => (r?.usage?.calls ?? 0) > 0 || agentsUsed(r) !== '')
  const rows = input.plan.tasks.map((t, i) => {
    const r = records[i]
    const status = r?.status ?? 'pending'
    const link = r ? input.logLink?.(r) : undefined
    const why = r?.reason ? cell(clip(r.reason.split('\n')[0], 200)) : checkedOnly(r) ? 'checked only: no commit' : ''
    return [
      `\`${t.id}\``,
      cell(t.name ?? ''),
      `${ICON[status]} ${status}`,
      diffstat(input, t.id, r),
      cell(checksRun(r)),
      String(r?.attempts ?? 0),
      input.stable ? '' : formatDuration(r?.durationMs),
      ...(agentic ? [formatUsage(r?.usage), cell(agentsUsed(r))] : []),
      link ? `[log](${link})` : '',
      why
    ]
  })
  const head = ['Task', 'Name', 'Status', 'Diffstat', 'Checks', 'Attempts', 'Time', ...(agentic ? ['Usage', 'Agents'] : []), 'Log', 'Details']
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n')
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
      for (const f of g.findings ?? []) lines.push(`    - \`${cell(f)}\``)
    }
  }
  for (const t of input.plan.tasks) {
    const r = input.manifest.tasks[t.id]
    if (r?.gates.length) verdicts(`\`${t.id}\``, r.gates)
  }
  // Whole-branch gates judge a branch: only when one was built.
  if (input.manifest.gates?.length && Object.keys(input.manifest.commits ?? {}).length) verdicts('whole branch', input.manifest.gates)
  return lines.length ? lines.join('\n') : '_No gates evaluated yet._'
}

/** The full run report: the PR body, the job summary, the issue comment and summary-<ts>.md. */
export function renderSummary(input: SummaryInput): string {
  const { plan, manifest } = input
  const outcome = runOutcome(manifest)
  const statuses = Object.fromEntries(Object.values(manifest.tasks).map(t => [t.id, t.status]))
  const names = Object.fromEntries(plan.tasks.map(t => [t.id, t.name ?? t.id]))
  const total = usageTotal(manifest)
  const parts = [`## autopilot #${plan.issue}: ${plan.title}`, '']
  if (input.pullRequest && plan.pr['close-issue']) parts.push(`Closes #${plan.issue}`, '')
  if (plan.intent.trim()) parts.push(...plan.intent.trim().split('\n').map(l => `> ${l}`), '')
  parts.push(
    `**Outcome: ${outcome}**${manifest.breaker ? ` (circuit breaker: ${manifest.breaker})` : ''}. ` +
      `Branch \`${manifest.branch}\` from \`${manifest.baseCommit.slice(0, 12)}\`; plan \`${manifest.planPath}\` ` +
      `(sha256 ${manifest.planHash.slice(0, 12)}).`,
    '',
    renderTaskTable(input),
    ''
  )
  const checked = plan.tasks.filter(t => checkedOnly(manifest.tasks[t.id]))
  if (checked.length) {
    parts.push(
      `Checked only, no commit: ${checked.map(t => `\`${t.id}\`${checksRun(manifest.tasks[t.id]) ? ` (${checksRun(manifest.tasks[t.id])})` : ''}`).join(', ')}: ` +
        'these tasks changed no file, so they land no commit of their own.',
      ''
    )
  }
  parts.push(...renderCommits(input))
  parts.push('### DAG', '', '```mermaid', renderMermaid(buildGraph(plan.tasks), statuses, names), '```', '', '### Gates', '', renderGatesSection(input), '')
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
  parts.push('', ...renderRerun(input))
  return parts.join('\n') + '\n'
}

/** The branch's commits, one line per task, in the order they landed. */
function renderCommits(input: SummaryInput): string[] {
  const commits = input.manifest.commits ?? {}
  const ids = input.plan.tasks.map(t => t.id).filter(id => commits[id])
  if (ids.length === 0) return []
  const order = Object.keys(commits)
  ids.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const name = (id: string) => input.plan.tasks.find(t => t.id === id)?.name ?? id
  return ['### Commits', '', ...ids.map(id => `- \`${commits[id].slice(0, 12)}\` ${cell(name(id))} (\`${id}\`)`), '']
}

/** How to run the plan again: resuming keeps finished tasks. */
function renderRerun(input: SummaryInput): string[] {
  const { manifest } = input
  return [
    '### Re-run or resume',
    '',
    `- On this machine: \`autopilot run ${manifest.planPath}\` resumes (finished tasks are kept; failed and pending ones run); add \`--fresh\` to start over.`,
    '- On Actions: re-run the workflow (or its failed jobs); unchanged tasks are reused from the cache.',
    `- If the branch \`${manifest.branch}\` gets commits of your own, a re-run refuses to drop them: choose \`--onto-branch\` ` +
      '(input `onto-branch: true`) to keep them, or `--force` (input `force: true`) to replace them.'
  ]
}

/** Agent usage summed over every task record (kept, cached and fresh alike). */
export function usageTotal(m: RunManifest): Usage | undefined {
  return Object.values(m.tasks).reduce<Usage | undefined>((sum, t) => mergeUsage(sum, t.usage), undefined)
}

/** The morning report of a session: one markdown page and the same facts as JSON. Pure. */
import { formatDuration, formatUsage } from '../report/markdown.js'
import type { SessionPlan, SessionRecord } from './types.js'

const ICON: Record<SessionPlan['outcome'], string> = {
  pending: '…',
  running: '…',
  succeeded: 'ok',
  failed: 'FAILED',
  stopped: 'STOPPED',
  error: 'ERROR',
  'not-started': 'not started',
  'not-ready': 'not ready',
  invalid: 'INVALID'
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function renderSessionMarkdown(s: SessionRecord): string {
  const ran = s.plans.filter(p => p.startedAt)
  const ok = ran.filter(p => p.outcome === 'succeeded').length
  const lines = [
    `## autopilot session ${s.id}`,
    '',
    `**${ok} of ${ran.length} plan(s) succeeded**${s.stoppedBy ? `; stopped starting plans: ${s.stoppedBy}` : ''}.` +
      (s.resumed ? ` Resumed ${s.resumed} time(s) after an interruption.` : ''),
    '',
    `Limits: max-tasks ${s.limits.maxTasks}, max-hours ${s.limits.maxHours}, max-failed-plans ${s.limits.maxFailedPlans}, ` +
      `parallel ${s.limits.parallel}${s.limits.maxPlans !== undefined ? `, max-plans ${s.limits.maxPlans}` : ''}.`,
    '',
    '| Issue | Plan | Outcome | Branch | Time | Usage | Look at first |',
    '|---|---|---|---|---|---|---|',
    ...s.plans.map(
      p =>
        `| ${p.issue === null ? '' : `#${p.issue}`} | ${cell(p.title ?? p.plan)} | ${ICON[p.outcome]} | ${p.branch ? `\`${p.branch}\`` : ''} | ` +
        `${p.durationMs !== undefined ? formatDuration(p.durationMs) : ''} | ${cell(formatUsage(p.usage))} | ${cell(p.lookAt)} |`
    ),
    '',
    `Started ${s.startedAt}${s.finishedAt ? `, finished ${s.finishedAt}` : ', still running'}.`
  ]
  return lines.join('\n') + '\n'
}

export function renderSessionJson(s: SessionRecord): string {
  return JSON.stringify(s, null, 2) + '\n'
}

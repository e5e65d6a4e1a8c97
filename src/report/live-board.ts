/**
 * Pure text of the live terminal display: one row per running task (its
 * current step, elapsed time and last output line), a line per finished task,
 * and a one-line total. The console reporter decides when to draw it.
 */
import { formatDuration } from './markdown.js'
import type { ShownStatus } from './kept.js'

export interface TaskView {
  id: string
  status: ShownStatus
  /** When it started running (ms since epoch). */
  startedAt?: number
  step?: { number: number; of: number; name: string }
  lastLine?: string
}

const SYMBOL: Record<ShownStatus, string> = {
  pending: '·',
  running: '▶',
  succeeded: '✔',
  kept: '✔',
  cached: '↺',
  failed: '✖',
  denied: '⛔',
  blocked: '⊘',
  cancelled: '■'
}

// SGR codes: green, red, yellow, cyan, dim.
const COLOR: Record<ShownStatus, string> = {
  pending: '2',
  running: '36',
  succeeded: '32',
  kept: '2',
  cached: '32',
  failed: '31',
  denied: '31',
  blocked: '33',
  cancelled: '33'
}

export interface Paint {
  status(s: ShownStatus, text: string): string
  dim(text: string): string
}

export function painter(color: boolean): Paint {
  const sgr = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
  return { status: (s, text) => sgr(COLOR[s], text), dim: text => sgr('2', text) }
}

/** Elapsed time as m:ss (h:mm:ss past an hour). */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const pad = (n: number) => String(n).padStart(2, '0')
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

/** Output as one printable line: escapes and control characters a step printed would break the redraw. */
export function printable(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').replace(/\t/g, ' ').trim()
}

/**
 * Cuts `parts` (plain text and already-painted pieces) to `width` visible
 * characters. Painting is applied after cutting, so escapes are never cut.
 */
export function fitPieces(pieces: { text: string; paint?: (t: string) => string }[], width: number): string {
  let left = width
  let out = ''
  for (const p of pieces) {
    if (left <= 0) break
    const chars = [...p.text]
    const text = chars.length > left ? chars.slice(0, Math.max(0, left - 1)).join('') + '…' : p.text
    left -= Math.min(chars.length, left)
    out += p.paint ? p.paint(text) : text
  }
  return out
}

/** The row of a running task: `▶ build  step 2/3 npm test  0:12  › last output line`. */
export function runningRow(t: TaskView, now: number, width: number, paint: Paint): string {
  const elapsed = t.startedAt === undefined ? '' : clock(now - t.startedAt)
  const step = t.step ? `step ${t.step.number}/${t.step.of} ${t.step.name}` : 'starting'
  return fitPieces(
    [
      { text: `${SYMBOL.running} ${t.id}`, paint: s => paint.status('running', s) },
      { text: `  ${step}  ${elapsed}` },
      ...(t.lastLine ? [{ text: `  › ${t.lastLine}`, paint: paint.dim }] : [])
    ],
    width
  )
}

/** The line written once when a task finishes: `✔ build  succeeded  12.3 s`, `✔ lint  kept (earlier run)`. */
export function finishedLine(t: TaskView, durationMs: number | undefined, reason: string | undefined, width: number, paint: Paint): string {
  const what = t.status === 'kept' ? 'kept (finished in an earlier run)' : t.status
  const time = t.status === 'kept' || durationMs === undefined ? '' : `  ${formatDuration(durationMs)}`
  const why = reason ? `  ${reason.split('\n')[0]}` : ''
  return fitPieces([{ text: `${SYMBOL[t.status]} ${t.id}  ${what}`, paint: s => paint.status(t.status, s) }, { text: time }, { text: why, paint: paint.dim }], width)
}

/** The total: `3 done · 2 running · 4 left · 1:05` (and failures, when there are any). */
export function totalLine(views: TaskView[], elapsedMs: number, width: number, paint: Paint): string {
  const count = (f: (s: ShownStatus) => boolean) => views.filter(v => f(v.status)).length
  const done = count(s => s === 'succeeded' || s === 'cached' || s === 'kept')
  const bad = count(s => s === 'failed' || s === 'denied' || s === 'blocked' || s === 'cancelled')
  const running = count(s => s === 'running')
  const left = count(s => s === 'pending')
  const parts = [`${done} done`, ...(bad ? [`${bad} not landed`] : []), `${running} running`, `${left} left`, clock(elapsedMs)]
  return fitPieces([{ text: parts.join(' · '), paint: bad ? s => paint.status('failed', s) : paint.dim }], width)
}

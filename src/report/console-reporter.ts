/**
 * Progress in a terminal. With a TTY: finished tasks as lines that scroll up,
 * and below them a live block redrawn in place (each running task's step,
 * elapsed time and last output line, then the total). Without one (CI logs,
 * pipes): one line per state change.
 */
import { WriteStream } from 'node:tty'
import type { Reporter, RunEvent } from './reporter.js'
import { statusLine } from './text.js'
import { finishedLine, painter, printable, runningRow, totalLine, type TaskView } from './live-board.js'
import { keptTracker, type ShownStatus } from './kept.js'

/**
 * Whether to colour: node's own rules (`NO_COLOR`, `FORCE_COLOR`,
 * `NODE_DISABLE_COLORS`, `TERM=dumb`) on a terminal; off a terminal only
 * when `FORCE_COLOR` asks for it.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, tty: boolean): boolean {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  if (!tty && !forced) return false
  return WriteStream.prototype.hasColors.call({}, 16, env)
}

export function consoleReporter(opts: {
  write: (s: string) => void
  tty: boolean
  /** Task ids (in levels, as the graph gives them). */
  levels: string[][]
  /** Terminal width: lines are cut to it, since a wrapped line would break the redraw. */
  columns?: number
  color?: boolean
  now?: () => Date
  /** How often the live block is redrawn for the elapsed times (0: only on events, for tests). */
  tickMs?: number
}): Reporter {
  const now = () => (opts.now ?? (() => new Date()))().getTime()
  const paint = painter(opts.color === true)
  const width = Math.max(20, (opts.columns ?? 80) - 1)
  const views = new Map<string, TaskView>(opts.levels.flat().map(id => [id, { id, status: 'pending' as ShownStatus }]))
  const kept = keptTracker()
  let startedAt = now()
  let drawn = 0
  let timer: NodeJS.Timeout | undefined
  let pending: NodeJS.Timeout | undefined

  const block = () => {
    const t = now()
    const rows = [...views.values()].filter(v => v.status === 'running').map(v => runningRow(v, t, width, paint))
    return [...rows, totalLine([...views.values()], t - startedAt, width, paint)].join('\n') + '\n'
  }
  // One write per redraw: the cursor moves, the lines above and the block land together.
  const redraw = (above = '') => {
    if (pending) clearTimeout(pending)
    pending = undefined
    const text = block()
    opts.write((drawn ? `\x1b[${drawn}A\x1b[0J` : '') + above + text)
    drawn = text.split('\n').length - 1
  }
  // Output can arrive thousands of lines a second; the block is redrawn at most ten times a second for it.
  const redrawSoon = () => {
    if (!pending) pending = setTimeout(() => redraw(), 100).unref()
  }
  const stop = () => {
    if (timer) clearInterval(timer)
    if (pending) clearTimeout(pending)
    timer = pending = undefined
  }
  const plain = (id: string, status: ShownStatus, reason?: string) =>
    opts.write(statusLine(new Date(now()), id, status, reason) + '\n')

  const onTask = (e: Extract<RunEvent, { type: 'task' }>) => {
    const v = views.get(e.id) ?? { id: e.id, status: 'pending' }
    views.set(e.id, v)
    v.status = kept.shown(e.id, e.status)
    if (e.status === 'running') {
      v.startedAt = now()
      if (!opts.tty && !kept.holdsRunning(e.id)) plain(e.id, 'running')
      if (opts.tty) redraw()
      return
    }
    if (!opts.tty) return plain(e.id, v.status, e.record.reason)
    const duration = e.record.durationMs ?? (v.startedAt === undefined ? undefined : now() - v.startedAt)
    redraw(e.status === 'pending' ? '' : finishedLine(v, duration, e.record.reason, width, paint) + '\n')
  }

  return {
    event(e: RunEvent) {
      if (e.type === 'run-started') {
        startedAt = now()
        kept.runStarted(e.manifest)
        if (opts.tty) {
          redraw()
          if (opts.tickMs !== 0) timer = setInterval(() => redraw(), opts.tickMs ?? 1000).unref()
        }
      } else if (e.type === 'task') onTask(e)
      else if (e.type === 'step-started') {
        const v = views.get(e.taskId)
        if (!v) return
        if (kept.stepStarted(e.taskId) && !opts.tty) plain(e.taskId, 'running')
        v.step = { number: e.index + 1, of: e.of, name: e.name }
        v.lastLine = undefined
        if (opts.tty) redraw()
      } else if (e.type === 'output') {
        const v = views.get(e.taskId)
        const line = printable(e.line)
        if (!v || !line || !opts.tty) return
        v.lastLine = line
        redrawSoon()
      } else if (e.type === 'note') {
        if (opts.tty) redraw(`${e.message}\n`)
        else opts.write(e.message + '\n')
      } else if (e.type === 'run-finished') {
        if (opts.tty) redraw()
        stop()
      }
    },
    async close() {
      stop()
    }
  }
}

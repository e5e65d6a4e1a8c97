/**
 * Progress in a terminal. With a TTY, a live board of the DAG redrawn in
 * place; without one (CI logs, pipes), one line per state change.
 */
import type { TaskStatus } from '../state/manifest.js'
import type { Reporter, RunEvent } from './reporter.js'
import { statusLine } from './text.js'

const SYMBOL: Record<TaskStatus, string> = {
  pending: '·',
  running: '▶',
  succeeded: '✔',
  cached: '↺',
  failed: '✖',
  denied: '⛔',
  blocked: '⊘',
  cancelled: '■'
}

export function consoleReporter(opts: {
  write: (s: string) => void
  tty: boolean
  levels: string[][]
  /** Terminal width: board lines are cut to it, since a wrapped line would break the redraw. */
  columns?: number
  now?: () => Date
}): Reporter {
  const now = opts.now ?? (() => new Date())
  const status: Record<string, TaskStatus> = {}
  for (const id of opts.levels.flat()) status[id] = 'pending'
  let drawn = 0
  const width = Math.max(20, (opts.columns ?? 80) - 1)
  const fit = (line: string) => ([...line].length > width ? [...line].slice(0, width - 1).join('') + '…' : line)
  const board = () =>
    opts.levels.map((ids, i) => fit(`  L${i + 1}  ${ids.map(id => `${SYMBOL[status[id]]} ${id}`).join('   ')}`)).join('\n') + '\n'
  // One write per redraw: the cursor moves and the board land together.
  const redraw = (before = '') => {
    const text = board()
    opts.write((drawn ? `\x1b[${drawn}A\x1b[0J` : '') + before + text)
    drawn = text.split('\n').length - 1
  }
  return {
    event(e: RunEvent) {
      if (e.type === 'task') {
        status[e.id] = e.status
        if (opts.tty) redraw()
        else opts.write(statusLine(now(), e.id, e.status, e.record.reason) + '\n')
      } else if (e.type === 'note') {
        if (opts.tty) redraw(`${e.message}\n`)
        else opts.write(e.message + '\n')
      } else if (e.type === 'run-started' && opts.tty) redraw()
    }
  }
}

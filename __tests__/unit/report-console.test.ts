// The console reporter: one line per change without a TTY, a live board redrawn in place with one.
import { describe, expect, it } from 'vitest'
import { consoleReporter } from '../../src/report/console-reporter.js'
import type { TaskRecord } from '../../src/state/manifest.js'

const record = (id: string, reason?: string): TaskRecord => ({ id, status: 'failed', attempts: 1, steps: [], gates: [], reason })
const at = () => new Date('2026-01-02T03:04:05.000Z')

describe('consoleReporter', () => {
  it('without a TTY writes one line per state change', () => {
    const out: string[] = []
    const r = consoleReporter({ write: s => out.push(s), tty: false, levels: [['a'], ['b']], now: at })
    r.event({ type: 'task', id: 'a', status: 'running', record: record('a') })
    r.event({ type: 'task', id: 'a', status: 'failed', record: record('a', 'step 1 "x" exited with 2\ntail') })
    expect(out).toEqual(['2026-01-02T03:04:05.000Z a running\n', '2026-01-02T03:04:05.000Z a failed step 1 "x" exited with 2\n'])
  })

  it('with a TTY redraws the board of levels in place', () => {
    const out: string[] = []
    const r = consoleReporter({ write: s => out.push(s), tty: true, levels: [['a'], ['b', 'c']], now: at })
    r.event({ type: 'run-started', manifest: {} as never })
    r.event({ type: 'task', id: 'a', status: 'succeeded', record: record('a') })
    r.event({ type: 'note', message: 'hello' })
    expect(out[0]).toBe('  L1  · a\n  L2  · b   · c\n')
    // Moves the cursor up over the two board lines, clears, draws the new board.
    expect(out[1]).toBe('\x1b[2A\x1b[0J  L1  ✔ a\n  L2  · b   · c\n')
    expect(out[2]).toBe('\x1b[2A\x1b[0Jhello\n  L1  ✔ a\n  L2  · b   · c\n')
  })

  it('cuts board lines to the terminal width, so a redraw never meets a wrapped line', () => {
    const out: string[] = []
    const ids = Array.from({ length: 30 }, (_, i) => `task-${i}`)
    const r = consoleReporter({ write: s => out.push(s), tty: true, levels: [ids], columns: 40, now: at })
    r.event({ type: 'run-started', manifest: {} as never })
    expect(out[0]).toBe(`${'  L1  · task-0   · task-1   · task-2   '.slice(0, 38)}…\n`)
  })
})

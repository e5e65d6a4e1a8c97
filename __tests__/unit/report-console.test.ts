// The console reporter: one line per change without a TTY; with one, finished lines above a live block
// (each running task's step, elapsed time and last output line, then the total) redrawn in place.
import { describe, expect, it } from 'vitest'
import { colorEnabled, consoleReporter } from '../../src/report/console-reporter.js'
import type { RunManifest, TaskRecord, TaskStatus } from '../../src/state/manifest.js'

const record = (id: string, reason?: string, status: TaskStatus = 'failed'): TaskRecord => ({ id, status, attempts: 1, steps: [], gates: [], reason })
const at = () => new Date('2026-01-02T03:04:05.000Z')
const started = (tasks: Record<string, TaskStatus> = {}) =>
  ({ type: 'run-started', manifest: { tasks: Object.fromEntries(Object.entries(tasks).map(([id, s]) => [id, record(id, undefined, s)])) } as unknown as RunManifest }) as const
// eslint-disable-next-line no-control-regex
const plainText = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')

describe('consoleReporter without a TTY', () => {
  it('writes one line per state change', () => {
    const out: string[] = []
    const r = consoleReporter({ write: s => out.push(s), tty: false, levels: [['a'], ['b']], now: at })
    r.event({ type: 'task', id: 'a', status: 'running', record: record('a') })
    r.event({ type: 'task', id: 'a', status: 'failed', record: record('a', 'step 1 "x" exited with 2\ntail') })
    expect(out).toEqual(['2026-01-02T03:04:05.000Z a running\n', '2026-01-02T03:04:05.000Z a failed step 1 "x" exited with 2\n'])
  })

  it('says "kept" for a task a resumed run reuses, never "running" then "succeeded"', () => {
    const out: string[] = []
    const r = consoleReporter({ write: s => out.push(s), tty: false, levels: [['a', 'b']], now: at })
    r.event(started({ a: 'succeeded', b: 'succeeded' }))
    r.event({ type: 'task', id: 'a', status: 'running', record: record('a') })
    r.event({ type: 'task', id: 'a', status: 'succeeded', record: record('a', undefined, 'succeeded') })
    // b was landed too but its inputs changed: it runs, and says so when its first step starts.
    r.event({ type: 'task', id: 'b', status: 'running', record: record('b') })
    r.event({ type: 'step-started', taskId: 'b', index: 0, of: 1, name: 'build' })
    r.event({ type: 'task', id: 'b', status: 'succeeded', record: record('b', undefined, 'succeeded') })
    expect(out).toEqual([
      '2026-01-02T03:04:05.000Z a kept\n',
      '2026-01-02T03:04:05.000Z b running\n',
      '2026-01-02T03:04:05.000Z b succeeded\n'
    ])
  })
})

describe('consoleReporter on a TTY', () => {
  const board = (columns = 100, color = false) => {
    const out: string[] = []
    let t = Date.parse('2026-01-02T03:04:05.000Z')
    const r = consoleReporter({ write: s => out.push(s), tty: true, levels: [['a'], ['b', 'c']], columns, color, tickMs: 0, now: () => new Date(t) })
    return { out, r, advance: (ms: number) => (t += ms) }
  }

  it('shows each running task with its step, elapsed time and last output line, and the total', async () => {
    const { out, r, advance } = board()
    r.event(started())
    r.event({ type: 'task', id: 'a', status: 'running', record: record('a') })
    r.event({ type: 'step-started', taskId: 'a', index: 1, of: 3, name: 'npm test' })
    advance(75_000)
    r.event({ type: 'output', taskId: 'a', line: '\x1b[32mok\x1b[0m 12 tests passed\r' })
    await new Promise(resolve => setTimeout(resolve, 150))
    expect(out.at(-1)).toBe('\x1b[2A\x1b[0J▶ a  step 2/3 npm test  1:15  › ok 12 tests passed\n0 done · 1 running · 2 left · 1:15\n')
    r.event({ type: 'task', id: 'a', status: 'succeeded', record: { ...record('a', undefined, 'succeeded'), durationMs: 75_000 } })
    expect(out.at(-1)).toBe('\x1b[2A\x1b[0J✔ a  succeeded  1 min 15 s\n1 done · 0 running · 2 left · 1:15\n')
    r.event({ type: 'note', message: 'hello' })
    expect(out.at(-1)).toBe('\x1b[1A\x1b[0Jhello\n1 done · 0 running · 2 left · 1:15\n')
  })

  it('shows a task kept on resume as kept, and counts it done', () => {
    const { out, r } = board()
    r.event(started({ a: 'succeeded' }))
    r.event({ type: 'task', id: 'a', status: 'running', record: record('a') })
    r.event({ type: 'task', id: 'a', status: 'succeeded', record: record('a', undefined, 'succeeded') })
    expect(out.at(-1)).toContain('✔ a  kept (finished in an earlier run)\n1 done · 0 running · 2 left')
    expect(out.join('')).not.toContain('a  succeeded')
  })

  it('cuts every line to the terminal width, so a redraw never meets a wrapped line', () => {
    const { out, r } = board(30)
    r.event(started())
    r.event({ type: 'task', id: 'a', status: 'running', record: record('a') })
    r.event({ type: 'step-started', taskId: 'a', index: 0, of: 1, name: 'a rather long step name that goes on' })
    for (const line of plainText(out.at(-1)!).split('\n')) expect([...line].length).toBeLessThanOrEqual(29)
    expect(plainText(out.at(-1)!)).toContain('▶ a  step 1/1 a rather long …')
  })

  it('colours statuses when asked, and writes no escapes but the cursor moves when not', () => {
    const colored = board(100, true)
    colored.r.event(started())
    colored.r.event({ type: 'task', id: 'a', status: 'failed', record: record('a', 'boom') })
    expect(colored.out.at(-1)).toContain('\x1b[31m✖ a  failed\x1b[0m')
    const plain = board(100, false)
    plain.r.event(started())
    plain.r.event({ type: 'task', id: 'a', status: 'failed', record: record('a', 'boom') })
    expect(plain.out.at(-1)!.replace(/\x1b\[\d+A\x1b\[0J/, '')).not.toContain('\x1b')
  })
})

describe('colorEnabled', () => {
  it('follows NO_COLOR and FORCE_COLOR; off a terminal only when forced', () => {
    expect(colorEnabled({ TERM: 'xterm-256color' }, true)).toBe(true)
    expect(colorEnabled({ TERM: 'xterm-256color', NO_COLOR: '1' }, true)).toBe(false)
    expect(colorEnabled({ TERM: 'xterm-256color' }, false)).toBe(false)
    expect(colorEnabled({ TERM: 'dumb', FORCE_COLOR: '1' }, false)).toBe(true)
    expect(colorEnabled({ TERM: 'xterm-256color', FORCE_COLOR: '0' }, true)).toBe(false)
  })
})

describe('statusLogReporter', () => {
  it('writes "kept" for a task a resumed run reuses, and "running" for one that starts a step', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const { statusLogReporter } = await import('../../src/report/status-log.js')
    const file = join(mkdtempSync(join(tmpdir(), 'status-log-')), 'status.log')
    const r = statusLogReporter(file, at)
    r.event(started({ a: 'succeeded', b: 'succeeded' }))
    for (const id of ['a', 'b']) r.event({ type: 'task', id, status: 'running', record: record(id) })
    r.event({ type: 'task', id: 'a', status: 'succeeded', record: record('a', undefined, 'succeeded') })
    r.event({ type: 'step-started', taskId: 'b', index: 0, of: 1, name: 'x' })
    r.event({ type: 'task', id: 'b', status: 'failed', record: record('b', 'boom') })
    expect(readFileSync(file, 'utf8')).toBe(
      ['a kept', 'b running', 'b failed boom'].map(l => `2026-01-02T03:04:05.000Z ${l}\n`).join('')
    )
  })
})

import { describe, expect, it } from 'vitest'
import { schedule, type ScheduleInput } from '../../src/run/scheduler.js'
import { BreakerTripped } from '../../src/errors.js'
import type { TaskStatus } from '../../src/state/manifest.js'

/** A fake task runner whose tasks finish only when the test says so. */
function controlled(ids: string[], needs: Record<string, string[]>, extra: Partial<ScheduleInput> = {}) {
  const pending = new Map<string, (s: TaskStatus | Error) => void>()
  const started: string[] = []
  const history: [string, TaskStatus][] = []
  const waiters: (() => void)[] = []
  const result = schedule({
    ids,
    needs,
    concurrency: 2,
    run: id =>
      new Promise<TaskStatus>((resolve, reject) => {
        started.push(id)
        pending.set(id, s => (s instanceof Error ? reject(s) : resolve(s)))
        waiters.splice(0).forEach(w => w())
      }),
    onStatus: (id, s) => history.push([id, s]),
    ...extra
  })
  const running = () => [...pending.keys()]
  const tick = () => new Promise<void>(r => setImmediate(r))
  const finish = async (id: string, s: TaskStatus | Error = 'succeeded') => {
    const f = pending.get(id)
    if (!f) throw new Error(`${id} is not running (running: ${running().join(',')})`)
    pending.delete(id)
    f(s)
    await tick()
    await tick()
  }
  return { result, started, history, running, finish, tick }
}

const diamond = { ids: ['a', 'b', 'c', 'd'], needs: { a: [], b: ['a'], c: ['a'], d: ['b', 'c'] } }

describe('schedule', () => {
  it('starts a task as soon as its own needs are done, not level by level', async () => {
    // a -> b -> d ; a -> c (slow). d must start while c still runs.
    const s = controlled(['a', 'b', 'c', 'd'], { a: [], b: ['a'], c: ['a'], d: ['b'] })
    await s.tick()
    expect(s.running()).toEqual(['a'])
    await s.finish('a')
    expect(s.running()).toEqual(['b', 'c'])
    await s.finish('b')
    expect(s.running()).toEqual(['c', 'd'])
    await s.finish('d')
    await s.finish('c')
    const r = await s.result
    expect(r.statuses).toEqual({ a: 'succeeded', b: 'succeeded', c: 'succeeded', d: 'succeeded' })
    expect(r.maxConcurrent).toBe(2)
  })

  it('never runs more than `concurrency` tasks at once', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const s = controlled(ids, Object.fromEntries(ids.map(i => [i, []])), { concurrency: 3 })
    await s.tick()
    expect(s.running()).toEqual(['a', 'b', 'c'])
    await s.finish('b')
    expect(s.running()).toEqual(['a', 'c', 'd'])
    for (const id of ['a', 'c', 'd', 'e']) await s.finish(id)
    expect((await s.result).maxConcurrent).toBe(3)
  })

  it('blocks the transitive dependents of a failure and still runs independent tasks', async () => {
    const s = controlled(['a', 'b', 'c', 'x'], { a: [], b: ['a'], c: ['b'], x: [] })
    await s.tick()
    await s.finish('a', 'failed')
    await s.finish('x')
    const r = await s.result
    expect(r.statuses).toEqual({ a: 'failed', b: 'blocked', c: 'blocked', x: 'succeeded' })
    expect(s.started).toEqual(['a', 'x'])
  })

  it('trips max-consecutive-failures: nothing new starts, running tasks finish', async () => {
    const ids = ['a', 'b', 'c', 'd']
    const s = controlled(ids, Object.fromEntries(ids.map(i => [i, []])), { maxConsecutiveFailures: 2 })
    await s.tick()
    await s.finish('a', 'failed')
    expect(s.running()).toEqual(['b', 'c'])
    await s.finish('b', 'denied')
    expect(s.running()).toEqual(['c'])
    await s.finish('c')
    const r = await s.result
    expect(r.breaker).toBe('max-consecutive-failures (2) reached')
    expect(r.statuses).toEqual({ a: 'failed', b: 'denied', c: 'succeeded', d: 'cancelled' })
  })

  it('parallel failures that leave nothing to start trip no breaker (the run fails, it is not stopped)', async () => {
    const ids = ['a', 'b', 'c']
    const s = controlled(ids, Object.fromEntries(ids.map(i => [i, []])), { maxConsecutiveFailures: 2, concurrency: 3 })
    await s.tick()
    expect(s.running()).toEqual(['a', 'b', 'c'])
    await s.finish('a', 'denied')
    await s.finish('b', 'denied')
    await s.finish('c', 'denied')
    const r = await s.result
    expect(r.breaker).toBeUndefined()
    expect(r.statuses).toEqual({ a: 'denied', b: 'denied', c: 'denied' })
  })

  it('a success resets the consecutive-failure count', async () => {
    const ids = ['a', 'b', 'c']
    const s = controlled(ids, Object.fromEntries(ids.map(i => [i, []])), { maxConsecutiveFailures: 2, concurrency: 1 })
    await s.tick()
    await s.finish('a', 'failed')
    await s.finish('b', 'succeeded')
    await s.finish('c', 'failed')
    expect((await s.result).breaker).toBeUndefined()
  })

  it('a task that throws BreakerTripped (budget) stops new starts and is cancelled', async () => {
    const s = controlled(['a', 'b'], { a: [], b: [] }, { concurrency: 1 })
    await s.tick()
    await s.finish('a', new BreakerTripped('budget: agents.codex.max-calls (2) reached'))
    const r = await s.result
    expect(r.breaker).toBe('budget: agents.codex.max-calls (2) reached')
    expect(r.statuses).toEqual({ a: 'cancelled', b: 'cancelled' })
  })

  it('keeps finished tasks of an earlier run and blocks dependents of an earlier failure', async () => {
    const s = controlled(diamond.ids, diamond.needs, { initial: { a: 'succeeded', b: 'cached' } })
    await s.tick()
    expect(s.running()).toEqual(['c'])
    await s.finish('c')
    await s.finish('d')
    const r = await s.result
    expect(s.started).toEqual(['c', 'd'])
    expect(r.statuses.a).toBe('succeeded')
  })

  it('an interrupt aborts running tasks and cancels the rest', async () => {
    const ctl = new AbortController()
    let seen: AbortSignal | undefined
    const r = schedule({
      ...diamond,
      concurrency: 2,
      signal: ctl.signal,
      run: (_id, signal) => {
        seen = signal
        return new Promise(resolve => signal.addEventListener('abort', () => resolve('failed')))
      },
      onStatus: () => {}
    })
    await new Promise(res => setImmediate(res))
    ctl.abort()
    const out = await r
    expect(seen?.aborted).toBe(true)
    expect(out.interrupted).toBe(true)
    expect(out.statuses).toEqual({ a: 'cancelled', b: 'cancelled', c: 'cancelled', d: 'cancelled' })
  })
})

// foldLevels: the level jobs' matrices, with levels deeper than the workflow's job count folded into its last job.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldLevels } from '../../src/graph/fold.js'

const diamond = [['a'], ['b', 'c'], ['d']]

describe('foldLevels', () => {
  it('pads a shallow plan with empty entries, one leg per task', () => {
    expect(foldLevels(diamond, 8)).toEqual([['a'], ['b', 'c'], ['d'], [], [], [], [], []])
    expect(foldLevels([], 3)).toEqual([[], [], []])
  })

  it('keeps a plan exactly as deep as the jobs as it is', () => {
    expect(foldLevels(diamond, 3)).toEqual([['a'], ['b', 'c'], ['d']])
  })

  it('folds the levels from the last job on into one leg, in topological order', () => {
    expect(foldLevels(diamond, 2)).toEqual([['a'], ['b c d']])
    expect(foldLevels(diamond, 1)).toEqual([['a b c d']])
    expect(foldLevels([['a'], ['b'], ['c'], ['d', 'e'], ['f']], 3)).toEqual([['a'], ['b'], ['c d e f']])
  })

  it('packs a level wider than 256 tasks into at most 256 legs, every task once, in order', () => {
    const wide = Array.from({ length: 300 }, (_, i) => `t${i}`)
    const [legs] = foldLevels([wide], 1)
    expect(legs.length).toBeLessThanOrEqual(256)
    expect(legs.flatMap((l) => l.split(' '))).toEqual(wide)
    expect(legs[0]).toBe('t0 t1')
    expect(foldLevels([Array.from({ length: 256 }, (_, i) => `u${i}`)], 1)[0]).toHaveLength(256)
    expect(foldLevels([['a'], Array.from({ length: 1000 }, (_, i) => `v${i}`)], 8)[1]).toHaveLength(250)
  })

  it('does not alias its input', () => {
    const levels = [['a', 'b']]
    const out = foldLevels(levels, 2)
    out[0].push('x')
    expect(levels).toEqual([['a', 'b']])
  })

  it('always has `jobs` entries and runs every task exactly once, no earlier than its level', () => {
    const levelsArb = fc
      .array(fc.integer({ min: 1, max: 4 }), { maxLength: 12 })
      .map((sizes) => {
        let n = 0
        return sizes.map((s) => Array.from({ length: s }, () => `t${n++}`))
      })
    fc.assert(
      fc.property(levelsArb, fc.integer({ min: 1, max: 10 }), (levels, jobs) => {
        const out = foldLevels(levels, jobs)
        expect(out).toHaveLength(jobs)
        const legs = out.map((entry) => entry.map((leg) => leg.split(' ')))
        // Flattened in job order, the tasks are the plan's tasks in level order: each exactly once, needs first.
        expect(legs.flat(2)).toEqual(levels.flat())
        for (const [k, entry] of out.entries()) {
          if (k < jobs - 1 || levels.length <= jobs) expect(entry).toEqual(levels[k] ?? [])
          else expect(entry).toHaveLength(1)
        }
        // Every leg names at least one task.
        for (const entry of out) for (const leg of entry) expect(leg).not.toBe('')
      })
    )
  })
})

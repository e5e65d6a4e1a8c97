// A level of 300 independent tasks through the built action's `plan` job: GitHub refuses a matrix of more than 256
// legs, so the `jobs` output packs the level into at most 256 legs (several ids per leg, as the `task` input takes
// them) that cover every task exactly once, checked here at the plan job's outputs (what the level jobs' matrices
// read). wide-level-e2e.test.ts takes the same level through the workflow runner.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { makeRepo, type LocalRepo } from '../support/local-repo.js'
import { runBundle } from '../support/action-bundle.js'

let repo: LocalRepo
const ids = Array.from({ length: 300 }, (_, i) => `t${String(i).padStart(3, '0')}`)

beforeAll(() => {
  repo = makeRepo()
  repo.writePlan({ issue: 90, tasks: ids.map((id) => ({ id, paths: [`out/${id}.txt`], steps: [{ run: `echo ${id} > out/${id}.txt` }] })) })
})
afterAll(() => repo?.cleanup())

it('a 300-task level becomes at most 256 legs holding every task once; the other level jobs are empty', async () => {
  const run = await runBundle(repo, { command: 'plan', plan: '90' })
  expect(run.code, run.log).toBe(0)
  expect(run.outputs['level-count']).toBe('1')
  const jobs = JSON.parse(run.outputs.jobs) as string[][]
  expect(jobs).toHaveLength(8)
  const legs = jobs[0]
  expect(legs.length).toBeGreaterThan(1)
  expect(legs.length).toBeLessThanOrEqual(256)
  const packed = legs.flatMap((leg) => leg.split(' '))
  expect([...packed].sort()).toEqual(ids)
  expect(new Set(packed).size).toBe(300)
  expect(jobs.slice(1).every((j) => j.length === 0)).toBe(true)
}, 60_000)

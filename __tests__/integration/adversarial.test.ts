// The adversarial acceptance corpus of issue #4 ("nothing a task was not allowed to do can land"):
// every plan in __tests__/fixtures/adversarial runs through the real CLI against a fresh copy of a
// real repository (bare origin, a workflow, package.json, the plan committed), and must get the
// verdict its <name>.expect.json states, leave the user's checkout untouched and land nothing it
// should not. Plans run a few at a time, each in its own folder and AUTOPILOT_WORK_DIR.
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pLimit from 'p-limit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeToken, loadFixtures, runFixture, type Fixture } from '../support/adversarial-corpus.js'
import { verdict } from '../support/adversarial-checks.js'
import { makeTemplate } from '../support/adversarial-repo.js'

const fixtures = await loadFixtures()
const limit = pLimit(3)
const token = fakeToken()
const hits = new Map<string, string[]>()
let root: string
let template: string
let server: http.Server
let baseUrl: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'autopilot-adversarial-'))
  template = await makeTemplate(root)
  // Loopback only: a request reaching it proves a step had network.
  server = http.createServer((req, res) => {
    const name = (req.url ?? '').split('/')[1] ?? ''
    hits.set(name, [...(hits.get(name) ?? []), req.url ?? ''])
    res.end('reached')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  if (root) await rm(root, { recursive: true, force: true })
})

describe('adversarial corpus', () => {
  it('has at least 30 valid plans, each with an expectation', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30)
    for (const fx of fixtures) {
      expect(fx.text.startsWith('#'), `${fx.file} opens with a comment saying what it attempts`).toBe(true)
      expect(fx.plan.tasks.length, fx.file).toBeLessThanOrEqual(2)
    }
  })

  it.concurrent.each(fixtures.map((fx) => [fx.name, fx] as const))('%s', async (_name, fx: Fixture) => {
    const out = await limit(() =>
      runFixture(fx, { template, dir: path.join(root, fx.name), loopbackUrl: `${baseUrl}/${fx.name}`, token })
    )
    const problems = verdict({ fx, out, hits: hits.get(fx.name) ?? [], token })
    const hole = fx.expect.knownHole
    const open = new Set(hole?.checks ?? [])
    const unexpected = Object.entries(problems).filter(([name, list]) => list.length > 0 && !open.has(name as never))
    expect(Object.fromEntries(unexpected), `${fx.file}: checks that failed`).toEqual({})
    if (hole) {
      const closed = hole.checks.filter((name) => problems[name].length === 0)
      expect(closed, `${fx.file}: known hole closed? remove knownHole from ${fx.name}.expect.json (${hole.note})`).toEqual([])
    }
  })
})

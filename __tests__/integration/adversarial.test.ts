// The adversarial acceptance corpus of issue #4 ("nothing a task was not allowed to do can land"):
// every plan in __tests__/fixtures/adversarial runs through the real CLI against a fresh copy of a
// real repository (bare origin, a workflow, package.json, the plan committed), and must get the
// verdict its <name>.expect.json states, leave the user's checkout untouched and land nothing it
// should not. Plans run a few at a time, each in its own folder and AUTOPILOT_WORK_DIR.
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pLimit from 'p-limit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeSecret, fakeToken, loadFixtures, runFixture, type Fixture } from '../support/adversarial-corpus.js'
import { verdict } from '../support/adversarial-checks.js'
import { makeTemplate } from '../support/adversarial-repo.js'

const fixtures = await loadFixtures()
const limit = pLimit(3)
const token = fakeToken()
const secret = fakeSecret()
const hits = new Map<string, string[]>()
let root: string
let template: string
let server: http.Server
let socketServer: http.Server
let socket: string
let baseUrl: string

/**
 * Runs as an unprivileged user too (uid/gid 65534, no groups, via setpriv) when the test runs as
 * root: a representative set of issue #10's attacks (one per kind: unmount, user config, commondir,
 * HOME, other tasks, prompt-file, unix socket, secrets in changes, hints and output, a 700 MB file,
 * writes outside), each in a folder that user owns. AUTOPILOT_CORPUS_UNPRIVILEGED=all runs the whole
 * corpus that way, =none skips it.
 */
const UNPRIVILEGED = 65534
const UNPRIVILEGED_SET = ['60', '62', '64', '66', '67', '69', '70', '72', '74', '79', '84', '86', '90', '94', '97']
const unprivilegedMode = process.env.AUTOPILOT_CORPUS_UNPRIVILEGED ?? 'set'
const canDropPrivileges = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv') && unprivilegedMode !== 'none'
const asUser = fixtures.filter((fx) => unprivilegedMode === 'all' || UNPRIVILEGED_SET.includes(fx.name.split('-')[0]))

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'autopilot-adversarial-'))
  template = await makeTemplate(root)
  // Loopback only: a request reaching it proves a step had network.
  await chmod(root, 0o755)
  const record = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const name = (req.url ?? '').split('/')[1] ?? ''
    hits.set(name, [...(hits.get(name) ?? []), req.url ?? ''])
    res.end('reached')
  }
  server = http.createServer(record)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // A host unix socket anyone may connect to: a step reaching it has left its sandbox's network.
  socket = path.join(root, 'host.sock')
  socketServer = http.createServer(record)
  await new Promise<void>((resolve) => socketServer.listen(socket, resolve))
  await chmod(socket, 0o777)
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await new Promise((resolve) => socketServer?.close(resolve))
  if (root) await rm(root, { recursive: true, force: true })
})

describe('adversarial corpus', () => {
  it('has at least 30 valid plans, each with an expectation, and at least 40 from issue #10 (60 on)', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30)
    expect(fixtures.filter((fx) => Number(fx.name.slice(0, 2)) >= 60 || /^\d{3}/.test(fx.name)).length).toBeGreaterThanOrEqual(40)
    for (const fx of fixtures) {
      expect(fx.text.startsWith('#'), `${fx.file} opens with a comment saying what it attempts`).toBe(true)
      expect(fx.plan.tasks.length, fx.file).toBeLessThanOrEqual(2)
    }
  })

  const cases = [
    ...fixtures.map((fx) => [fx.name, fx, undefined] as const),
    ...(canDropPrivileges ? asUser.map((fx) => [`${fx.name} (as uid ${UNPRIVILEGED})`, fx, UNPRIVILEGED] as const) : [])
  ]
  it.concurrent.each(cases)('%s', async (name, fx: Fixture, user: number | undefined) => {
    const key = name.replace(/ .*/, '') + (user === undefined ? '' : '-u')
    const out = await limit(() =>
      runFixture(fx, { template, dir: path.join(root, key), loopbackUrl: `${baseUrl}/${key}`, token, secret, socket, user })
    )
    const problems = verdict({ fx, out, hits: hits.get(key) ?? [], token, secret })
    const hole = fx.expect.knownHole
    const open = new Set(hole?.checks ?? [])
    const unexpected = Object.entries(problems).filter(([name, list]) => list.length > 0 && !open.has(name as never))
    expect(Object.fromEntries(unexpected), `${fx.file}: checks that failed`).toEqual({})
    if (hole) {
      const closed = hole.checks.filter((name) => problems[name].length === 0)
      expect(closed, `${fx.file}: known hole closed? remove knownHole from ${fx.name}.expect.json (${hole.note})`).toEqual([])
    }
  }, 30 * 60_000) // queued behind p-limit: the clock runs while a case waits its turn
})

// `network: deny` (issue #4): a step in its own network namespace cannot reach a loopback server the
// test starts, the same step with `network: allow` can, and where isolation is unavailable the
// step is refused (fail closed) with a message naming `network: allow`.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProcessExecutor, type StepRequest } from '../../src/run/executor.js'
import { resolvePrograms } from '../../src/run/programs.js'
import { runLocal } from '../../src/run/local-run.js'
import { withEnv } from '../support/env.js'
import { makeTemplate, prepareRepo } from '../support/adversarial-repo.js'

const hits: string[] = []
let server: http.Server
let url: string
let root: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'autopilot-network-'))
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    res.end('reached')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  if (root) await rm(root, { recursive: true, force: true })
})

/** A step that fetches `target` with Node (always on PATH here) and prints the answer or the error code. */
function fetchStep(target: string, network: 'allow' | 'deny'): StepRequest {
  const script =
    `fetch(${JSON.stringify(target)}).then(r => r.text()).then(t => console.log('body:', t))` +
    `.catch(e => { console.log('error:', e.cause?.code ?? e.message); process.exit(7) })`
  return {
    argv: [process.execPath, '-e', script],
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root },
    timeoutMs: 20_000,
    network
  }
}

/** Fails the step when isolation is unavailable, so the test knows which verdict to expect. */
class NoIsolation extends ProcessExecutor {
  override networkIsolationProblem(): Promise<string | undefined> {
    return Promise.resolve('`unshare` is not available (simulated for the test); install util-linux')
  }
}

describe('network: deny', () => {
  it('cannot reach a loopback server; the same step with network: allow can', async () => {
    const executor = new ProcessExecutor()
    const problem = await executor.networkIsolationProblem()
    const denied = fetchStep(`${url}/deny`, 'deny')
    if (problem) {
      // No namespaces on this machine: the step must be refused, never run with network.
      await expect(executor.runStep(denied)).rejects.toThrow(/network: allow/)
    } else {
      const r = await executor.runStep(denied)
      expect(r.exitCode, r.output).toBe(7)
      expect(r.output).toMatch(/error: (ENETUNREACH|ECONNREFUSED|EADDRNOTAVAIL)/)
    }
    expect(hits.filter((h) => h === '/deny')).toEqual([])

    const allowed = await executor.runStep(fetchStep(`${url}/allow`, 'allow'))
    expect(allowed.exitCode, allowed.output).toBe(0)
    expect(allowed.output).toContain('body: reached')
    expect(hits.filter((h) => h === '/allow')).toEqual(['/allow'])
  })

  it('reports why when `bwrap` is not installed (the real probe), whatever PATH says', async () => {
    const { bwrap: _bwrap, ...withoutBwrap } = resolvePrograms()
    const problem = await new ProcessExecutor(undefined, { programs: withoutBwrap }).networkIsolationProblem()
    expect(problem).toMatch(/`bwrap` \(bubblewrap\) is not installed/)
    // A PATH that lacks every system folder changes nothing: autopilot's programs come from there.
    const emptyBin = path.join(root, 'empty-bin')
    expect(await withEnv({ PATH: emptyBin }, () => new ProcessExecutor().networkIsolationProblem())).toBeUndefined()
  })

  it('fails the task closed, naming `network: allow`, when isolation is unavailable', async () => {
    const template = await makeTemplate(path.join(root, 'repo-template'))
    const repo = path.join(root, 'repo')
    const marker = path.join(root, 'step-ran')
    const plan = [
      '# A deny step where namespaces are unavailable, and an allow step beside it.',
      'version: 1',
      'issue: 77',
      'title: network deny without isolation',
      'tasks:',
      '  - id: offline',
      '    paths: [src/**]',
      '    steps:',
      '      - network: deny',
      '        run: |',
      `          touch '${marker}'`,
      `          curl -sS --max-time 5 -o src/payload.txt '${url}/fail-closed'`,
      '  - id: online',
      '    paths: [docs/**]',
      '    steps:',
      '      - network: allow',
      `        run: curl -sS --max-time 5 -o docs/payload.txt '${url}/online'`,
      ''
    ].join('\n')
    await prepareRepo(template, repo, 77, plan)
    const lines: string[] = []
    const result = await runLocal({
      planArg: '77',
      cwd: repo,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTOPILOT_WORK_DIR: path.join(root, 'work') },
      out: (t) => void lines.push(t),
      isTTY: false,
      backoffMs: 10,
      executor: new NoIsolation()
    })
    expect(result.exitCode, lines.join('')).toBe(1)
    const offline = result.manifest.tasks.offline
    expect(offline.status).toBe('failed')
    expect(offline.reason).toContain('network: deny cannot be enforced here')
    expect(offline.reason).toContain('`network: allow`')
    // Refused before it started: the step never ran and the server saw nothing from it.
    expect(existsSync(marker)).toBe(false)
    expect(hits).not.toContain('/fail-closed')
    // A step that may use the network still runs.
    expect(result.manifest.tasks.online.status).toBe('succeeded')
    expect(hits).toContain('/online')
  })
})

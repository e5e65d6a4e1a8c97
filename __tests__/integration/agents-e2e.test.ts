// Agent steps end to end: the real engine, stand-in agent CLIs on PATH that speak the real output formats.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeRepo, projectRoot, reportFiles, type LocalRepo } from '../support/local-repo.js'
import { getDriver } from '../../src/agents/index.js'

const standIns = path.join(projectRoot, '__tests__/fixtures/agents/bin')
const keys = { OPENAI_API_KEY: 'sk-test-openai-0123456789', ANTHROPIC_API_KEY: 'sk-ant-test-0123456789' }

let r: LocalRepo
afterEach(() => r?.cleanup())

function repoWithAgents(): LocalRepo {
  r = makeRepo()
  r.env.PATH = `${standIns}:${r.env.PATH}`
  Object.assign(r.env, keys)
  return r
}

const summaryOf = (repo: LocalRepo) => readFileSync(reportFiles(repo.repo, 'summary-').at(-1)!, 'utf8')

describe('agent steps', () => {
  it('adds every call to the usage totals of the manifest and the summary', async () => {
    repoWithAgents().writePlan({
      issue: 61,
      tasks: [
        { id: 'a', paths: ['a.md'], steps: [{ agent: 'codex', prompt: 'AUTOPILOT_FAKE: write a.md A\nAUTOPILOT_FAKE: tokens 100 20' }] },
        { id: 'b', paths: ['b.md'], steps: [{ agent: 'claude', prompt: 'AUTOPILOT_FAKE: write b.md B\nAUTOPILOT_FAKE: tokens 50 10 0.01' }] }
      ]
    })
    const res = await r.run(['run', '61'])
    expect(res.code, res.out + res.err).toBe(0)
    const m = r.manifest()!
    expect(m.tasks.a.usage).toMatchObject({ calls: 1, inputTokens: 100, outputTokens: 20 })
    expect(m.tasks.b.usage).toMatchObject({ calls: 1, inputTokens: 50, outputTokens: 10, costUsd: 0.01 })
    expect(summaryOf(r)).toContain('Agent usage: 2 calls, 180 tokens, $0.0100')
  })

  it('a budget of 2 calls stops the third call with exit 3 and names the setting', async () => {
    const step = (f: string) => ({ agent: 'codex', prompt: `AUTOPILOT_FAKE: write ${f} x` })
    repoWithAgents().writePlan({
      issue: 62,
      agents: { codex: { 'max-calls': 2 } },
      tasks: [
        { id: 'one', paths: ['1.md'], steps: [step('1.md')] },
        { id: 'two', needs: ['one'], paths: ['2.md'], steps: [step('2.md')] },
        { id: 'three', needs: ['two'], paths: ['3.md'], steps: [step('3.md')] }
      ]
    })
    const res = await r.run(['run', '62'])
    expect(res.code).toBe(3)
    const m = r.manifest()!
    expect(m.breaker).toMatch(/^budget: agents\.codex\.max-calls \(2\) reached/)
    expect([m.tasks.one.status, m.tasks.two.status, m.tasks.three.status]).toEqual(['succeeded', 'succeeded', 'cancelled'])
    expect(readFileSync(reportFiles(r.repo, 'FAILED-').at(-1)!, 'utf8')).toContain('agents.codex.max-calls')
    // The third agent never ran: two commits only.
    expect(r.git(['rev-list', '--count', 'main..autopilot/issue-62'])).toBe('2\n')
  })

  it('escalates from a failing first agent to the fallback, with the failure in its prompt', async () => {
    repoWithAgents().writePlan({
      issue: 63,
      tasks: [
        {
          id: 'fix',
          paths: ['notes/**'],
          steps: [
            {
              agent: 'codex',
              fallback: ['claude'],
              // codex fails; claude only succeeds when its prompt carries the previous failure.
              prompt: 'AUTOPILOT_FAKE[codex]: fail 1 codex gave up\nAUTOPILOT_FAKE[claude]: fail-first\nAUTOPILOT_FAKE: write notes/fix.md fixed'
            }
          ]
        }
      ]
    })
    const res = await r.run(['run', '63'])
    expect(res.code, res.out + res.err).toBe(0)
    const step = r.manifest()!.tasks.fix.steps[0]
    expect(step).toMatchObject({ status: 'succeeded', agent: 'claude', agents: ['codex', 'claude'], attempts: 2 })
    expect(summaryOf(r)).toContain('codex ✗ → claude')
    // task.log names the agent that did the work, not the step's first agent.
    const taskLog = readFileSync(path.join(r.repo, r.manifest()!.tasks.fix.log!), 'utf8')
    expect(taskLog).toContain('step 1 codex agent: succeeded, agent claude (after codex failed)')
    expect(r.git(['show', 'autopilot/issue-63:notes/fix.md'])).toBe('fixed\n')
  })

  it('gives credentials to the agent step only, masked, and fails early when one is missing', async () => {
    repoWithAgents().writePlan({
      issue: 64,
      tasks: [
        {
          id: 'k',
          paths: ['k.md'],
          steps: [
            { agent: 'codex', prompt: 'AUTOPILOT_FAKE: env OPENAI_API_KEY\nAUTOPILOT_FAKE: write k.md k' },
            { run: 'echo "shell sees: ${OPENAI_API_KEY:-nothing}"', expect: { output: 'shell sees: nothing' } }
          ]
        }
      ]
    })
    const ok = await r.run(['run', '64'])
    expect(ok.code, ok.out + ok.err).toBe(0)
    const logs = r.manifest()!.tasks.k.steps.map(s => readFileSync(path.join(r.repo, s.log!), 'utf8'))
    expect(logs[0]).toContain('env OPENAI_API_KEY=set')
    expect(logs.join('')).not.toContain(keys.OPENAI_API_KEY)

    delete r.env.OPENAI_API_KEY
    const missing = await r.run(['run', '64', '--fresh'])
    expect(missing.code).toBe(1)
    const rec = r.manifest()!.tasks.k
    expect(rec.status).toBe('failed')
    expect(rec.reason).toContain('OPENAI_API_KEY')
    // Checked before the step starts: no step ran, so none is recorded.
    expect(rec.steps).toEqual([])
  })

  it('says what kind of failure an agent had (here a rate limit) in the task reason', async () => {
    repoWithAgents().writePlan({
      issue: 67,
      tasks: [{ id: 'rl', paths: ['rl.md'], steps: [{ agent: 'claude', prompt: 'AUTOPILOT_FAKE: rate-limit' }] }]
    })
    const res = await r.run(['run', '67'])
    expect(res.code).toBe(1)
    expect(r.manifest()!.tasks.rl.reason).toContain('claude hit a rate limit or quota')
  })

  it("leaves an agent's cache files (aider's repo map) out of the task's change", async () => {
    repoWithAgents().writePlan({
      issue: 68,
      tasks: [
        {
          id: 'm',
          paths: ['m.md'],
          steps: [{ agent: 'codex', prompt: 'AUTOPILOT_FAKE: write .aider.tags.cache.v4/cache.db junk\nAUTOPILOT_FAKE: write m.md m' }]
        }
      ]
    })
    const res = await r.run(['run', '68'])
    expect(res.code, res.out + res.err).toBe(0)
    expect(r.git(['ls-tree', '-r', '--name-only', 'autopilot/issue-68'])).not.toContain('.aider')
  })

  it('names the install command when the CLI is not on PATH', async () => {
    r = makeRepo()
    Object.assign(r.env, keys)
    r.writePlan({ issue: 65, tasks: [{ id: 'g', paths: ['g.md'], steps: [{ agent: 'gemini', prompt: 'hi' }] }] })
    r.env.GEMINI_API_KEY = 'test-gemini-key-123'
    const res = await r.run(['run', '65'])
    expect(res.code).toBe(1)
    expect(r.manifest()!.tasks.g.reason).toContain(`Install it with: ${getDriver('gemini').install}`)
  })

  it('--dry-run prints each agent step’s exact argument vector and runs nothing', async () => {
    repoWithAgents().writePlan({
      issue: 66,
      agents: { claude: { model: 'claude-sonnet-4-5', 'allowed-tools': ['Edit', 'Bash(npm test)'] } },
      tasks: [{ id: 'd', paths: ['d/**'], steps: [{ agent: 'claude', prompt: 'do it', fallback: ['codex'] }] }]
    })
    const res = await r.run(['run', '66', '--dry-run'])
    expect(res.code).toBe(0)
    const claude = getDriver('claude').build({
      prompt: '<assembled prompt>',
      promptFile: '<tmp>/prompt-claude.md',
      cwd: '<worktree>',
      model: 'claude-sonnet-4-5',
      args: [],
      allowedTools: ['Edit', 'Bash(npm test)']
    })
    const codex = getDriver('codex').build({ prompt: '<assembled prompt>', promptFile: '<tmp>/prompt-codex.md', cwd: '<worktree>', args: [] })
    expect(res.out).toContain(`step 1: agent claude ${JSON.stringify(claude.argv)}`)
    expect(res.out).toContain(`fallback 1: agent codex ${JSON.stringify(codex.argv)}`)
    expect(r.manifest()).toBeUndefined()
  })

  it('a call whose CLI reports no tokens counts as a call with unknown tokens, and warns that max-tokens cannot hold', async () => {
    repoWithAgents().writePlan({
      issue: 69,
      limits: { 'max-tokens': 1000 },
      tasks: [{ id: 'u', paths: ['u.md'], steps: [{ agent: 'command', command: ['sh', '-c', 'echo u > u.md'], prompt: 'x' }] }]
    })
    const res = await r.run(['run', '69'])
    expect(res.code, res.out + res.err).toBe(0)
    expect(r.manifest()!.tasks.u.usage).toEqual({ calls: 1, inputTokens: 0, outputTokens: 0, unknownCalls: 1, durationMs: expect.any(Number) })
    expect(summaryOf(r)).toContain('Agent usage: 1 call, tokens unknown')
    expect(res.out).toContain('command reported no token counts, so limits.max-tokens cannot be enforced')
  })

  it('a timed-out agent that exits 0 on SIGTERM is logged as timed out, not as exit 0', async () => {
    repoWithAgents().writePlan({
      issue: 71,
      tasks: [
        {
          id: 't',
          paths: ['t.md'],
          steps: [{ agent: 'command', 'timeout-minutes': 0.01, command: ['sh', '-c', 'trap "exit 0" TERM; sleep 30 & wait'], prompt: 'x' }]
        }
      ]
    })
    const res = await r.run(['run', '71'])
    expect(res.code).toBe(1)
    const step = r.manifest()!.tasks.t.steps[0]
    expect(step.status).toBe('timed-out')
    const log = readFileSync(path.join(r.repo, step.log!), 'utf8')
    // Whatever the exit status the sandbox reports (the program itself exits 0 on SIGTERM), it is a timeout.
    expect(log).toMatch(/=== timed out after 0.01 min \(killed; exit \S+\) in \d+ ms/)
    expect(log).not.toMatch(/=== exit \S+ in/)
  })

  it('an agent step under network: deny fails at once, naming network: deny; validate warns about it', async () => {
    repoWithAgents().writePlan({
      issue: 70,
      tasks: [{ id: 'n', paths: ['n.md'], steps: [{ agent: 'codex', network: 'deny', prompt: 'AUTOPILOT_FAKE: write n.md n' }] }]
    })
    const v = await r.run(['validate', '70'])
    expect(v.code).toBe(0)
    expect(v.err).toMatch(/warning: agent codex cannot reach its model provider under the step's `network: deny`/)
    const started = Date.now()
    const res = await r.run(['run', '70'])
    expect(res.code).toBe(1)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(r.manifest()!.tasks.n.reason).toContain('`network: deny`')
    expect(r.manifest()!.tasks.n.steps).toEqual([])
  })
})

// The real pinned agent CLIs (scripts/install-agent-clis.sh) through `autopilot run`, in its sandbox,
// against the scripted model server on 127.0.0.1 (support/model-server.ts): the change lands, usage is
// exact, the prompt carries the plan's intent, each CLI sends only its own key, a 429 is `rate-limit`
// and a 500 fails over to the fallback agent. Skipped, with the install command, when a CLI is missing;
// CI sets AUTOPILOT_REQUIRE_AGENT_CLIS=1 so a missing CLI fails there instead.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanUpAfterEach, cliTest, editThenDone, installed, landsTheChange, plan, rateLimited, REAL_CLI_TIMEOUT as TIMEOUT, setUp } from '../support/model-server-agents.js'

cleanUpAfterEach()

landsTheChange(['codex', 'claude'])
// claude: CLAUDE_CODE_MAX_RETRIES=2 (the driver). codex: request_max_retries=0 in the plan's provider.
rateLimited(['codex', 'claude'], { codex: 1, claude: 3 })

describe('real CLIs: provider failures', () => {
  cliTest('claude')(
    'while claude waits on a slow provider, a progress line appears in the output and task.log, bounded, until the step ends',
    async () => {
      // The first agent turn answers after 8 s; claude prints nothing until it is done.
      const turns = editThenDone('claude', 'hello after a wait')
      let k = 0
      const { r } = await setUp(req => (req.tools.length ? { ...turns[Math.min(k, 1)], delayMs: k++ === 0 ? 8000 : 0 } : { text: 'ok' }))
      r.writePlan(plan(84, 'claude'))
      const started = Date.now()
      // A line after 1 s of silence, then every 3 s (the default: 20 s, then every minute).
      const res = await r.run(['run', '84'], { AUTOPILOT_PROGRESS_QUIET_MS: '1000' })
      const seconds = (Date.now() - started) / 1000
      expect(res.code, res.out + res.err).toBe(0)
      expect(r.git(['show', 'autopilot/issue-84:hello.md'])).toBe('hello after a wait\n')
      const PROGRESS = /^task hello: claude still working \((\d+) s, no output for (\d+) s\)$/
      const shown = res.out.split('\n').filter(l => PROGRESS.test(l))
      expect(shown.length, res.out).toBeGreaterThanOrEqual(2)
      // Bounded: one line, then one every 3 s at most.
      expect(shown.length).toBeLessThanOrEqual(1 + Math.ceil(seconds / 3))
      // It covers the wait on the provider: a line after at least 7 s of silence.
      expect(Math.max(...shown.map(l => Number(PROGRESS.exec(l)![2])))).toBeGreaterThanOrEqual(7)
      // task.log has the same lines, all before the step's end (the watch stops with the step).
      const log = readFileSync(path.join(r.repo, r.manifest()!.tasks.hello.log!), 'utf8').split('\n')
      const logged = log.filter(l => PROGRESS.test(l))
      expect(logged).toEqual(shown)
      const end = log.findIndex(l => l.startsWith('step 1 '))
      expect(end).toBeGreaterThan(log.lastIndexOf(logged.at(-1)!))
    },
    TIMEOUT
  )

  const both = installed('codex') && installed('claude') ? it : cliTest(installed('codex') ? 'claude' : 'codex')
  both(
    'a 500 fails codex and the fallback claude does the work; task.log names claude',
    async () => {
      const claudeTurns = editThenDone('claude', 'hello from the fallback')
      let k = 0
      const { r } = await setUp(req => (req.api === 'openai-responses' ? { status: 500 } : req.tools.length ? claudeTurns[Math.min(k++, 1)] : { text: 'ok' }))
      r.writePlan(plan(83, 'codex', { fallback: ['claude'] }))
      const res = await r.run(['run', '83'])
      expect(res.code, res.out + res.err).toBe(0)
      expect(r.git(['show', 'autopilot/issue-83:hello.md'])).toBe('hello from the fallback\n')
      const step = r.manifest()!.tasks.hello.steps[0]
      expect(step).toMatchObject({ status: 'succeeded', agent: 'claude', agents: ['codex', 'claude'] })
      expect(readFileSync(path.join(r.repo, r.manifest()!.tasks.hello.log!), 'utf8')).toContain('agent claude (after codex failed)')
    },
    TIMEOUT
  )
})

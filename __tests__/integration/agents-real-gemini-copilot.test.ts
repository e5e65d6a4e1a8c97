// The real gemini and copilot CLIs through `autopilot run` (see agents-real.test.ts; a file of their own so
// vitest runs them beside codex and claude: gemini and copilot start slowly).
import { describe, expect } from 'vitest'
import { cleanUpAfterEach, cliTest, editThenDone, INTENT, byTurn, onlyOwnKey, plan, setUp } from '../support/model-server-agents.js'

cleanUpAfterEach()

const AGENTS = ['gemini', 'copilot'] as const
const TIMEOUT = 90_000

describe.each(AGENTS)('real %s CLI through autopilot run', agent => {
  cliTest(agent)(
    'lands the change, counts usage exactly, carries the intent, and sends only its own key',
    async () => {
      const { r, s } = await setUp(byTurn(editThenDone(agent, `hello from ${agent}`)))
      r.writePlan(plan(81, agent))
      const res = await r.run(['run', '81', '--jobs', '1'])
      expect(res.code, res.out + res.err).toBe(0)
      expect(r.git(['show', 'autopilot/issue-81:hello.md'])).toBe(`hello from ${agent}\n`)
      expect(r.manifest()!.tasks.hello.usage).toMatchObject({ calls: 1, inputTokens: 300, outputTokens: 15 })
      expect(r.manifest()!.tasks.hello.usage?.unknownCalls).toBeUndefined()
      const turns = s.requests.filter(q => q.tools.length > 0)
      expect(turns).toHaveLength(2)
      expect(turns[0].raw).toContain(INTENT)
      onlyOwnKey(s.requests, agent)
    },
    TIMEOUT
  )
})


// Registry: merging step fields over agents.<name>, fallback chains, credentials.
import { describe, expect, it } from 'vitest'
import { PlanSchema } from '../../src/plan/schema.js'
import { agentEnv, getDriver, missingCredentials, resolveAgentCall } from '../../src/agents/index.js'

const plan = PlanSchema.parse({
  version: 1,
  issue: 1,
  title: 't',
  agents: {
    codex: { model: 'gpt-5-codex', args: ['-c', 'x=1'], fallback: ['claude'], 'pass-env': ['NPM_TOKEN'] },
    claude: { model: 'sonnet', 'allowed-tools': ['Edit'], args: ['--max-budget-usd', '2'] },
    command: { command: ['./bin/agent'] }
  },
  tasks: [
    {
      id: 'a',
      fallback: ['gemini'],
      steps: [
        { agent: 'codex', prompt: 'p', model: 'o3', args: ['--color', 'never'], 'pass-env': ['DEBUG'] },
        { agent: 'codex', prompt: 'p', fallback: ['claude', 'codex', 'aider'] },
        { agent: 'command', prompt: 'p' }
      ]
    },
    { id: 'b', steps: [{ agent: 'codex', prompt: 'p' }] }
  ]
})
const [a, b] = plan.tasks

describe('resolveAgentCall', () => {
  it('merges step fields over agents.<name> for the preferred agent only', () => {
    const r = resolveAgentCall(plan, a, a.steps[0])
    expect(r.agents).toEqual(['codex', 'gemini'])
    expect(r.calls[0]).toEqual({ agent: 'codex', model: 'o3', args: ['-c', 'x=1', '--color', 'never'], allowedTools: undefined, command: undefined, passEnv: ['NPM_TOKEN', 'DEBUG'] })
    expect(r.calls[1]).toEqual({ agent: 'gemini', model: undefined, args: [], allowedTools: undefined, command: undefined, passEnv: ['DEBUG'] })
  })

  it('takes the fallback chain from the step, else the task, else agents.<name>, without repeats', () => {
    expect(resolveAgentCall(plan, a, a.steps[1]).agents).toEqual(['codex', 'claude', 'aider'])
    expect(resolveAgentCall(plan, b, b.steps[0]).agents).toEqual(['codex', 'claude'])
    const claude = resolveAgentCall(plan, b, b.steps[0]).calls[1]
    expect(claude).toMatchObject({ model: 'sonnet', allowedTools: ['Edit'], args: ['--max-budget-usd', '2'] })
  })

  it('takes command from agents.command when the step has none', () => {
    expect(resolveAgentCall(plan, a, a.steps[2]).calls[0].command).toEqual(['./bin/agent'])
  })
})

describe('credentials', () => {
  it('names the missing variables and the pass-env setting', () => {
    const msg = missingCredentials(getDriver('codex'), { PATH: '/bin' })
    expect(msg).toContain('one of OPENAI_API_KEY, CODEX_API_KEY')
    expect(msg).toContain('agents.codex.pass-env')
    expect(missingCredentials(getDriver('codex'), { CODEX_API_KEY: 'k' })).toBeUndefined()
    expect(missingCredentials(getDriver('codex'), { OPENAI_API_KEY: '' })).toBeDefined()
    expect(missingCredentials(getDriver('command'), {})).toBeUndefined()
  })

  it('passes only this driver\'s credentials and the named pass-env variables', () => {
    const env = { OPENAI_API_KEY: 'sk-fake', ANTHROPIC_API_KEY: 'ak-fake', GITHUB_TOKEN: 'gh-fake', NPM_TOKEN: 'n', HOME: '/h' }
    expect(agentEnv(getDriver('codex'), { passEnv: ['NPM_TOKEN', 'UNSET'] }, env)).toEqual({ OPENAI_API_KEY: 'sk-fake', NPM_TOKEN: 'n' })
    // copilot reads GITHUB_TOKEN too, but the workflow token never reaches a step unless the plan names it.
    expect(agentEnv(getDriver('copilot'), { passEnv: [] }, env)).toEqual({})
    expect(agentEnv(getDriver('copilot'), { passEnv: ['GITHUB_TOKEN'] }, env)).toEqual({ GITHUB_TOKEN: 'gh-fake' })
  })
})

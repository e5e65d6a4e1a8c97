// Budgets: per agent, per run, per UTC day (ledger), pure.
import { describe, expect, it } from 'vitest'
import { PlanSchema } from '../../src/plan/schema.js'
import { addUsage, charge, checkBudget, emptyLedger, rollLedger, type Ledger } from '../../src/agents/budget.js'

const plan = PlanSchema.parse({
  version: 1,
  issue: 1,
  title: 't',
  limits: { 'max-agent-calls': 5, 'max-tokens': 10_000, 'max-cost-usd': 1 },
  agents: { codex: { 'max-calls': 2, 'max-tokens-per-day': 5000, 'max-cost-usd': 0.5 }, claude: { 'max-calls-per-day': 3 } },
  tasks: [{ id: 'a', steps: [{ run: 'true' }] }]
})
const now = new Date('2026-03-01T23:59:00Z')
const use = (calls: number, inputTokens = 0, outputTokens = 0, costUsd?: number) => ({ calls, inputTokens, outputTokens, ...(costUsd === undefined ? {} : { costUsd }) })

describe('checkBudget', () => {
  it('allows a call under every limit', () => {
    expect(checkBudget({ plan, agent: 'codex', runUsage: {}, ledger: undefined, now })).toEqual({ ok: true })
  })

  it('trips agents.<name>.max-calls when reached, naming the setting', () => {
    const r = checkBudget({ plan, agent: 'codex', runUsage: { codex: use(2) }, ledger: undefined, now })
    expect(r).toEqual({ ok: false, breaker: 'budget: agents.codex.max-calls (2) reached: 2 calls spent' })
  })

  it('trips per-agent cost and the run-wide limits', () => {
    expect(checkBudget({ plan, agent: 'codex', runUsage: { codex: use(1, 0, 0, 0.5) }, ledger: undefined, now })).toMatchObject({
      breaker: expect.stringMatching(/^budget: agents\.codex\.max-cost-usd \(0\.5\) reached/)
    })
    const runUsage = { claude: use(4, 6000, 4000), gemini: use(1) }
    expect(checkBudget({ plan, agent: 'gemini', runUsage, ledger: undefined, now })).toMatchObject({
      breaker: expect.stringMatching(/^budget: limits\.max-agent-calls \(5\) reached/)
    })
    expect(checkBudget({ plan, agent: 'gemini', runUsage: { claude: use(1, 6000, 4000) }, ledger: undefined, now })).toMatchObject({
      breaker: expect.stringMatching(/^budget: limits\.max-tokens \(10000\) reached/)
    })
  })

  it('uses the ledger for per-day limits, and a new UTC day starts from zero', () => {
    const ledger: Ledger = { day: '2026-03-01', perAgent: { claude: use(3), codex: use(1, 4000, 1000) } }
    expect(checkBudget({ plan, agent: 'claude', runUsage: {}, ledger, now })).toMatchObject({
      breaker: 'budget: agents.claude.max-calls-per-day (3) reached: 3 calls today spent'
    })
    expect(checkBudget({ plan, agent: 'codex', runUsage: {}, ledger, now })).toMatchObject({ ok: false })
    const tomorrow = new Date('2026-03-02T00:00:01Z')
    expect(checkBudget({ plan, agent: 'claude', runUsage: {}, ledger, now: tomorrow })).toEqual({ ok: true })
  })
})

describe('charge', () => {
  it('adds to the run and the ledger without mutating the inputs', () => {
    const runUsage = Object.freeze({ codex: Object.freeze(use(1, 10, 5, 0.1)) })
    const ledger = Object.freeze({ day: '2026-03-01', perAgent: Object.freeze({}) }) as Ledger
    const r = charge({ runUsage, ledger, agent: 'codex', usage: use(1, 100, 50, 0.2), now })
    expect(r.runUsage.codex).toEqual(use(2, 110, 55, 0.3))
    expect(r.ledger).toEqual({ day: '2026-03-01', perAgent: { codex: use(1, 100, 50, 0.2) } })
    expect(runUsage.codex.calls).toBe(1)
  })

  it('rolls the ledger over at UTC midnight', () => {
    const ledger: Ledger = { day: '2026-03-01', perAgent: { codex: use(9) } }
    const r = charge({ runUsage: {}, ledger, agent: 'codex', usage: use(1), now: new Date('2026-03-02T00:00:00Z') })
    expect(r.ledger).toEqual({ day: '2026-03-02', perAgent: { codex: use(1) } })
    expect(rollLedger(ledger, now)).toBe(ledger)
    expect(emptyLedger(now).day).toBe('2026-03-01')
  })

  it('keeps cost only when reported', () => {
    expect(addUsage(use(1, 1, 1), use(1, 1, 1))).toEqual(use(2, 2, 2))
    expect(addUsage(use(1), use(1, 0, 0, 0.25)).costUsd).toBe(0.25)
  })
})

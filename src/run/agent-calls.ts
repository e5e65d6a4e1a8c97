/**
 * Agent steps, wired: the escalation chain, credentials (passed to that step
 * only), the CLI's presence on PATH, budgets and the per-day ledger, and the
 * assembled prompt written next to the step's log.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { AgentName, Plan } from '../plan/schema.js'
import type { Usage } from '../state/manifest.js'
import type { StateStore, UsageLedger } from '../state/store.js'
import { AutopilotError, BreakerTripped } from '../errors.js'
import { agentEnv, explainFailure, getDriver, missingCredentials, resolveAgentCall } from '../agents/index.js'
import { assemblePrompt } from '../agents/prompt.js'
import { readPromptFile, type PlanDirCopy } from './plan-dir.js'
import { charge, checkBudget, type Ledger } from '../agents/budget.js'
import type { AgentCalls, PreparedCall } from './step-runner.js'

export function createAgentCalls(input: {
  plan: Plan
  callerEnv: NodeJS.ProcessEnv
  store: StateStore
  ledger: UsageLedger | undefined
  now?: () => Date
  /** The plan folder's copy, where prompt files are read from (src/run/plan-dir.ts). */
  planDir?: PlanDirCopy
}): AgentCalls {
  const { plan, callerEnv, store } = input
  const now = input.now ?? (() => new Date())
  let runUsage: Record<string, Usage> = {}
  let ledger = input.ledger as Ledger | undefined
  // Ledger writes are serialised so parallel tasks never lose a charge.
  let saving = Promise.resolve()

  return {
    chain: (task, step) => resolveAgentCall(plan, task, step).agents,
    async prepare({ agent, task, step, worktree, tmpDir, failureTail }): Promise<PreparedCall> {
      const name = agent as AgentName
      const driver = getDriver(name)
      const resolved = resolveAgentCall(plan, task, step)
      const call = resolved.calls[resolved.agents.indexOf(name)]
      const budget = checkBudget({ plan, agent: name, runUsage, ledger, now: now() })
      if (!budget.ok) throw new BreakerTripped(budget.breaker)
      const missing = missingCredentials(driver, callerEnv)
      if (missing) throw new AutopilotError(missing, 1)
      const program = name === 'command' ? call.command?.[0] : driver.build({ prompt: '', promptFile: '', cwd: worktree, args: [] }).argv[0]
      if (program && !onPath(program, callerEnv.PATH ?? '', worktree)) {
        throw new AutopilotError(`agent ${name}: \`${program}\` is not installed or not on PATH. Install it with: ${driver.install}`, 1)
      }
      const stepPrompt = step.prompt ?? (await readPromptFile(step['prompt-file']!, input.planDir, rel => readFile(join(worktree, rel), 'utf8')))
      const prompt = assemblePrompt({ plan, task, step, stepPrompt, failureTail })
      const promptFile = join(tmpDir, `prompt-${name}.md`)
      await writeFile(promptFile, prompt)
      const cwd = step['working-directory'] ? join(worktree, step['working-directory']) : worktree
      const inv = driver.build({
        prompt,
        promptFile,
        cwd,
        model: call.model,
        args: call.args,
        allowedTools: call.allowedTools,
        command: call.command
      })
      const passed = Object.keys(agentEnv(driver, call, callerEnv))
      return {
        argv: inv.argv,
        stdin: inv.stdin,
        env: inv.env,
        passEnv: passed,
        explain: r => {
          const cls = driver.classify(r)
          return cls === 'ok' || cls === 'non-zero-exit' ? undefined : explainFailure(driver, cls)
        },
        parseUsage: out => {
          const u = driver.parseUsage(out)
          // A call counts even when the CLI reports nothing.
          return { calls: 1, inputTokens: u?.inputTokens ?? 0, outputTokens: u?.outputTokens ?? 0, ...(u?.costUsd !== undefined ? { costUsd: u.costUsd } : {}) }
        }
      }
    },
    async charge(agent, usage) {
      const next = charge({ runUsage, ledger, agent: agent as AgentName, usage: usage ?? { calls: 1, inputTokens: 0, outputTokens: 0 }, now: now() })
      runUsage = next.runUsage
      ledger = next.ledger
      const snapshot = next.ledger
      saving = saving.then(() => store.saveLedger(snapshot as UsageLedger)).catch(() => {})
      await saving
    }
  }
}

function onPath(program: string, path: string, cwd: string): boolean {
  const candidates = program.includes('/') ? [join(cwd, program), program] : path.split(delimiter).map(d => join(d, program))
  return candidates.some(c => {
    try {
      accessSync(c, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

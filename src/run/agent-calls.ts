/**
 * Agent steps, wired: the escalation chain, credentials (passed to that step
 * only), the CLI's presence on PATH, budgets and the per-day ledger, and the
 * assembled prompt written next to the step's log.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { accessSync, constants } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import type { AgentName, Plan } from '../plan/schema.js'
import type { Usage } from '../state/manifest.js'
import type { StateStore, UsageLedger } from '../state/store.js'
import { AutopilotError, BreakerTripped } from '../errors.js'
import { agentEnv, explainFailure, getDriver, loggedIn, loginFilesFound, missingCredentials, networkDenied, resolveAgentCall } from '../agents/index.js'
import { assemblePrompt } from '../agents/prompt.js'
import { readPromptFile, type PlanDirCopy } from './plan-dir.js'
import { charge, checkBudget, tokenBudgets, type Ledger } from '../agents/budget.js'
import { stepName, type AgentCalls, type PreparedCall } from './step-runner.js'
import { readRepoFile } from './repo-file.js'

/** The usage of a call whose CLI reported nothing: it counts as a call, its tokens are unknown. */
export const UNKNOWN_CALL: Usage = Object.freeze({ calls: 1, inputTokens: 0, outputTokens: 0, unknownCalls: 1 })

export function createAgentCalls(input: {
  plan: Plan
  callerEnv: NodeJS.ProcessEnv
  store: StateStore
  ledger: UsageLedger | undefined
  now?: () => Date
  /** Notes for the run's output (a token budget that cannot be enforced, a ledger that cannot be saved). */
  warn?: (message: string) => void
  /** The plan folder's copy, where prompt files are read from (src/run/plan-dir.ts). */
  planDir?: PlanDirCopy
}): AgentCalls {
  const { plan, callerEnv, store } = input
  const now = input.now ?? (() => new Date())
  let runUsage: Record<string, Usage> = {}
  let ledger = input.ledger as Ledger | undefined
  // Ledger writes are serialised so parallel tasks never lose a charge.
  let saving = Promise.resolve()
  const warned = new Set<string>()

  return {
    chain: (task, step) => resolveAgentCall(plan, task, step).agents,
    async prepare({ agent, task, step, worktree, tmpDir, failureTail }): Promise<PreparedCall> {
      const name = agent as AgentName
      const driver = getDriver(name)
      const resolved = resolveAgentCall(plan, task, step)
      const call = resolved.calls[resolved.agents.indexOf(name)]
      const budget = checkBudget({ plan, agent: name, runUsage, ledger, now: now() })
      if (!budget.ok) throw new BreakerTripped(budget.breaker)
      // Before anything else: a CLI without network would retry its provider until the step's timeout.
      const denied = networkDenied(plan, step)
      if (denied && name !== 'command') throw new AutopilotError(denied, 1)
      const logins = loginFilesFound(driver, callerEnv.HOME)
      const missing = loggedIn(driver, callerEnv.HOME) ? undefined : missingCredentials(driver, callerEnv)
      if (missing) throw new AutopilotError(missing, 1)
      const program = name === 'command' ? call.command?.[0] : driver.build({ prompt: '', promptFile: '', cwd: worktree, args: [] }).argv[0]
      if (program && !onPath(program, callerEnv.PATH ?? '', worktree)) {
        throw new AutopilotError(`agent ${name}: \`${program}\` is not installed or not on PATH. Install it with: ${driver.install}`, 1)
      }
      const stepPrompt =
        step.prompt ??
        (await readPromptFile(step['prompt-file']!, input.planDir, rel =>
          readRepoFile(worktree, rel, `task "${task.id}" step "${stepName(step)}" prompt-file`)
        ))
      const prompt = assemblePrompt({ plan, task, step, stepPrompt, failureTail })
      const promptFile = join(tmpDir, `prompt-${name}.md`)
      await writeFile(promptFile, prompt)
      const cwd = step['working-directory'] ? join(worktree, step['working-directory']) : worktree
      const passed = Object.keys(agentEnv(driver, call, callerEnv))
      const inv = driver.build({
        prompt,
        promptFile,
        cwd,
        model: call.model,
        args: call.args,
        allowedTools: call.allowedTools,
        command: call.command,
        passed
      })
      for (const [file, text] of Object.entries(inv.files ?? {})) {
        await mkdir(dirname(file), { recursive: true })
        await writeFile(file, text)
      }
      return {
        argv: inv.argv,
        stdin: inv.stdin,
        env: inv.env,
        passEnv: passed,
        loginFiles: logins,
        explain: r => {
          const cls = driver.classify(r)
          return cls === 'ok' || cls === 'non-zero-exit' ? undefined : explainFailure(driver, cls)
        },
        async parseUsage({ stdout, home, durationMs }) {
          const file = home ? driver.sessionFile?.(stdout, home) : undefined
          const sessionText = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined
          const u = driver.parseUsage(stdout, sessionText)
          // A call counts even when the CLI reports nothing; its tokens are then unknown, not 0.
          // The CLI's own duration when it reports one, else the process's.
          return { ...(u ?? UNKNOWN_CALL), calls: 1, durationMs: u?.durationMs ?? durationMs }
        }
      }
    },
    async charge(agent, usage) {
      const spent = usage ?? { ...UNKNOWN_CALL }
      const budgets = spent.unknownCalls ? tokenBudgets(plan, agent as AgentName) : []
      if (budgets.length && !warned.has(agent)) {
        warned.add(agent)
        input.warn?.(
          `autopilot: warning: ${agent} reported no token counts, so ${budgets.join(' and ')} cannot be enforced for its calls ` +
            '(each still counts as a call; cap them with max-calls).'
        )
      }
      const next = charge({ runUsage, ledger, agent: agent as AgentName, usage: spent, now: now() })
      runUsage = next.runUsage
      ledger = next.ledger
      const snapshot = next.ledger
      saving = saving
        .then(() => store.saveLedger(snapshot as UsageLedger))
        .catch((e: Error) => input.warn?.(`autopilot: warning: could not save the usage ledger: ${e.message}`))
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

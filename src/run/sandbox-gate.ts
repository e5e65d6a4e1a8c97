/**
 * Decided once, before any step runs: steps run in the sandbox, or knowingly
 * without it (`sandbox: off`), or not at all. There is no silent fallback:
 * until this module existed, a host without namespaces got a warning and ran
 * every step unsandboxed.
 */
import type { Plan } from '../plan/schema.js'
import type { CommandExecutor } from './executor.js'
import { SandboxUnavailableError, sandboxOffWarning } from './sandbox.js'
import type { EnableResult } from './enable-namespaces.js'

export interface SandboxDecision {
  /** Steps run sandboxed. */
  sandboxed: boolean
  /** Say this once (sandbox off, or how it was enabled). */
  note?: string
}

/**
 * Whether steps may run here. `offBy` names who turned the sandbox off outside the plan
 * (AUTOPILOT_SANDBOX=off, `--sandbox off`, the action input). `enable`, when given, may change
 * the host so namespaces work (hosted runners, src/run/enable-namespaces.ts).
 * Throws SandboxUnavailableError (exit 3) when the sandbox is on but cannot be had.
 */
export async function decideSandbox(input: {
  executor: CommandExecutor
  plan: Plan
  offBy?: string
  enable?: (problem: string) => Promise<EnableResult>
}): Promise<SandboxDecision> {
  const offBy = input.offBy ?? (input.plan.sandbox === 'off' ? '`sandbox: off` in the plan' : undefined)
  if (offBy) return { sandboxed: false, note: sandboxOffWarning(`turned off by ${offBy}`) }
  const problem = await input.executor.sandboxProblem()
  if (!problem) return { sandboxed: true }
  if (input.enable) {
    const r = await input.enable(problem)
    if (r.ok) return { sandboxed: true, note: r.log }
    throw new SandboxUnavailableError(`${problem}; ${r.log}`)
  }
  throw new SandboxUnavailableError(problem)
}

/** Who turned the sandbox off in the environment (AUTOPILOT_SANDBOX=off), if anyone. */
export function sandboxOffInEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.AUTOPILOT_SANDBOX === 'off' ? 'AUTOPILOT_SANDBOX=off' : undefined
}

/** Folders the caller shares read-write with every step (AUTOPILOT_SANDBOX_SHARE, absolute paths, `:`-separated). */
export function sandboxShareInEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.AUTOPILOT_SANDBOX_SHARE ?? '').split(':').filter(p => p.startsWith('/'))
}

/**
 * The contract every coding-agent driver fulfils: how to call the CLI
 * unattended (an argument vector, never a shell line), which credentials it
 * needs, how to read what it spent, and how to name a failure. Pure: the step
 * runner does the spawning.
 */
import type { AgentName } from '../plan/schema.js'
import type { Usage } from '../state/manifest.js'

export type { AgentName }

/** What the runner knows when it is about to call an agent. */
export interface AgentContext {
  /** The assembled prompt (see prompt.ts). */
  prompt: string
  /** Absolute path where the runner has written the assembled prompt; outside the worktree. */
  promptFile: string
  /** The task's worktree (or the step's working directory inside it). */
  cwd: string
  model?: string
  /** Extra arguments from the plan, appended after the driver's own. */
  args: string[]
  /** Tools the agent may use (`agents.<name>.allowed-tools`). */
  allowedTools?: string[]
  /** For `agent: command`: the program and its arguments. */
  command?: string[]
}

/** A process to start. */
export interface AgentInvocation {
  argv: string[]
  /** Written to the process's stdin, which is then closed. Undefined: stdin is empty (/dev/null). */
  stdin?: string
  /** Non-secret settings the CLI needs (telemetry and update checks off...). Never credentials. */
  env?: Record<string, string>
}

/** Why an agent call did not do the job; `ok` when it did (as far as the CLI can tell). */
export type FailureClass =
  | 'missing-credentials'
  | 'rate-limit'
  | 'turn-or-budget-cap'
  | 'not-installed'
  | 'non-zero-exit'
  | 'no-changes'
  | 'ok'

/** Usage as parsed from a CLI's output; `durationMs` when the CLI reports it. */
export type AgentUsage = Usage & { durationMs?: number }

export interface AgentDriver {
  name: AgentName
  /** How to install the CLI, shown when it is missing. */
  install: string
  /** Documentation of the CLI's non-interactive mode, for messages and docs. */
  docs: string
  /**
   * Credential variables, as any-of groups: each group needs at least one
   * present. They reach only this agent's step and are masked in logs.
   */
  credentials: string[][]
  build(ctx: AgentContext): AgentInvocation
  /** Usage from the CLI's stdout, or undefined when it reported none. */
  parseUsage(stdout: string): AgentUsage | undefined
  classify(result: { exitCode: number | null; output: string }): FailureClass
}

/**
 * The contract every coding-agent driver fulfils: how to call the CLI
 * unattended (an argument vector, never a shell line), which credentials it
 * needs, how to read what it spent, and how to name a failure. Pure: the step
 * runner does the spawning.
 */
import type { AgentName } from '../plan/schema.js'
import type { Usage } from '../state/manifest.js'

export type { AgentName }

/**
 * How often a CLI may retry a failed provider request (429, 5xx) on its own, where it has a
 * setting for it. Claude and gemini otherwise retry for minutes, silently; autopilot's retries
 * and fallbacks take over instead.
 */
export const AGENT_MAX_RETRIES = 2

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
  /** Names (not values) of the caller's variables this call receives, e.g. a gateway's base URL. */
  passed?: string[]
}

/** A process to start. */
export interface AgentInvocation {
  argv: string[]
  /** Written to the process's stdin, which is then closed. Undefined: stdin is empty (/dev/null). */
  stdin?: string
  /** Non-secret settings the CLI needs (telemetry and update checks off...). Never credentials. */
  env?: Record<string, string>
  /** Files to write before the call (absolute paths beside the prompt file, outside the worktree). */
  files?: Record<string, string>
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
export type AgentUsage = Usage

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
  /**
   * Variables passed to this agent when the caller has them, without being required:
   * a gateway's base URL, provider settings. Masked like credentials.
   */
  optionalEnv?: string[]
  /**
   * Files under the caller's HOME that hold this CLI's own login (`codex login`, `claude
   * login`...), relative to HOME. Only these are made visible, read-only, to this agent's steps.
   * The first holds the login itself (its presence stands in for a credential variable); the
   * others are settings the login needs.
   */
  loginFiles: string[]
  build(ctx: AgentContext): AgentInvocation
  /**
   * Where the CLI leaves a session file with its token counts, when its stdout has none
   * (copilot): from the stdout (the session id) and the HOME the call ran with.
   */
  sessionFile?(stdout: string, home: string): string | undefined
  /** Usage from the CLI's stdout (and the session file's text), or undefined when it reported none. */
  parseUsage(stdout: string, sessionText?: string): AgentUsage | undefined
  classify(result: { exitCode: number | null; output: string }): FailureClass
}

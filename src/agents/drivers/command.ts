/**
 * Any program as an agent: `agent: command` with `command: [prog, args...]`.
 * The prompt arrives on stdin and its path in AUTOPILOT_PROMPT_FILE (the
 * model, if any, in AUTOPILOT_MODEL). Usage is
 * read when the program prints the same `{"autopilot_usage": {...}}` line
 * (documented in docs/agents.md); otherwise only the call is counted.
 */
import { classifyResult } from '../classify.js'
import { isObject, jsonLines, num } from '../cli-output.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

export const commandDriver: AgentDriver = {
  name: 'command',
  install: 'install the program named in `command` and make sure it is on PATH',
  docs: 'docs/agents.md',
  credentials: [],
  loginFiles: [],
  build(ctx) {
    if (!ctx.command?.length) {
      throw new Error('agent: command needs `command: [program, args...]` on the step or in `agents.command.command`')
    }
    return {
      argv: [...ctx.command, ...ctx.args],
      stdin: ctx.prompt,
      // An arbitrary program may not take `--model`: the model travels in the environment.
      env: { AUTOPILOT_PROMPT_FILE: ctx.promptFile, ...(ctx.model ? { AUTOPILOT_MODEL: ctx.model } : {}) }
    }
  },
  parseUsage(stdout) {
    const line = jsonLines(stdout).findLast((e) => isObject(e.autopilot_usage))
    const u = line?.autopilot_usage
    // No line: the call counts, its tokens are unknown.
    if (!isObject(u)) return undefined
    const usage: AgentUsage = { calls: 1, inputTokens: num(u.input_tokens), outputTokens: num(u.output_tokens) }
    if (typeof u.cost_usd === 'number') usage.costUsd = u.cost_usd
    return usage
  },
  classify(result) {
    return classifyResult(result)
  }
}

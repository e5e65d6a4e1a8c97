/**
 * Google Gemini CLI in headless mode: `gemini --output-format json
 * --approval-mode auto_edit --prompt <line>`, the task on stdin (the CLI
 * appends `--prompt` to stdin). Docs: https://geminicli.com/docs/cli/headless/
 */
import { classifyResult } from '../classify.js'
import { isObject, lastJsonObject, num, unlessOverridden } from '../cli-output.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

/** Sent as `--prompt`: the real instructions come first, on stdin. */
export const GEMINI_PROMPT_LINE = 'Carry out the task described above.'

/** Exit code the headless docs give for "turn limit exceeded". */
const GEMINI_TURN_LIMIT_EXIT = 53

export const geminiDriver: AgentDriver = {
  name: 'gemini',
  install: 'npm i -g @google/gemini-cli',
  docs: 'https://geminicli.com/docs/cli/headless/',
  credentials: [['GEMINI_API_KEY', 'GOOGLE_API_KEY']],
  build(ctx) {
    const argv = [
      'gemini',
      '--output-format',
      'json',
      // auto_edit approves file edits only; shell commands still need approval (denied headless).
      ...unlessOverridden(ctx.args, ['--approval-mode', '--yolo', '-y'], ['--approval-mode', 'auto_edit']),
      ...(ctx.model ? ['--model', ctx.model] : []),
      ...ctx.args,
      '--prompt',
      GEMINI_PROMPT_LINE
    ]
    // Headless runs in an untrusted folder stop with exit 55; autopilot made this worktree itself.
    return { argv, stdin: ctx.prompt, env: { GEMINI_CLI_TRUST_WORKSPACE: 'true' } }
  },
  parseUsage(stdout) {
    // `{session_id?, response, stats: {models: {<model>: {api: {totalLatencyMs..}, tokens: {prompt, candidates,
    // thoughts, cached..}}}, tools, files}, error?}`; `prompt` includes cached tokens, thoughts bill as output.
    const doc = lastJsonObject(stdout)
    if (!doc || !isObject(doc.stats) || !isObject(doc.stats.models)) return undefined
    const usage: AgentUsage = { calls: 1, inputTokens: 0, outputTokens: 0, durationMs: 0 }
    for (const m of Object.values(doc.stats.models)) {
      if (!isObject(m)) continue
      const t = isObject(m.tokens) ? m.tokens : {}
      usage.inputTokens += num(t.prompt)
      usage.outputTokens += num(t.candidates) + num(t.thoughts)
      if (isObject(m.api)) usage.durationMs = (usage.durationMs ?? 0) + num(m.api.totalLatencyMs)
    }
    return usage
  },
  classify(result) {
    return classifyResult(result, {
      capExitCodes: [GEMINI_TURN_LIMIT_EXIT],
      failedDespiteZero: (out) => isObject(lastJsonObject(out)?.error)
    })
  }
}

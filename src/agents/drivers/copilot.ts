/**
 * GitHub Copilot CLI: `copilot -p <prompt> --output-format json
 * --allow-all-tools` (the CLI requires tool approval up front in prompt mode),
 * or only `allowed-tools` via `--allow-tool`; `git push` is always denied.
 * Docs: https://docs.github.com/copilot/how-tos/copilot-cli
 */
import { classifyResult } from '../classify.js'
import { isObject, jsonLines, num } from '../cli-output.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

export const copilotDriver: AgentDriver = {
  name: 'copilot',
  install: 'npm i -g @github/copilot',
  docs: 'https://docs.github.com/copilot/how-tos/copilot-cli',
  // Precedence per `copilot help environment`. The CLI also reads GITHUB_TOKEN, but that name is left
  // out on purpose: in Actions it is the workflow's token (no Copilot permission, and it must never
  // reach a step unasked). Use a PAT with the Copilot Requests permission in COPILOT_GITHUB_TOKEN.
  credentials: [['COPILOT_GITHUB_TOKEN', 'GH_TOKEN']],
  build(ctx) {
    const tools = ctx.allowedTools?.length ? ctx.allowedTools.map((t) => `--allow-tool=${t}`) : ['--allow-all-tools']
    const argv = [
      'copilot',
      // The prompt goes in argv: prompt mode has no file or stdin form. It is bounded by
      // assemblePrompt (64 KiB default), under Linux's 128 KiB per-argument limit.
      '-p',
      ctx.prompt,
      '--output-format',
      'json',
      ...tools,
      '--deny-tool=shell(git push)',
      '--no-ask-user',
      ...(ctx.model ? ['--model', ctx.model] : []),
      ...ctx.args
    ]
    // Documented in `copilot help environment`: no self-update in the middle of a run.
    return { argv, env: { COPILOT_AUTO_UPDATE: 'false' } }
  },
  parseUsage(stdout) {
    // JSONL session events `{type, data, id, timestamp, parentId}`. Token counts: `session.shutdown`
    // `data.modelMetrics.<model>.usage` when present, else the sum of `assistant.message` `data.outputTokens`
    // (the terminal `result` event's `usage` has premium requests and durations only: github/copilot-cli#4107).
    const events = jsonLines(stdout)
    if (!events.some((e) => typeof e.type === 'string')) return undefined
    const usage: AgentUsage = { calls: 1, inputTokens: 0, outputTokens: 0 }
    const shutdown = events.findLast((e) => e.type === 'session.shutdown')
    const metrics = isObject(shutdown?.data) && isObject(shutdown.data.modelMetrics) ? shutdown.data.modelMetrics : undefined
    if (metrics) {
      for (const m of Object.values(metrics)) {
        const u = isObject(m) && isObject(m.usage) ? m.usage : {}
        usage.inputTokens += num(u.inputTokens)
        usage.outputTokens += num(u.outputTokens)
      }
    } else {
      for (const e of events) {
        if (e.type === 'assistant.message' && isObject(e.data)) usage.outputTokens += num(e.data.outputTokens)
      }
    }
    const result = events.findLast((e) => e.type === 'result')
    if (isObject(result?.usage) && typeof result.usage.sessionDurationMs === 'number') {
      usage.durationMs = result.usage.sessionDurationMs
    }
    return usage
  },
  classify(result) {
    return classifyResult(result, {
      failedDespiteZero: (out) => {
        const r = jsonLines(out).findLast((e) => e.type === 'result')
        return typeof r?.exitCode === 'number' && r.exitCode !== 0
      }
    })
  }
}

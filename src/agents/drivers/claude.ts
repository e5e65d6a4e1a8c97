/**
 * Anthropic Claude Code: `claude -p --output-format json`, prompt on stdin,
 * edits accepted without asking, tools limited to `allowed-tools` when given.
 * Docs: https://docs.claude.com/en/docs/claude-code/headless
 */
import { classifyResult } from '../classify.js'
import { isObject, lastJsonObject, num, unlessOverridden } from '../cli-output.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

/** The single `{"type":"result",...}` object `--output-format json` prints. */
function resultObject(stdout: string): Record<string, unknown> | undefined {
  const r = lastJsonObject(stdout)
  return r && r.type === 'result' ? r : undefined
}

export const claudeDriver: AgentDriver = {
  name: 'claude',
  install: 'npm i -g @anthropic-ai/claude-code',
  docs: 'https://docs.claude.com/en/docs/claude-code/headless',
  credentials: [['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN']],
  build(ctx) {
    const argv = [
      'claude',
      '-p',
      '--output-format',
      'json',
      ...unlessOverridden(ctx.args, ['--permission-mode', '--dangerously-skip-permissions'], [
        '--permission-mode',
        'acceptEdits'
      ]),
      ...(ctx.model ? ['--model', ctx.model] : []),
      // One token with `=`: the option is variadic and would swallow what follows.
      ...(ctx.allowedTools?.length ? [`--allowedTools=${ctx.allowedTools.join(',')}`] : []),
      ...ctx.args
    ]
    // Documented switch for autoupdater, telemetry, error reporting and bug command.
    return { argv, stdin: ctx.prompt, env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' } }
  },
  parseUsage(stdout) {
    const r = resultObject(stdout)
    if (!r) return undefined
    const usage: AgentUsage = { calls: 1, inputTokens: 0, outputTokens: 0 }
    // `modelUsage` covers subagents too (the CLI's schema says to prefer it); `usage` is the main loop only.
    const perModel = isObject(r.modelUsage) ? Object.values(r.modelUsage).filter(isObject) : []
    if (perModel.length) {
      for (const m of perModel) {
        usage.inputTokens += num(m.inputTokens) + num(m.cacheReadInputTokens) + num(m.cacheCreationInputTokens)
        usage.outputTokens += num(m.outputTokens)
      }
    } else if (isObject(r.usage)) {
      const u = r.usage
      usage.inputTokens = num(u.input_tokens) + num(u.cache_read_input_tokens) + num(u.cache_creation_input_tokens)
      usage.outputTokens = num(u.output_tokens)
    }
    if (typeof r.total_cost_usd === 'number') usage.costUsd = r.total_cost_usd
    if (typeof r.duration_ms === 'number') usage.durationMs = r.duration_ms
    return usage
  },
  classify(result) {
    const r = resultObject(result.output)
    if (r && typeof r.subtype === 'string' && /^error_max_(turns|budget_usd)/.test(r.subtype)) return 'turn-or-budget-cap'
    return classifyResult(result, { failedDespiteZero: () => r?.is_error === true })
  }
}

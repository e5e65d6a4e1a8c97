/**
 * Anthropic Claude Code: `claude -p --output-format json`, prompt on stdin,
 * edits accepted without asking, tools limited to `allowed-tools` when given.
 * Docs: https://docs.claude.com/en/docs/claude-code/headless
 */
import { classifyResult } from '../classify.js'
import { findJsonDocument, isObject, num, unlessOverridden } from '../cli-output.js'
import { AGENT_MAX_RETRIES, type AgentDriver, type AgentUsage } from '../driver.js'

/** The single `{"type":"result",...}` object `--output-format json` prints. */
function resultObject(stdout: string): Record<string, unknown> | undefined {
  return findJsonDocument(stdout, (d) => d.type === 'result')
}

export const claudeDriver: AgentDriver = {
  name: 'claude',
  install: 'npm i -g @anthropic-ai/claude-code',
  docs: 'https://docs.claude.com/en/docs/claude-code/headless',
  // ANTHROPIC_AUTH_TOKEN: a gateway's bearer token (sent as `Authorization: Bearer`).
  credentials: [['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN', 'ANTHROPIC_AUTH_TOKEN']],
  optionalEnv: ['ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_CUSTOM_HEADERS'],
  // `claude login` (`/login`): the OAuth tokens, and the account file the CLI checks at start.
  loginFiles: ['.claude/.credentials.json', '.claude.json'],
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
    // Documented switch for autoupdater, telemetry, error reporting and bug command. Retries of a 429/5xx are
    // bounded (the CLI's default retries for minutes) so a failing provider escalates in autopilot instead.
    return {
      argv,
      stdin: ctx.prompt,
      env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', CLAUDE_CODE_MAX_RETRIES: String(AGENT_MAX_RETRIES) }
    }
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

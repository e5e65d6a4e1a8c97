/**
 * GitHub Copilot CLI: `copilot -p <prompt> --output-format json
 * --allow-all-tools` (the CLI requires tool approval up front in prompt mode),
 * or only `allowed-tools` via `--allow-tool`; `git push` is always denied.
 * Docs: https://docs.github.com/copilot/how-tos/copilot-cli
 */
import { join } from 'node:path'
import { classifyResult } from '../classify.js'
import { isObject, jsonLines, num } from '../cli-output.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

/** Bring-your-own-key settings (`copilot help environment`), passed when the caller has them. */
const BYOK_ENV = [
  'COPILOT_PROVIDER_TYPE',
  'COPILOT_PROVIDER_API_KEY',
  'COPILOT_PROVIDER_BEARER_TOKEN',
  'COPILOT_PROVIDER_WIRE_API',
  'COPILOT_PROVIDER_MODEL_ID',
  'COPILOT_PROVIDER_WIRE_MODEL',
  'COPILOT_PROVIDER_HEADERS',
  'COPILOT_PROVIDER_AZURE_API_VERSION',
  'COPILOT_PROVIDER_MAX_PROMPT_TOKENS',
  'COPILOT_PROVIDER_MAX_OUTPUT_TOKENS',
  'COPILOT_MODEL'
]

/** Token counts of a session: `session.shutdown` `data.accountingSnapshot.modelMetrics.<model>.usage`. */
function sessionUsage(eventsJsonl: string): AgentUsage | undefined {
  const shutdown = jsonLines(eventsJsonl).findLast((e) => e.type === 'session.shutdown')
  const data = isObject(shutdown?.data) ? shutdown.data : undefined
  const snapshot = isObject(data?.accountingSnapshot) ? data.accountingSnapshot : undefined
  const metrics = isObject(snapshot?.modelMetrics) ? snapshot.modelMetrics : isObject(data?.modelMetrics) ? data.modelMetrics : undefined
  if (!metrics) return undefined
  const usage: AgentUsage = { calls: 1, inputTokens: 0, outputTokens: 0 }
  for (const m of Object.values(metrics)) {
    const u = isObject(m) && isObject(m.usage) ? m.usage : {}
    usage.inputTokens += num(u.inputTokens)
    usage.outputTokens += num(u.outputTokens)
  }
  return usage
}

export const copilotDriver: AgentDriver = {
  name: 'copilot',
  install: 'npm i -g @github/copilot',
  docs: 'https://docs.github.com/copilot/how-tos/copilot-cli',
  // Precedence per `copilot help environment`. The CLI also reads GITHUB_TOKEN, but that name is left
  // out on purpose: in Actions it is the workflow's token (no Copilot permission, and it must never
  // reach a step unasked). Use a PAT with the Copilot Requests permission in COPILOT_GITHUB_TOKEN.
  // COPILOT_PROVIDER_BASE_URL is bring-your-own-key mode: "GitHub authentication is not required".
  credentials: [['COPILOT_GITHUB_TOKEN', 'GH_TOKEN', 'COPILOT_PROVIDER_BASE_URL']],
  optionalEnv: BYOK_ENV,
  // The device login's token when no system keychain is available (plain-text fallback).
  loginFiles: ['.copilot/config.json'],
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
    // Documented in `copilot help environment`: no self-update in the middle of a run. With a BYOK
    // provider, offline mode skips GitHub authentication, telemetry and the GitHub MCP server (without
    // it the CLI spends ~40 s on GitHub endpoints it cannot use, and lingers after its result).
    const byok = ctx.passed?.includes('COPILOT_PROVIDER_BASE_URL') ?? false
    return { argv, env: { COPILOT_AUTO_UPDATE: 'false', ...(byok ? { COPILOT_OFFLINE: 'true' } : {}) } }
  },
  sessionFile(stdout, home) {
    // This version's `--output-format json` has no token counts (github/copilot-cli#4107); the session's
    // events.jsonl under ~/.copilot/session-state/<sessionId>/ has them in its `session.shutdown` event.
    const id = jsonLines(stdout).findLast((e) => e.type === 'result')?.sessionId
    return typeof id === 'string' && /^[\w-]+$/.test(id) ? join(home, '.copilot', 'session-state', id, 'events.jsonl') : undefined
  },
  parseUsage(stdout, sessionText) {
    const events = jsonLines(stdout)
    const usage = (sessionText !== undefined ? sessionUsage(sessionText) : undefined) ?? sessionUsage(stdout)
    if (!usage) return undefined
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

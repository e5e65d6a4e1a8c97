/**
 * Google Gemini CLI in headless mode: `gemini --output-format json
 * --approval-mode auto_edit --prompt <line>`, the task on stdin (the CLI
 * appends `--prompt` to stdin). Docs: https://geminicli.com/docs/cli/headless/
 */
import { classifyResult } from '../classify.js'
import { dirname, join } from 'node:path'
import { findJsonDocument, isObject, num, unlessOverridden } from '../cli-output.js'
import { AGENT_MAX_RETRIES, type AgentDriver, type AgentUsage } from '../driver.js'

/** Sent as `--prompt`: the real instructions come first, on stdin. */
export const GEMINI_PROMPT_LINE = 'Carry out the task described above.'

/** Exit code the headless docs give for "turn limit exceeded". */
const GEMINI_TURN_LIMIT_EXIT = 53
/** FATAL_AUTHENTICATION_ERROR: no or an invalid auth method (e.g. a gateway URL without an auth type). */
const GEMINI_AUTH_EXIT = 41

/** The headless JSON document: `{session_id?, response, stats}` or `{session_id?, error}`. */
const isGeminiDoc = (d: Record<string, unknown>): boolean => isObject(d.stats) || 'response' in d || isObject(d.error)

export const geminiDriver: AgentDriver = {
  name: 'gemini',
  install: 'npm i -g @google/gemini-cli',
  docs: 'https://geminicli.com/docs/cli/headless/',
  credentials: [['GEMINI_API_KEY', 'GOOGLE_API_KEY']],
  optionalEnv: ['GOOGLE_GEMINI_BASE_URL', 'GEMINI_MODEL'],
  // Gemini's "Login with Google": OAuth tokens, the account, and settings.json (its `selectedType`).
  loginFiles: ['.gemini/oauth_creds.json', '.gemini/google_accounts.json', '.gemini/settings.json'],
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
    const env: Record<string, string> = { GEMINI_CLI_TRUST_WORKSPACE: 'true' }
    if (!ctx.passed?.includes('GEMINI_API_KEY')) return { argv, stdin: ctx.prompt, env }
    // With an API key, gemini needs nothing from HOME: it gets a home of its own beside the prompt
    // (GEMINI_CLI_HOME) whose settings.json selects the API-key auth type and bounds its retries
    // (`general.maxAttempts`, default 10). Without the auth type, GOOGLE_GEMINI_BASE_URL selects a
    // "gateway" type that gemini 0.61's own check rejects with exit 41. (A system-defaults file would
    // not do: gemini skips one whose parent directory is writable by others, as /tmp is.)
    const home = join(dirname(ctx.promptFile), 'gemini-home')
    const settings = { general: { maxAttempts: AGENT_MAX_RETRIES + 1 }, security: { auth: { selectedType: 'gemini-api-key' } } }
    env.GEMINI_CLI_HOME = home
    return { argv, stdin: ctx.prompt, env, files: { [join(home, '.gemini', 'settings.json')]: JSON.stringify(settings, null, 2) + '\n' } }
  },
  parseUsage(stdout) {
    // `{session_id?, response, stats: {models: {<model>: {api: {totalLatencyMs..}, tokens: {prompt, candidates,
    // thoughts, cached..}}}, tools, files}, error?}`; `prompt` includes cached tokens, thoughts bill as output.
    const doc = findJsonDocument(stdout, isGeminiDoc)
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
      credentialExitCodes: [GEMINI_AUTH_EXIT],
      failedDespiteZero: (out) => isObject(findJsonDocument(out, isGeminiDoc)?.error)
    })
  }
}

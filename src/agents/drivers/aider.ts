/**
 * Aider (a Python program): `aider --message-file <prompt> --yes-always
 * --no-auto-commits`, plus the switches that keep it from touching the
 * repository on its own (no commits of dirty files, no .gitignore edit, its
 * history files next to the prompt file instead of in the worktree).
 * Options: https://aider.chat/docs/config/options.html
 */
import { dirname, join } from 'node:path'
import { classifyResult } from '../classify.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

/** `Tokens: 2.3k sent, 95 received. Cost: $0.0012 message, $0.0150 session.` */
const TOKENS_LINE = /Tokens:\s*([\d.,]+)([kKmM]?)\s*sent(?:,\s*([\d.,]+)([kKmM]?)\s*cache write)?(?:,\s*([\d.,]+)([kKmM]?)\s*cache hit)?,\s*([\d.,]+)([kKmM]?)\s*received\.(?:\s*Cost:\s*\$([\d.]+)\s*message)?/g

function count(n: string | undefined, suffix: string | undefined): number {
  if (!n) return 0
  const v = Number(n.replace(/,/g, ''))
  const mult = suffix?.toLowerCase() === 'k' ? 1e3 : suffix?.toLowerCase() === 'm' ? 1e6 : 1
  return Math.round(v * mult)
}

export const aiderDriver: AgentDriver = {
  name: 'aider',
  install: 'python -m pip install aider-install && aider-install',
  docs: 'https://aider.chat/docs/scripting.html',
  // Aider talks to many providers; any one key is enough (the model decides which).
  credentials: [['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GEMINI_API_KEY', 'DEEPSEEK_API_KEY', 'OPENROUTER_API_KEY']],
  optionalEnv: ['OPENAI_API_BASE', 'ANTHROPIC_BASE_URL'],
  // Aider has no login of its own: keys only.
  loginFiles: [],
  build(ctx) {
    const side = dirname(ctx.promptFile)
    const argv = [
      'aider',
      '--message-file',
      ctx.promptFile,
      '--yes-always',
      '--no-auto-commits',
      '--no-dirty-commits',
      '--no-gitignore',
      '--no-pretty',
      '--no-stream',
      '--no-check-update',
      '--no-show-release-notes',
      '--analytics-disable',
      '--chat-history-file',
      join(side, 'aider.chat.history.md'),
      '--input-history-file',
      join(side, 'aider.input.history'),
      ...(ctx.model ? ['--model', ctx.model] : []),
      ...ctx.args
    ]
    return { argv }
  },
  parseUsage(stdout) {
    // Aider prints one `Tokens: ...` line per LLM exchange; there is no JSON mode.
    let found = false
    const usage: AgentUsage = { calls: 1, inputTokens: 0, outputTokens: 0 }
    let cost = 0
    for (const m of stdout.matchAll(TOKENS_LINE)) {
      found = true
      // `sent` already includes cache writes (aider/coders/base_coder.py); cache hits are reported apart.
      usage.inputTokens += count(m[1], m[2]) + count(m[5], m[6])
      usage.outputTokens += count(m[7], m[8])
      if (m[9]) cost += Number(m[9])
    }
    if (!found) return undefined
    if (cost > 0) usage.costUsd = Math.round(cost * 1e6) / 1e6
    return usage
  },
  classify(result) {
    return classifyResult(result)
  }
}

/**
 * OpenAI Codex CLI: `codex exec --json --sandbox danger-full-access`, prompt
 * on stdin (`-`). Codex's own sandbox (bubblewrap/landlock/seccomp) cannot
 * nest inside autopilot's (its file writes fail: "Failed to write file"), and
 * autopilot's sandbox already confines the step to its worktree, so codex is
 * told not to add one. Docs: https://developers.openai.com/codex/noninteractive
 */
import { classifyResult } from '../classify.js'
import { isObject, jsonLines, num, unlessOverridden } from '../cli-output.js'
import type { AgentDriver, AgentUsage } from '../driver.js'

export const codexDriver: AgentDriver = {
  name: 'codex',
  install: 'npm i -g @openai/codex',
  docs: 'https://developers.openai.com/codex/noninteractive',
  // `codex exec` reads CODEX_API_KEY; OPENAI_API_KEY is the general key.
  credentials: [['OPENAI_API_KEY', 'CODEX_API_KEY']],
  // `codex login` keeps its tokens in auth.json; config.toml holds model providers (a gateway's base URL).
  loginFiles: ['.codex/auth.json', '.codex/config.toml'],
  build(ctx) {
    const argv = [
      'codex',
      'exec',
      '--json',
      ...unlessOverridden(ctx.args, ['--sandbox', '-s', '--dangerously-bypass-approvals-and-sandbox'], [
        '--sandbox',
        'danger-full-access'
      ]),
      '--cd',
      ctx.cwd,
      ...(ctx.model ? ['--model', ctx.model] : []),
      ...ctx.args,
      // `-`: read the instructions from stdin (no prompt in argv, no size limit).
      '-'
    ]
    return { argv, stdin: ctx.prompt }
  },
  parseUsage(stdout) {
    // Retries show as `{"type":"error","message":"Reconnecting... 2/5 ..."}` events; only turn.completed counts.
    // `turn.completed` carries `usage: {input_tokens, cached_input_tokens, output_tokens}`
    // (cached is part of input); one per turn, so they add up.
    let found = false
    const usage: AgentUsage = { calls: 1, inputTokens: 0, outputTokens: 0 }
    for (const ev of jsonLines(stdout)) {
      if (ev.type !== 'turn.completed' || !isObject(ev.usage)) continue
      found = true
      usage.inputTokens += num(ev.usage.input_tokens)
      usage.outputTokens += num(ev.usage.output_tokens)
    }
    return found ? usage : undefined
  },
  classify(result) {
    return classifyResult(result, {
      // A failed turn is reported as an event; exit code is non-zero then too, but be safe.
      failedDespiteZero: (out) => jsonLines(out).some((e) => e.type === 'turn.failed')
    })
  }
}

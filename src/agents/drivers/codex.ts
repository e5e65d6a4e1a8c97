/**
 * OpenAI Codex CLI: `codex exec --json --sandbox workspace-write`, prompt on
 * stdin (`-`). `--full-auto` is deprecated; the sandbox flag says the same
 * thing explicitly. Docs: https://developers.openai.com/codex/noninteractive
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
  build(ctx) {
    const argv = [
      'codex',
      'exec',
      '--json',
      ...unlessOverridden(ctx.args, ['--sandbox', '-s', '--dangerously-bypass-approvals-and-sandbox'], [
        '--sandbox',
        'workspace-write'
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

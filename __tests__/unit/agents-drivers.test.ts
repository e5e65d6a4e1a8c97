// Drivers: argument vectors, usage parsing on each CLI's documented output, failure classes.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { agentEnv, getDriver, missingCredentials } from '../../src/agents/index.js'
import { projectRoot } from '../support/local-repo.js'
import type { AgentContext } from '../../src/agents/driver.js'
import { GEMINI_PROMPT_LINE } from '../../src/agents/drivers/gemini.js'

const ctx = (over: Partial<AgentContext> = {}): AgentContext => ({
  prompt: 'Fix it; $(rm -rf /) `x` "quoted"',
  promptFile: '/run/autopilot/prompts/impl-1.md',
  cwd: '/work/wt/impl',
  args: [],
  ...over
})

describe('argument vectors', () => {
  it('codex: exec --json without its own sandbox (autopilot sandboxes it), prompt on stdin, never --full-auto', () => {
    const inv = getDriver('codex').build(ctx({ model: 'gpt-5-codex', args: ['-c', 'model_reasoning_effort="high"'] }))
    expect(inv.argv).toEqual([
      'codex', 'exec', '--json', '--sandbox', 'danger-full-access', '--cd', '/work/wt/impl',
      '--model', 'gpt-5-codex', '-c', 'model_reasoning_effort="high"', '-'
    ])
    expect(inv.argv).not.toContain('--full-auto')
    expect(inv.stdin).toBe(ctx().prompt)
  })

  it('codex: a sandbox in the plan args replaces the default instead of doubling it', () => {
    const argv = getDriver('codex').build(ctx({ args: ['--sandbox', 'read-only'] })).argv
    expect(argv.filter((a) => a === '--sandbox')).toHaveLength(1)
    expect(argv).toContain('read-only')
  })

  it('claude: -p with JSON output, edits accepted, allowed tools as one token', () => {
    const inv = getDriver('claude').build(ctx({ allowedTools: ['Edit', 'Bash(npm test)'], model: 'sonnet' }))
    expect(inv.argv).toEqual([
      'claude', '-p', '--output-format', 'json', '--permission-mode', 'acceptEdits', '--model', 'sonnet',
      '--allowedTools=Edit,Bash(npm test)'
    ])
    expect(inv.stdin).toBe(ctx().prompt)
    // Its own retries bounded, so a failing provider escalates in autopilot instead of minutes of silence.
    expect(inv.env).toEqual({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', CLAUDE_CODE_MAX_RETRIES: '2' })
  })

  it('gemini: JSON output, auto_edit, task on stdin and a fixed --prompt line', () => {
    const inv = getDriver('gemini').build(ctx({ args: ['--yolo'] }))
    expect(inv.argv).toEqual(['gemini', '--output-format', 'json', '--yolo', '--prompt', GEMINI_PROMPT_LINE])
    expect(inv.stdin).toBe(ctx().prompt)
    expect(inv.env?.GEMINI_CLI_TRUST_WORKSPACE).toBe('true')
  })

  it('gemini with an API key: a home of its own beside the prompt, whose settings select the key and bound retries', () => {
    const inv = getDriver('gemini').build(ctx({ passed: ['GEMINI_API_KEY', 'GOOGLE_GEMINI_BASE_URL'] }))
    expect(inv.env?.GEMINI_CLI_HOME).toBe('/run/autopilot/prompts/gemini-home')
    const settings = inv.files!['/run/autopilot/prompts/gemini-home/.gemini/settings.json']
    expect(JSON.parse(settings)).toEqual({ general: { maxAttempts: 3 }, security: { auth: { selectedType: 'gemini-api-key' } } })
    // Logged in with Google (no key): its own HOME and settings, untouched.
    const login = getDriver('gemini').build(ctx({ passed: [] }))
    expect(login.env?.GEMINI_CLI_HOME).toBeUndefined()
    expect(login.files).toBeUndefined()
  })

  it('copilot: bring-your-own-key needs no GitHub token and runs offline; with a GitHub token it does not', () => {
    const d = getDriver('copilot')
    expect(missingCredentials(d, { COPILOT_PROVIDER_BASE_URL: 'http://127.0.0.1:1/v1' })).toBeUndefined()
    expect(missingCredentials(d, {})).toContain('COPILOT_PROVIDER_BASE_URL')
    expect(agentEnv(d, { passEnv: [] }, { COPILOT_PROVIDER_BASE_URL: 'u', COPILOT_PROVIDER_API_KEY: 'k', COPILOT_MODEL: 'm', OTHER: 'x' })).toEqual({
      COPILOT_PROVIDER_BASE_URL: 'u', COPILOT_PROVIDER_API_KEY: 'k', COPILOT_MODEL: 'm'
    })
    expect(d.build(ctx({ passed: ['COPILOT_PROVIDER_BASE_URL'] })).env).toEqual({ COPILOT_AUTO_UPDATE: 'false', COPILOT_OFFLINE: 'true' })
    expect(d.build(ctx({ passed: ['GH_TOKEN'] })).env).toEqual({ COPILOT_AUTO_UPDATE: 'false' })
  })

  it('aider: message file, yes-always, no commits, history files beside the prompt file', () => {
    const inv = getDriver('aider').build(ctx({ model: 'sonnet' }))
    expect(inv.argv.slice(0, 5)).toEqual(['aider', '--message-file', '/run/autopilot/prompts/impl-1.md', '--yes-always', '--no-auto-commits'])
    expect(inv.argv).toContain('--no-dirty-commits')
    expect(inv.argv).toContain('--no-gitignore')
    expect(inv.argv[inv.argv.indexOf('--chat-history-file') + 1]).toBe('/run/autopilot/prompts/aider.chat.history.md')
    expect(inv.argv.slice(-2)).toEqual(['--model', 'sonnet'])
    expect(inv.stdin).toBeUndefined()
  })

  it('copilot: -p with JSON output, all tools but git push unless allowed-tools is set', () => {
    const all = getDriver('copilot').build(ctx())
    expect(all.argv.slice(0, 6)).toEqual(['copilot', '-p', ctx().prompt, '--output-format', 'json', '--allow-all-tools'])
    expect(all.argv).toContain('--deny-tool=shell(git push)')
    const some = getDriver('copilot').build(ctx({ allowedTools: ['write', 'shell(npm:*)'] })).argv
    expect(some).not.toContain('--allow-all-tools')
    expect(some).toContain('--allow-tool=shell(npm:*)')
  })

  it('command: the program as given, prompt on stdin and in AUTOPILOT_PROMPT_FILE', () => {
    const inv = getDriver('command').build(ctx({ command: ['./agent.sh', '--fast'], args: ['-v'], model: 'm1' }))
    expect(inv.argv).toEqual(['./agent.sh', '--fast', '-v'])
    expect(inv.env).toEqual({ AUTOPILOT_PROMPT_FILE: '/run/autopilot/prompts/impl-1.md', AUTOPILOT_MODEL: 'm1' })
    expect(() => getDriver('command').build(ctx())).toThrow(/needs `command/)
  })

  it('no driver but copilot puts the prompt in argv (no shell, no interpolation)', () => {
    for (const name of ['codex', 'claude', 'gemini', 'aider'] as const) {
      expect(getDriver(name).build(ctx()).argv.join(' ')).not.toContain('rm -rf')
    }
  })
})

describe('usage parsing on real output formats', () => {
  it('codex exec --json: sums turn.completed usage', () => {
    // Format: codex-rs/exec/src/exec_events.rs (TurnCompletedEvent.usage: input_tokens, cached_input_tokens,
    // output_tokens) and the sample in github.com/openai/codex/issues/5276.
    const out = [
      '{"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}',
      '{"type":"turn.started"}',
      '{"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"**Scanning**"}}',
      '{"type":"item.completed","item":{"id":"item_1","type":"agent_message","text":"Done."}}',
      '{"type":"turn.completed","usage":{"input_tokens":26549,"cached_input_tokens":22272,"output_tokens":1590}}'
    ].join('\n')
    expect(getDriver('codex').parseUsage(out)).toEqual({ calls: 1, inputTokens: 26549, outputTokens: 1590 })
    expect(getDriver('codex').parseUsage('{"type":"turn.started"}\n')).toBeUndefined()
  })

  it('claude -p --output-format json: modelUsage tokens incl. cache, total_cost_usd, duration_ms', () => {
    // Fields: docs.claude.com headless docs ("type, subtype, is_error, duration_ms, num_turns, session_id,
    // total_cost_usd, usage"); modelUsage keys from the result schema inside @anthropic-ai/claude-code 2.1.330.
    const out = JSON.stringify({
      type: 'result', subtype: 'success', is_error: false, duration_ms: 12034, duration_api_ms: 11800, num_turns: 4,
      result: 'Done', session_id: 'abc', total_cost_usd: 0.0421,
      usage: { input_tokens: 12, cache_creation_input_tokens: 3000, cache_read_input_tokens: 9000, output_tokens: 420 },
      modelUsage: {
        'claude-sonnet-4-5': { inputTokens: 12, outputTokens: 420, cacheReadInputTokens: 9000, cacheCreationInputTokens: 3000, costUSD: 0.04 },
        'claude-haiku-4-5': { inputTokens: 100, outputTokens: 10, cacheReadInputTokens: 0, cacheCreationInputTokens: 0, costUSD: 0.0021 }
      }
    })
    expect(getDriver('claude').parseUsage(out)).toEqual({ calls: 1, inputTokens: 12112, outputTokens: 430, costUsd: 0.0421, durationMs: 12034 })
    const noModel = JSON.stringify({ type: 'result', usage: { input_tokens: 5, output_tokens: 7 }, total_cost_usd: 0.001 })
    expect(getDriver('claude').parseUsage(noModel)).toEqual({ calls: 1, inputTokens: 5, outputTokens: 7, costUsd: 0.001 })
  })

  it('gemini --output-format json: stats.models tokens and latency', () => {
    // Shape: JsonFormatter and createInitialModelMetrics in @google/gemini-cli 0.61.0's bundle; example in
    // geminicli.com/docs/cli/headless and the gemini-json-parsing skill sample (tokens.prompt/candidates/...).
    const out = JSON.stringify(
      {
        session_id: 's1',
        response: 'The main AI-generated content',
        stats: {
          models: {
            'gemini-2.5-pro': {
              api: { totalRequests: 2, totalErrors: 0, totalLatencyMs: 5053 },
              tokens: { prompt: 24939, candidates: 20, total: 25113, cached: 21263, thoughts: 154, tool: 0 }
            }
          },
          tools: { totalCalls: 1 },
          files: { totalLinesAdded: 0, totalLinesRemoved: 0 }
        }
      },
      null,
      2
    )
    expect(getDriver('gemini').parseUsage(out)).toEqual({ calls: 1, inputTokens: 24939, outputTokens: 174, durationMs: 5053 })
    expect(getDriver('gemini').parseUsage('{"error":{"type":"Error","message":"x"}}')).toBeUndefined()
  })

  it('gemini: finds its own document among warnings, a retried request\'s error JSON and trailing text', () => {
    const doc = JSON.stringify({ session_id: 's', response: 'ok', stats: { models: { m: { api: { totalLatencyMs: 9 }, tokens: { prompt: 300, candidates: 15, thoughts: 0 } } } } }, null, 2)
    const retried = '{"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}'
    const out = `Warning: 256-color support not detected. {not json}\nAttempt 1 failed with status 429. Retrying with backoff...\n${retried}\n${doc}\nRipgrep is not available.\n`
    expect(getDriver('gemini').parseUsage(out)).toEqual({ calls: 1, inputTokens: 300, outputTokens: 15, durationMs: 9 })
  })

  it('aider: sums its "Tokens: ... sent, ... received. Cost: ..." lines', () => {
    // Format: tokens_report/cost_report in aider/coders/base_coder.py (Aider-AI/aider).
    const out = [
      'Aider v0.86.1',
      'Tokens: 2.3k sent, 95 received. Cost: $0.0081 message, $0.0081 session.',
      'Applied edit to src/a.ts',
      'Tokens: 12k sent, 1.1k cache write, 8.0k cache hit, 1.2k received. Cost: $0.02 message, $0.0281 session.'
    ].join('\n')
    expect(getDriver('aider').parseUsage(out)).toEqual({ calls: 1, inputTokens: 2300 + 12000 + 8000, outputTokens: 95 + 1200, costUsd: 0.0281 })
    expect(getDriver('aider').parseUsage('nothing here')).toBeUndefined()
  })

  it('copilot 1.0.102: tokens from the session events file named by the result event, duration from the result', () => {
    const dir = path.join(projectRoot, '__tests__/fixtures/agents/copilot-1.0.102')
    const stdout = readFileSync(path.join(dir, 'stdout.jsonl'), 'utf8')
    const events = readFileSync(path.join(dir, 'events.jsonl'), 'utf8')
    const d = getDriver('copilot')
    expect(d.sessionFile!(stdout, '/home/u')).toBe('/home/u/.copilot/session-state/c5fdd2e4-666c-423d-a7bb-da459966cd76/events.jsonl')
    expect(d.sessionFile!('{"type":"result","sessionId":"../../etc"}', '/home/u')).toBeUndefined()
    expect(d.parseUsage(stdout, events)).toEqual({ calls: 1, inputTokens: 300, outputTokens: 15, durationMs: expect.any(Number) })
    // Its stdout alone has no token counts: unknown, not 0.
    expect(d.parseUsage(stdout)).toBeUndefined()
  })

  it('copilot --output-format json: a session.shutdown event in the output is read too', () => {
    // Event envelope {type,data,id,timestamp,parentId} and assistant.message data.outputTokens: harbor-framework/harbor#1985;
    // result.usage {premiumRequests,totalApiDurationMs,sessionDurationMs,codeChanges}: github/copilot-cli#4107.
    const out = [
      '{"type":"assistant.message","data":{"messageId":"m1","content":"Editing","toolRequests":[],"outputTokens":120},"id":"e1","timestamp":"2026-01-01T00:00:00Z","parentId":null}',
      '{"type":"tool.execution_complete","data":{"toolCallId":"t1","success":true},"id":"e2","timestamp":"2026-01-01T00:00:01Z","parentId":"e1"}',
      '{"type":"assistant.message","data":{"messageId":"m2","content":"Done","toolRequests":[],"outputTokens":30},"id":"e3","timestamp":"2026-01-01T00:00:02Z","parentId":"e2"}',
      '{"type":"result","timestamp":"2026-01-01T00:00:03Z","sessionId":"s","exitCode":0,"usage":{"premiumRequests":1,"totalApiDurationMs":2500,"sessionDurationMs":3100,"codeChanges":{"linesAdded":3,"linesRemoved":0,"filesModified":["a.ts"]}}}'
    ].join('\n')
    expect(getDriver('copilot').parseUsage(out)).toBeUndefined()
    const shutdown = '{"type":"session.shutdown","data":{"modelMetrics":{"gpt-5":{"usage":{"inputTokens":9000,"outputTokens":700}}}},"id":"e9","timestamp":"t","parentId":null}'
    expect(getDriver('copilot').parseUsage(`${out}\n${shutdown}`)).toMatchObject({ inputTokens: 9000, outputTokens: 700 })
  })

  it('command: counts the call, reads an autopilot_usage line when printed', () => {
    expect(getDriver('command').parseUsage('hello')).toBeUndefined()
    expect(getDriver('command').parseUsage('x\n{"autopilot_usage":{"input_tokens":10,"output_tokens":5,"cost_usd":0.5}}\n')).toEqual({
      calls: 1, inputTokens: 10, outputTokens: 5, costUsd: 0.5
    })
  })
})

describe('failure classification', () => {
  const cases: [Parameters<typeof getDriver>[0], number | null, string, string][] = [
    ['codex', 0, '{"type":"turn.completed","usage":{}}', 'ok'],
    ['codex', 127, 'bash: codex: command not found', 'not-installed'],
    ['codex', null, 'spawn codex ENOENT', 'not-installed'],
    ['codex', 1, '{"type":"turn.failed","error":{"message":"exceeded retry limit, last status: 429 Too Many Requests"}}', 'rate-limit'],
    ['codex', 1, 'Error: Not logged in. Set OPENAI_API_KEY or run `codex login`.', 'missing-credentials'],
    ['codex', 1, 'thread panicked', 'non-zero-exit'],
    ['claude', 1, '{"type":"result","subtype":"error_max_turns","is_error":true}', 'turn-or-budget-cap'],
    ['claude', 0, '{"type":"result","subtype":"error_max_budget_usd","is_error":true}', 'turn-or-budget-cap'],
    ['claude', 1, '{"type":"result","subtype":"success","is_error":true,"result":"Invalid API key · Please run /login"}', 'missing-credentials'],
    ['claude', 0, '{"type":"result","subtype":"error_during_execution","is_error":true,"result":"boom"}', 'non-zero-exit'],
    ['gemini', 53, '{"error":{"type":"FatalTurnLimitedError"}}', 'turn-or-budget-cap'],
    ['gemini', 41, 'When using Gemini API, you must specify the GEMINI_API_KEY environment variable.', 'missing-credentials'],
    // What gemini 0.61 prints when GOOGLE_GEMINI_BASE_URL is set without an auth type: only the exit code tells.
    ['gemini', 41, '{"session_id":"s","error":{"type":"Error","message":"Invalid auth method selected.","code":41}}', 'missing-credentials'],
    ['gemini', 1, '{"error":{"message":"Quota exceeded (RESOURCE_EXHAUSTED)"}}', 'rate-limit'],
    ['aider', 1, 'No LLM model was specified and no API keys were provided.', 'missing-credentials'],
    ['copilot', 0, '{"type":"result","exitCode":1,"usage":{}}', 'non-zero-exit'],
    ['copilot', 1, 'Error: No authentication information found.', 'missing-credentials']
  ]
  it.each(cases)('%s exit %s: %s -> %s', (name, exitCode, output, want) => {
    expect(getDriver(name).classify({ exitCode, output })).toBe(want)
  })

  it('reads only the tail: a model talking about rate limits early in a long log does not count', () => {
    const output = `I will add rate limit handling (429).\n${'x'.repeat(20_000)}\nSegmentation fault`
    expect(getDriver('codex').classify({ exitCode: 139, output })).toBe('non-zero-exit')
  })

  it('every driver names how to install it', () => {
    for (const n of ['codex', 'claude', 'gemini', 'copilot'] as const) expect(getDriver(n).install).toMatch(/^npm i -g @/)
  })
})

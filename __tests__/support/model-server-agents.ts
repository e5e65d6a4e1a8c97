// Shared by the real-CLI tests (__tests__/integration/agents-real*.test.ts): which pinned CLIs are
// installed, fake keys, a repository whose runs point every CLI at the scripted model server, and the
// tool call each CLI edits a file with.
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeRepo, projectRoot, type LocalRepo } from './local-repo.js'
import { startModelServer, type ModelServer, type RecordedRequest, type Reply, type Script } from './model-server.js'
export const BIN = path.join(projectRoot, '.cache/agent-clis/node_modules/.bin')
export const INSTALL = 'scripts/install-agent-clis.sh'
export const REQUIRED = process.env.AUTOPILOT_REQUIRE_AGENT_CLIS === '1'
export const installed = (cli: string) => existsSync(path.join(BIN, cli))
/** `it`, or a skip that says how to install the CLI (a failure in CI, where they must run). */
export function cliTest(cli: string) {
  if (installed(cli) || REQUIRED) return it
  return (name: string, fn: () => Promise<void>, timeout?: number) => it.skip(`${name} [${cli} not installed: run ${INSTALL}]`, fn, timeout)
}

/** Fake, runtime-built keys: each CLI must send its own and nobody else's. */
export const KEYS = {
  OPENAI_API_KEY: `sk-fake-openai-${process.pid}`,
  ANTHROPIC_API_KEY: `sk-ant-fake-${process.pid}`,
  GEMINI_API_KEY: `fake-gemini-${process.pid}`,
  COPILOT_PROVIDER_API_KEY: `sk-fake-copilot-${process.pid}`
}
export const INTENT = `Greet the world in hello.md (intent marker ${process.pid}).`

let repo: LocalRepo | undefined
let server: ModelServer | undefined
/** Call once per test file: closes the server and removes the repository after each test. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    await server?.close()
    repo?.cleanup()
    repo = server = undefined
  })
}

/** A repository whose runs see the CLIs, every key, and every CLI pointed at the model server; a fresh HOME. */
export async function setUp(script: Script): Promise<{ r: LocalRepo; s: ModelServer }> {
  const s = (server = await startModelServer(script))
  const r = (repo = makeRepo())
  const home = path.join(r.root, 'home')
  mkdirSync(home)
  Object.assign(r.env, KEYS, gatewayEnv(s.url), { PATH: `${BIN}:${r.env.PATH}`, HOME: home })
  return { r, s }
}

/** How claude, gemini and copilot reach a gateway at `url` (docs/agents.md says the same). */
export function gatewayEnv(url: string): Record<string, string> {
  return { ANTHROPIC_BASE_URL: url, GOOGLE_GEMINI_BASE_URL: url, COPILOT_PROVIDER_BASE_URL: `${url}/v1`, COPILOT_MODEL: 'gpt-4.1' }
}

/** codex reaches a gateway through a model provider in its config (it ignores OPENAI_BASE_URL), retries bounded. */
export const codexProvider = (url: string) => [
  '-c',
  'model_provider=gateway',
  '-c',
  `model_providers.gateway={name="gateway",base_url="${url}/v1",env_key="OPENAI_API_KEY",wire_api="responses",request_max_retries=0,stream_max_retries=0}`
]

/** The tool call each CLI edits a file with, as its model would send it. */
export const WRITE: Record<string, (file: string, text: string) => Reply> = {
  // codex 0.169 exposes one freeform `exec` tool (JavaScript) whose `tools.apply_patch` edits files.
  codex: (f, t) => ({ tool: 'exec', args: { input: `await tools.apply_patch(${JSON.stringify(`*** Begin Patch\n*** Add File: ${f}\n+${t}\n*** End Patch\n`)})` } }),
  claude: (f, t) => ({ tool: 'Write', args: { file_path: f, content: `${t}\n` } }),
  gemini: (f, t) => ({ tool: 'write_file', args: { file_path: f, content: `${t}\n` } }),
  copilot: (f, t) => ({ tool: 'bash', args: { command: `printf '%s\\n' '${t}' > ${f}`, description: `write ${f}` } })
}

/** Two agent turns: the edit (100 in, 10 out), then a final message (200 in, 5 out): 300 + 15 in all. */
export function editThenDone(agent: string, text: string): Reply[] {
  return [{ ...WRITE[agent](`hello.md`, text), usage: { input: 100, output: 10 } }, { text: 'Done.', usage: { input: 200, output: 5 } }]
}

export const byTurn = (turns: Reply[]): Script => (req, n) => (req.tools.length ? turns[Math.min(n, turns.length - 1)] : { text: 'ok' })

export function plan(issue: number, agent: string, extra: Record<string, unknown> = {}) {
  return {
    issue,
    intent: INTENT,
    agents: { codex: { args: codexProvider(server!.url) } },
    tasks: [{ id: 'hello', paths: ['hello.md'], steps: [{ agent, prompt: 'Write hello.md with a greeting.', 'timeout-minutes': 2, ...extra }] }]
  }
}

export const KEY_OF: Record<string, string> = {
  codex: KEYS.OPENAI_API_KEY,
  claude: KEYS.ANTHROPIC_API_KEY,
  gemini: KEYS.GEMINI_API_KEY,
  copilot: KEYS.COPILOT_PROVIDER_API_KEY
}

/** Every request carried this agent's key and no other key anywhere (headers or body). */
export function onlyOwnKey(requests: RecordedRequest[], agent: string): void {
  expect(requests.length).toBeGreaterThan(0)
  const own = KEY_OF[agent]
  for (const req of requests) {
    const sent = Object.values(req.auth).join(' ')
    expect(sent, `${req.path} auth`).toContain(own)
    for (const other of Object.values(KEYS).filter(k => k !== own)) expect(sent + req.raw).not.toContain(other)
  }
}


/** Per CLI test: the longest a real CLI's run may take (cold start under load included). */
export const REAL_CLI_TIMEOUT = 90_000

/**
 * One test per agent: through `autopilot run`, its change lands, usage is exact (300 in, 15 out over two
 * turns), the first agent turn carries the plan's intent, and every request carried only its own key.
 */
export function landsTheChange(agents: readonly string[]): void {
  describe.each(agents)('real %s CLI through autopilot run', agent => {
    cliTest(agent)(
      'lands the change, counts usage exactly, carries the intent, and sends only its own key',
      async () => {
        const { r, s } = await setUp(byTurn(editThenDone(agent, `hello from ${agent}`)))
        r.writePlan(plan(81, agent))
        const res = await r.run(['run', '81', '--jobs', '1'])
        expect(res.code, res.out + res.err).toBe(0)
        expect(r.git(['show', 'autopilot/issue-81:hello.md'])).toBe(`hello from ${agent}\n`)
        expect(r.manifest()!.tasks.hello.usage).toMatchObject({ calls: 1, inputTokens: 300, outputTokens: 15 })
        expect(r.manifest()!.tasks.hello.usage?.unknownCalls).toBeUndefined()
        const turns = s.requests.filter(q => q.tools.length > 0)
        expect(turns).toHaveLength(2)
        expect(turns[0].raw).toContain(INTENT)
        onlyOwnKey(s.requests, agent)
      },
      REAL_CLI_TIMEOUT
    )
  })
}

/**
 * One test per agent: a provider that answers every request with 429 makes the task fail with the
 * rate-limit reason, after at most `maxTurns[agent]` agent-loop requests (the CLI's own retries, bounded
 * by the driver or the plan's provider settings), within a minute of the first request (the CLI's cold
 * start, slow on a loaded machine, is left out: what is bounded is the wait on the provider).
 */
export function rateLimited(agents: readonly string[], maxTurns: Record<string, number>): void {
  describe.each(agents)('real %s CLI: provider failures', agent => {
    cliTest(agent)(
      'a 429 from the provider is a rate-limit, reported in the task reason, within the bounded retries',
      async () => {
        const { r, s } = await setUp(() => ({ status: 429 }))
        r.writePlan(plan(82, agent))
        const res = await r.run(['run', '82'])
        const ended = Date.now()
        expect(res.code, res.out + res.err).toBe(1)
        expect(r.manifest()!.tasks.hello.reason).toContain(`${agent} hit a rate limit or quota`)
        const turns = s.requests.filter(q => q.tools.length > 0)
        expect(turns.length).toBeGreaterThan(0)
        expect(turns.length, `${agent} sent ${turns.length} requests`).toBeLessThanOrEqual(maxTurns[agent])
        expect(ended - turns[0].at).toBeLessThan(60_000)
      },
      REAL_CLI_TIMEOUT
    )
  })
}

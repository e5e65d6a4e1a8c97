// A scripted model provider on 127.0.0.1 for the real agent CLIs: it speaks the wire formats they
// use (OpenAI Responses and Chat Completions, Anthropic Messages, Gemini generateContent and
// streamGenerateContent), streaming or not, and answers each request with the next reply a test
// scripted (a tool call that edits a file, a final message with usage, a 429/500, a slow answer).
// Every request is recorded (API, path, credential headers, body) for the test to check.
// Bounded: loopback only, a cap on requests, and every delay is capped.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { modelApi, writeReply, type ModelApi } from './model-server-wire.js'

export type { ModelApi }

/** Tokens a reply reports; the server sends them in each API's own usage fields. */
export interface ReplyUsage {
  input: number
  output: number
}

/** What the model "says" to one request. */
export type Reply =
  | { text: string; usage?: ReplyUsage; delayMs?: number }
  | { tool: string; args: Record<string, unknown>; usage?: ReplyUsage; delayMs?: number }
  | { status: 429 | 500 | 401 | 503; message?: string; delayMs?: number }

export interface RecordedRequest {
  api: ModelApi
  method: string
  path: string
  /** Credential-carrying headers as received (authorization, x-api-key, x-goog-api-key). */
  auth: Record<string, string>
  body: unknown
  /** The raw body: tests look for the intent and for leaked secrets in it. */
  raw: string
  /** Tool names the request declared (empty when it declared none). */
  tools: string[]
  /** The reply it got. */
  reply: Reply
  /** When it arrived (Date.now()). */
  at: number
}

/**
 * Decides the reply to a request. `n` counts the requests that carried tools (the agent loop's
 * turns); side requests without tools (titles, token counts, quota probes) get `side`.
 */
export type Script = (req: Omit<RecordedRequest, 'reply' | 'at'>, n: number) => Reply

export interface ModelServer {
  /** http://127.0.0.1:<port> */
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/** Longest delay a scripted reply may ask for. */
const MAX_DELAY_MS = 20_000
/** After this many requests every answer is a 500: a CLI stuck in a loop cannot spin forever. */
const MAX_REQUESTS = 200

/** A script from a list: the i-th agent turn gets `turns[i]`, later turns get the last one. */
export function scripted(turns: Reply[], side: Reply = { text: 'ok', usage: { input: 0, output: 0 } }): Script {
  return (req, n) => (req.tools.length === 0 ? side : turns[Math.min(n, turns.length - 1)])
}

export async function startModelServer(script: Script): Promise<ModelServer> {
  const requests: RecordedRequest[] = []
  let turns = 0
  const timers = new Set<NodeJS.Timeout>()
  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: String(e) } }))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    const path = req.url ?? '/'
    const api = modelApi(req.method ?? 'GET', path)
    if (!api) {
      // Model lists, telemetry, update checks: nothing to say.
      res.writeHead(path.endsWith('/models') ? 200 : 404, { 'content-type': 'application/json' })
      res.end(path.endsWith('/models') ? JSON.stringify({ object: 'list', data: [] }) : '{}')
      return
    }
    let body: unknown
    try {
      body = raw ? JSON.parse(raw) : {}
    } catch {
      body = {}
    }
    const base = { api, method: req.method ?? 'POST', path, auth: authHeaders(req), body, raw, tools: toolNames(api, body) }
    let reply: Reply
    if (api === 'anthropic-count-tokens' || api === 'gemini-count-tokens') reply = { text: '', usage: { input: 10, output: 0 } }
    else if (requests.length >= MAX_REQUESTS) reply = { status: 500, message: 'model server: request cap reached' }
    else if (jsonSchemaOf(body)) reply = { text: JSON.stringify(sampleOf(jsonSchemaOf(body))), usage: { input: 0, output: 0 } }
    else reply = script(base, base.tools.length ? turns++ : turns)
    requests.push({ ...base, reply, at: Date.now() })
    const delay = Math.min(reply.delayMs ?? 0, MAX_DELAY_MS)
    if (delay > 0) {
      await new Promise<void>(resolve => {
        const t = setTimeout(() => {
          timers.delete(t)
          resolve()
        }, delay)
        timers.add(t)
        res.on('close', () => {
          clearTimeout(t)
          timers.delete(t)
          resolve()
        })
      })
      if (res.destroyed) return
    }
    writeReply(res, api, body, path, reply)
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const t of timers) clearTimeout(t)
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function authHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const h of ['authorization', 'x-api-key', 'x-goog-api-key', 'api-key']) {
    const v = req.headers[h]
    if (typeof v === 'string') out[h] = v
  }
  const key = new URL(req.url ?? '/', 'http://x').searchParams.get('key')
  if (key) out['?key'] = key
  return out
}

/** Names of the tools a request declares, whatever the API's shape (codex sends them as an `additional_tools` input item). */
function toolNames(api: ModelApi, body: unknown): string[] {
  const b = (body ?? {}) as { tools?: unknown[]; input?: unknown[] }
  const lists: unknown[][] = [Array.isArray(b.tools) ? b.tools : []]
  if (Array.isArray(b.input)) for (const i of b.input as { type?: string; tools?: unknown[] }[]) if (i?.type === 'additional_tools' && Array.isArray(i.tools)) lists.push(i.tools)
  const names: string[] = []
  const walk = (tools: unknown[]) => {
    for (const t of tools as Record<string, any>[]) {
      if (api.startsWith('gemini')) for (const f of t.functionDeclarations ?? []) names.push(f.name)
      else if (t.type === 'namespace' && Array.isArray(t.tools)) walk(t.tools)
      else names.push(t.name ?? t.function?.name ?? t.type)
    }
  }
  lists.forEach(walk)
  return names.filter(n => typeof n === 'string')
}

/** The JSON schema a side request wants its answer in (gemini's model router and next-speaker check). */
function jsonSchemaOf(body: unknown): unknown {
  const g = (body as { generationConfig?: { responseJsonSchema?: unknown; responseSchema?: unknown } })?.generationConfig
  return g?.responseJsonSchema ?? g?.responseSchema
}

/** The smallest value that fits a JSON schema: first enum value, 1, "ok", required properties. */
function sampleOf(schema: unknown): unknown {
  const s = (schema ?? {}) as { type?: string; enum?: unknown[]; properties?: Record<string, unknown>; required?: string[] }
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0]
  switch (String(s.type ?? 'object').toLowerCase()) {
    case 'string':
      return 'ok'
    case 'integer':
    case 'number':
      return 1
    case 'boolean':
      return false
    case 'array':
      return []
    default: {
      const out: Record<string, unknown> = {}
      for (const k of s.required ?? Object.keys(s.properties ?? {})) out[k] = sampleOf(s.properties?.[k])
      return out
    }
  }
}

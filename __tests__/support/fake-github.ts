// A fake GitHub REST API on loopback: every request is routed and validated against
// GitHub's own OpenAPI description (the extract in github-api.json), state lives in handlers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { OpenAPIBackend, type Context, type Document } from 'openapi-backend'
import { Bodies, type CollaboratorRole, type FakeState } from './fake-github-state.js'
import { ghError, operationHandlers, type Reply } from './fake-github-handlers.js'

export type { FakeState, FakePull, FakeComment } from './fake-github-state.js'

/** A scripted failure: answer the next `times` calls of `operationId` with it. */
export interface FakeFailure {
  operationId: string
  kind: 502 | 'secondary-rate-limit' | 'rate-limit'
  times?: number
}

export interface FakeGitHubOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Login behind the token (default `github-actions[bot]`). */
  login?: string
  /** Answer pull-request creation with GitHub's 403 for a workflow token that may not create PRs. */
  forbidPullRequestCreation?: boolean
  failures?: FakeFailure[]
  /** Collaborators' roles by login (others read only). */
  collaborators?: Record<string, CollaboratorRole>
  /** First number given to a new pull request (default 1000, clear of the issue numbers tests use). */
  firstNumber?: number
}

/** One request the fake saw. */
export interface SeenRequest {
  method: string
  path: string
  operationId?: string
  status: number
  /** Matched a known operation and passed its validation. */
  valid: boolean
  errors?: unknown
}

export interface FakeGitHub {
  /** REST root to give Octokit as `baseUrl` (or `GITHUB_API_URL`). */
  url: string
  state: FakeState
  requests: SeenRequest[]
  /** Requests that did not match the real API (unknown route or failed validation). */
  invalidRequests(): SeenRequest[]
  /** Script a failure for the next call(s) of an operation. */
  failNext(failure: FakeFailure): void
  close(): Promise<void>
}

/** What a handler learns about the request, for `requests`. */
type Seen = Pick<SeenRequest, 'operationId' | 'valid' | 'errors'>


const definition = JSON.parse(readFileSync(new URL('./github-api.json', import.meta.url), 'utf8')) as Document

/** Starts the fake on a random loopback port. */
export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state: FakeState = {
    owner: opts.owner ?? 'octo-org',
    repo: opts.repo ?? 'octo-repo',
    defaultBranch: opts.defaultBranch ?? 'main',
    pulls: [],
    comments: [],
    issues: new Map(),
    labels: new Map(),
    refs: new Map(),
    login: opts.login ?? 'github-actions[bot]',
    collaborators: new Map(Object.entries(opts.collaborators ?? {})),
    nextNumber: opts.firstNumber ?? 1000,
    nextId: 1
  }
  const failures = [...(opts.failures ?? [])].map((f) => ({ ...f, times: f.times ?? 1 }))
  const requests: SeenRequest[] = []
  const api = new OpenAPIBackend({
    definition,
    strict: false,
    validate: true,
    // Compile each operation's validator on first use, not all at start (~1 s saved per fake).
    quick: true,
    // Path and query parameters arrive as strings; the schemas say integer.
    coerceTypes: true,
    // GitHub uses formats ajv does not know (`repo.nwo`); types and required fields are what matter here.
    ajvOpts: { validateFormats: false }
  })

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: String(e) } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const handlers = operationHandlers({
    state,
    bodies: new Bodies(state, origin),
    origin,
    firstNumber: opts.firstNumber ?? 1000,
    forbidPullRequestCreation: opts.forbidPullRequestCreation ?? false
  })
  for (const [operationId, handler] of Object.entries(handlers)) {
    api.register(operationId, (c: Context, seen: Seen): Reply => {
      seen.operationId = operationId
      const { owner, repo } = c.request.params as Record<string, string>
      // One repository exists; GitHub answers 404 for repositories the token cannot see.
      if (owner !== state.owner || repo !== state.repo) return ghError(404, 'Not Found')
      const i = failures.findIndex((f) => f.operationId === operationId && f.times > 0)
      if (i >= 0) {
        const f = failures[i]
        if (--f.times === 0) failures.splice(i, 1)
        return failure(f.kind)
      }
      return handler(c)
    })
  }
  api.register('validationFail', (c: Context, seen: Seen): Reply => {
    const errors = c.validation.errors ?? []
    Object.assign(seen, { operationId: c.operation?.operationId, valid: false, errors })
    const detail = errors.map((e) => `For '${e.instancePath || '/'}', ${e.message ?? 'invalid'}.`).join('\n')
    return ghError(422, `Invalid request.\n\n${detail}`)
  })
  const unknown = (_c: Context, seen: Seen): Reply => {
    Object.assign(seen, { valid: false, errors: 'unknown route' })
    return ghError(404, 'Not Found')
  }
  api.register('notFound', unknown)
  api.register('notImplemented', unknown)
  await api.init()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const method = req.method ?? 'GET'
    const path = req.url ?? '/'
    let parsed: unknown
    try {
      parsed = raw ? JSON.parse(raw) : undefined
    } catch {
      requests.push({ method, path, status: 400, valid: false, errors: 'body is not JSON' })
      return send(res, ghError(400, 'Problems parsing JSON'))
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((e): e is [string, string | string[]] => e[1] !== undefined)
    )
    const seen: Seen = { valid: true }
    const reply = (await api.handleRequest({ method, path, headers, body: parsed }, seen)) as Reply
    requests.push({ method, path, ...seen, status: reply.status })
    send(res, reply)
  }

  return {
    url: origin,
    state,
    requests,
    invalidRequests: () => requests.filter((r) => !r.valid),
    failNext: (f) => failures.push({ ...f, times: f.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      })
  }
}

/** GitHub's answers for a scripted failure. */
function failure(kind: FakeFailure['kind']): Reply {
  if (kind === 502) return ghError(502, 'Server Error')
  if (kind === 'secondary-rate-limit') {
    const message =
      'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. ' +
      'Please retry your request again later.'
    return { ...ghError(403, message), headers: { 'retry-after': '1' } }
  }
  return {
    ...ghError(403, 'API rate limit exceeded for installation ID 1.'),
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000)) }
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body)
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10)}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    ...reply.headers
  }
  res.writeHead(reply.status, headers)
  res.end(text)
}

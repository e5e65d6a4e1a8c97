// The fake GitHub's operation handlers: GitHub's behaviour for each REST operation autopilot uses.
import type { Context } from 'openapi-backend'
import type { Bodies, FakeState } from './fake-github-state.js'

/** What a handler answers. */
export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Ctx = Context

const DOCS = 'https://docs.github.com/rest'

/** An error body as GitHub sends it. */
export function ghError(status: number, message: string, extra: object = {}): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status), ...extra } }
}

/** What the handlers need from the running fake. */
export interface HandlerEnv {
  state: FakeState
  bodies: Bodies
  /** Origin of the fake, for Link and Location headers. */
  origin: string
  /** Numbers below this are issues that exist; pull requests are numbered from it. */
  firstNumber: number
  forbidPullRequestCreation: boolean
}

/** Handlers by GitHub operationId; requests reach them already validated. */
export function operationHandlers(env: HandlerEnv): Record<string, (c: Ctx) => Reply> {
  const { state, bodies } = env
  const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  const num = (c: Ctx, name: string) => Number(c.request.params[name])
  const body = (c: Ctx) => (c.request.requestBody ?? {}) as Record<string, unknown>
  const query = (c: Ctx, name: string) => c.request.query[name] as string | undefined
  const pull = (n: number) => state.pulls.find((p) => p.number === n)
  const isIssue = (n: number) => n > 0 && (n < env.firstNumber || pull(n) !== undefined)

  const tooLong = () =>
    ghError(422, 'Validation Failed', {
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }]
    })

  /** One page of `items` with GitHub's Link header. */
  function page<T>(c: Ctx, items: T[]): Reply {
    const perPage = Math.min(Number(query(c, 'per_page') ?? 30), 100)
    const n = Math.max(Number(query(c, 'page') ?? 1), 1)
    const last = Math.max(Math.ceil(items.length / perPage), 1)
    const link = (p: number, rel: string) => {
      // Keep the request's other parameters (filters) in every link, as GitHub does.
      const q = new URLSearchParams(c.request.query as Record<string, string>)
      q.set('per_page', String(perPage))
      q.set('page', String(p))
      return `<${env.origin}${c.request.path}?${q}>; rel="${rel}"`
    }
    const links = [
      ...(n < last ? [link(n + 1, 'next'), link(last, 'last')] : []),
      ...(n > 1 ? [link(1, 'first'), link(n - 1, 'prev')] : [])
    ]
    const body = items.slice((n - 1) * perPage, n * perPage)
    return { status: 200, body, headers: links.length ? { link: links.join(', ') } : {} }
  }

  return {
    'repos/get': () => ({ status: 200, body: bodies.repository() }),
    'repos/get-collaborator-permission-level': (c) => ({ status: 200, body: bodies.collaboratorPermission(String(c.request.params.username)) }),
    'pulls/list': (c) => {
      const head = query(c, 'head')
      const base = query(c, 'base')
      const st = query(c, 'state') ?? 'open'
      const list = state.pulls.filter(
        (p) =>
          (st === 'all' || p.state === st) &&
          (!head || `${state.owner}:${p.head}` === head) &&
          (!base || p.base === base)
      )
      return page(c, list.map((p) => bodies.pull(p)))
    },
    'pulls/get': (c) => {
      const p = pull(num(c, 'pull_number'))
      return p ? { status: 200, body: bodies.pull(p) } : ghError(404, 'Not Found')
    },
    'pulls/create': (c) => {
      const b = body(c)
      if (env.forbidPullRequestCreation) return ghError(403, 'GitHub Actions is not permitted to create or approve pull requests.')
      const head = String(b.head).replace(new RegExp(`^${state.owner}:`), '')
      const base = String(b.base)
      if (state.pulls.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
        return ghError(422, 'Validation Failed', {
          errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${state.owner}:${head}.` }]
        })
      }
      if (head === base) {
        return ghError(422, 'Validation Failed', { errors: [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` }] })
      }
      const p = {
        number: state.nextNumber++,
        id: state.nextId++,
        head,
        base,
        title: String(b.title ?? ''),
        body: typeof b.body === 'string' ? b.body : null,
        state: 'open' as const,
        draft: b.draft === true,
        createdAt: now(),
        updatedAt: now()
      }
      state.pulls.push(p)
      return { status: 201, body: bodies.pull(p), headers: { location: `${env.origin}/repos/${state.owner}/${state.repo}/pulls/${p.number}` } }
    },
    'pulls/update': (c) => {
      const p = pull(num(c, 'pull_number'))
      if (!p) return ghError(404, 'Not Found')
      const b = body(c)
      if (typeof b.title === 'string') p.title = b.title
      if (typeof b.body === 'string') p.body = b.body
      if (typeof b.base === 'string') p.base = b.base
      if (b.state === 'open' || b.state === 'closed') p.state = b.state
      p.updatedAt = now()
      return { status: 200, body: bodies.pull(p) }
    },
    'issues/get': (c) => {
      const n = num(c, 'issue_number')
      return isIssue(n) ? { status: 200, body: bodies.issue(n) } : ghError(404, 'Not Found')
    },
    'issues/list-comments': (c) => {
      const n = num(c, 'issue_number')
      if (!isIssue(n)) return ghError(404, 'Not Found')
      return page(c, state.comments.filter((x) => x.issueNumber === n).map((x) => bodies.comment(x)))
    },
    'issues/create-comment': (c) => {
      const n = num(c, 'issue_number')
      if (!isIssue(n)) return ghError(404, 'Not Found')
      const text = String(body(c).body)
      if (text.length > 65_536) return tooLong()
      const comment = { id: state.nextId++, issueNumber: n, body: text, user: state.login, createdAt: now(), updatedAt: now() }
      state.comments.push(comment)
      return { status: 201, body: bodies.comment(comment) }
    },
    'issues/update-comment': (c) => {
      const comment = state.comments.find((x) => x.id === num(c, 'comment_id'))
      if (!comment) return ghError(404, 'Not Found')
      const text = String(body(c).body)
      if (text.length > 65_536) return tooLong()
      comment.body = text
      comment.updatedAt = now()
      return { status: 200, body: bodies.comment(comment) }
    },
    'issues/add-labels': (c) => {
      const n = num(c, 'issue_number')
      if (!isIssue(n)) return ghError(404, 'Not Found')
      const b = c.request.requestBody as unknown
      const names = (Array.isArray(b) ? b : ((b as { labels?: unknown[] }).labels ?? [])).map((l) =>
        typeof l === 'string' ? l : String((l as { name: string }).name)
      )
      const labels = [...new Set([...(state.labels.get(n) ?? []), ...names])]
      state.labels.set(n, labels)
      return { status: 200, body: labels.map((l) => bodies.label(l)) }
    },
    'git/get-ref': (c) => {
      const ref = `refs/${decodeURIComponent(String(c.request.params.ref))}`
      const sha = state.refs.get(ref)
      return sha ? { status: 200, body: bodies.ref(ref, sha) } : ghError(404, 'Not Found')
    },
    'git/create-ref': (c) => {
      const { ref, sha } = body(c) as { ref: string; sha: string }
      if (!/^refs\/.+\/.+/.test(ref)) return ghError(422, 'Reference name must start with \'refs/\' and have at least two slashes.')
      if (state.refs.has(ref)) return ghError(422, 'Reference already exists')
      state.refs.set(ref, sha)
      return { status: 201, body: bodies.ref(ref, sha) }
    },
    'git/update-ref': (c) => {
      const ref = `refs/${decodeURIComponent(String(c.request.params.ref))}`
      if (!state.refs.has(ref)) return ghError(422, 'Reference does not exist')
      const sha = String(body(c).sha)
      state.refs.set(ref, sha)
      return { status: 200, body: bodies.ref(ref, sha) }
    }
  }
}

// Builds the Octokit autopilot talks to GitHub with: @actions/github plus retry and throttling.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'

/** The Octokit every GitHub adapter takes (REST methods, pagination, retry, throttling). */
export type GitHubClient = ReturnType<typeof getOctokit>

/** Where client warnings go (e.g. `@actions/core`'s `warning`/`debug`). */
export interface GitHubLog {
  warning(message: string): void
  debug?(message: string): void
}

/** Options of `createGitHubClient`. */
export interface GitHubClientOptions {
  /** `GITHUB_TOKEN`, or the `pr-token` input. */
  token: string
  /** REST root, e.g. `https://ghe.example.com/api/v3`; default `GITHUB_API_URL`, then api.github.com. */
  baseUrl?: string
  log?: GitHubLog
  /** Retries after a server error or a rate limit (default 2). */
  retries?: number
  /**
   * Longest rate-limit wait worth sitting through, in seconds (default 300):
   * a primary limit can reset an hour later, and a CI job should not idle that long.
   */
  maxRetryAfterSeconds?: number
  /**
   * `false` (tests only) drops the spacing GitHub asks for between writes
   * (1 s, 3 s for notifying ones) and turns retry waits from seconds into
   * milliseconds. Default `true`.
   */
  pace?: boolean
}

type Group = NonNullable<Exclude<ThrottlingOptions, { enabled: false }>['write']>

/**
 * An Octokit for `token`. Built on demand, never at import time: callers pass
 * it to the adapters (`upsertPullRequest`, `upsertIssueComment`).
 */
export function createGitHubClient(opts: GitHubClientOptions): GitHubClient {
  const log = opts.log
  const retries = opts.retries ?? 2
  const maxWait = opts.maxRetryAfterSeconds ?? 300
  const pace = opts.pace ?? true
  const unit = pace ? 1000 : 1

  const onLimit =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${options.method} ${options.url}`
      if (retryCount >= retries || retryAfter > maxWait) {
        log?.warning(`GitHub ${kind} hit on ${what}; not retrying (retry after ${retryAfter} s, attempt ${retryCount + 1}).`)
        return false
      }
      log?.warning(`GitHub ${kind} hit on ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries}).`)
      return true
    }

  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    retryAfterBaseValue: unit,
    ...(pace ? {} : { write: unpacedGroup(), notifications: unpacedGroup(), search: unpacedGroup() })
  }

  return getOctokit(
    opts.token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : {}),
      log: {
        debug: (m: string) => log?.debug?.(m),
        info: (m: string) => log?.debug?.(m),
        warn: (m: string) => log?.warning(m),
        error: (m: string) => log?.warning(m)
      },
      retry: { retries, retryAfterBaseValue: unit },
      throttle
    },
    retry,
    throttling
  )
}

/**
 * A stand-in for a Bottleneck group that runs jobs at once. The throttling
 * plugin only calls `group.key(id).schedule(options, fn, ...args)`.
 */
function unpacedGroup(): Group {
  const limiter = {
    schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(fn(...args))
  }
  return { key: () => limiter } as unknown as Group
}

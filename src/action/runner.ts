/**
 * The Actions runner as the action sees it: inputs, outputs, masking, log
 * groups, annotations, the job summary and the run's context. The one place
 * the action's commands reach @actions/core and @actions/github.
 */
import * as core from '@actions/core'
import * as github from '@actions/github'

export interface AnnotationPlace {
  title?: string
  file?: string
  startLine?: number
  startColumn?: number
}

export interface Runner {
  input(name: string): string
  setOutput(name: string, value: string | number): void
  setSecret(value: string): void
  info(message: string): void
  /** A notice annotation: something worth seeing that is not a failure. */
  notice(message: string, place?: AnnotationPlace): void
  warning(message: string, place?: AnnotationPlace): void
  error(message: string, place?: AnnotationPlace): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** Appends markdown to the job summary (the caller caps it). */
  summary(markdown: string): Promise<void>
  env: NodeJS.ProcessEnv
  context: RunContext
}

export interface RunContext {
  /** `owner/name`, when running in a repository. */
  repository?: { owner: string; repo: string }
  runId: string
  runAttempt: string
  serverUrl: string
  apiUrl: string
  workspace: string
  tempDir: string
  /** The issue that triggered the run (issues, issue_comment events). */
  issueNumber?: number
  /** The comment that triggered the run (issue_comment events): who wrote it and what it says, never evaluated. */
  comment?: { author: string; body: string; onPullRequest: boolean }
  /** Branch the workflow runs on (GITHUB_REF_NAME for branch refs). */
  refName?: string
}

export function actionsRunner(): Runner {
  const env = process.env
  const repo = env.GITHUB_REPOSITORY?.includes('/') ? github.context.repo : undefined
  const issue = github.context.payload?.issue?.number as number | undefined
  const comment = github.context.payload?.comment as { user?: { login?: string }; body?: string } | undefined
  return {
    input: name => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: value => core.setSecret(value),
    info: message => core.info(message),
    notice: (message, place) => core.notice(message, place),
    warning: (message, place) => core.warning(message, place),
    error: (message, place) => core.error(message, place),
    group: (name, fn) => core.group(name, fn),
    summary: async markdown => {
      if (!env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(markdown, true).write()
    },
    env,
    context: {
      repository: repo ? { owner: repo.owner, repo: repo.repo } : undefined,
      runId: env.GITHUB_RUN_ID ?? '0',
      runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
      serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
      apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
      tempDir: env.RUNNER_TEMP ?? (env.TMPDIR || '/tmp'),
      issueNumber: typeof issue === 'number' ? issue : undefined,
      comment:
        comment && typeof comment.user?.login === 'string'
          ? { author: comment.user.login, body: String(comment.body ?? ''), onPullRequest: Boolean(github.context.payload?.issue?.pull_request) }
          : undefined,
      refName: env.GITHUB_REF_TYPE === 'branch' || env.GITHUB_REF?.startsWith('refs/heads/') ? env.GITHUB_REF_NAME : undefined
    }
  }
}

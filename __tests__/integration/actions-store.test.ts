// ActionsStateStore with the real @actions/artifact and @actions/cache against the local results backend: results
// travel between jobs of one run as artifacts (latest attempt wins, other runs do not see them), content-addressed
// results and the usage ledger travel across runs through the cache, and a broken cache is only a warning.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import * as cache from '@actions/cache'
import { ActionsStateStore, artifactName, parseArtifactName } from '../../src/state/actions-store.js'
import type { TaskRecord } from '../../src/state/manifest.js'
import type { StoredResult, UsageLedger } from '../../src/state/store.js'
import { sha256 } from '../../src/state/keys.js'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { withEnv } from '../support/env.js'

let backend: ResultsBackend
let root: string
/** What the toolkit printed (workflow commands on stdout): kept for assertions instead of flooding the test log. */
let printed: string[] = []

beforeAll(async () => {
  backend = await startResultsBackend()
  root = await mkdtemp(join(tmpdir(), 'actions-store-'))
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true))
})
afterAll(async () => {
  vi.restoreAllMocks()
  await backend?.close()
  if (root) await rm(root, { recursive: true, force: true })
})
beforeEach(() => {
  printed = []
})

interface Job {
  store: ActionsStateStore
  warnings: string[]
  workspace: string
}

let jobSeq = 0

/**
 * Runs `fn` as a fresh job of run `runId` (own job id, workspace and RUNNER_TEMP, cwd = workspace) with an
 * ActionsStateStore for issue `scope`. `env` overrides the backend's variables (e.g. a broken URL).
 */
async function asJob<T>(
  runId: string,
  fn: (job: Job) => Promise<T>,
  opts: { attempt?: string; scope?: string; env?: Record<string, string> } = {}
): Promise<T> {
  const jobId = `job-${++jobSeq}`
  const workspace = join(root, `run-${runId}`, jobId, 'workspace')
  const temp = join(root, `run-${runId}`, jobId, 'temp')
  await mkdir(workspace, { recursive: true })
  await mkdir(temp, { recursive: true })
  const cwd = process.cwd()
  const vars = { ...backend.env(jobId, runId), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp, ...opts.env }
  return withEnv(vars, async () => {
    process.chdir(workspace)
    const warnings: string[] = []
    const store = new ActionsStateStore({
      artifacts: new DefaultArtifactClient(),
      cache,
      runId,
      runAttempt: opts.attempt ?? '1',
      tempDir: temp,
      scope: opts.scope ?? '7',
      warn: (m) => warnings.push(m)
    })
    try {
      const out = await fn({ store, warnings, workspace })
      // The store puts the working directory and GITHUB_WORKSPACE back after each cache call.
      expect(process.cwd()).toBe(workspace)
      expect(process.env.GITHUB_WORKSPACE).toBe(workspace)
      return out
    } finally {
      process.chdir(cwd)
    }
  })
}

function result(id: string, patch: Buffer, extra: Partial<TaskRecord> = {}): StoredResult {
  return {
    record: { id, status: 'succeeded', attempts: 1, steps: [], gates: [], patchDigest: sha256(patch), changedFiles: 1, ...extra },
    patch
  }
}

/** A patch with bytes a text round trip would break: NUL, CR LF, invalid UTF-8. */
const binaryPatch = () => Buffer.concat([Buffer.from('diff --git a/x b/x\r\n+\u00e9\n'), Buffer.from([0, 0xff, 0xfe, 0x0d, 0x0a]), randomBytes(4096)])

describe('task results as artifacts of the run', () => {
  it('a result saved in one job loads byte-identical, with its logs, in another job of the same run', async () => {
    const patch = binaryPatch()
    const saved = result('impl', patch, { reason: undefined, usage: { calls: 1, inputTokens: 10, outputTokens: 5 } })
    await asJob('300', async ({ store, workspace }) => {
      const logs = join(workspace, 'logs', 'impl')
      await mkdir(join(logs, 'steps'), { recursive: true })
      await writeFile(join(logs, 'task.log'), 'task log\n')
      await writeFile(join(logs, 'steps', '1.log'), 'step one\n')
      await store.saveResult(saved, logs)
    })
    expect(backend.artifacts('300').map((a) => a.name)).toEqual([artifactName('7', '300', '1', 'impl')])
    expect(artifactName('7', '300', '1', 'impl')).toBe('autopilot-7-300-1-impl')

    await asJob('300', async ({ store, warnings }) => {
      const loaded = await store.loadResult('impl')
      expect(loaded?.record).toEqual(saved.record)
      expect(loaded?.patch.equals(patch)).toBe(true)
      const logs = store.downloadedLogDir('impl')
      expect(await readFile(join(logs, 'task.log'), 'utf8')).toBe('task log\n')
      expect(await readFile(join(logs, 'steps', '1.log'), 'utf8')).toBe('step one\n')
      expect(await store.loadResult('other')).toBeUndefined()
      expect(warnings).toEqual([])
    })
  })

  it('the latest attempt of the run wins; another run and another issue see nothing', async () => {
    for (const attempt of ['1', '2', '10']) {
      await asJob('310', ({ store }) => store.saveResult(result('t', Buffer.from(`attempt ${attempt}\n`), { attempts: Number(attempt) })), { attempt })
    }
    await asJob('310', async ({ store }) => {
      const loaded = await store.loadResult('t')
      expect(loaded?.patch.toString()).toBe('attempt 10\n')
      expect(loaded?.record.attempts).toBe(10)
    })
    await asJob('311', async ({ store }) => expect(await store.loadResult('t')).toBeUndefined())
    await asJob('310', async ({ store }) => expect(await store.loadResult('t')).toBeUndefined(), { scope: '8' })
  })

  it('names parse back; the run logs artifact is not a task', () => {
    expect(parseArtifactName('autopilot-7-300-2-my-task', '7', '300')).toEqual({ attempt: 2, taskId: 'my-task' })
    expect(parseArtifactName('autopilot-7-300-1.logs', '7', '300')).toBeUndefined()
    expect(parseArtifactName('autopilot-7-3001-1-x', '7', '300')).toBeUndefined()
    expect(parseArtifactName('autopilot-70-300-1-x', '7', '300')).toBeUndefined()
  })
})

describe('content-addressed results and the ledger in the Actions cache', () => {
  it('remember in one run, lookup in a later run (byte-identical); a miss is undefined', async () => {
    const patch = binaryPatch()
    const saved = result('build', patch)
    await asJob('400', async ({ store, warnings }) => {
      await store.remember('key-abc', saved)
      expect(warnings).toEqual([])
    })
    expect(backend.caches().map((c) => c.key)).toContain('autopilot-7-result-key-abc')

    await asJob('401', async ({ store, warnings }) => {
      const hit = await store.lookup('key-abc')
      expect(hit?.record).toEqual(saved.record)
      expect(hit?.patch.equals(patch)).toBe(true)
      expect(await store.lookup('key-other')).toBeUndefined()
      expect(warnings).toEqual([])
    })
    // Another issue has its own keys.
    await asJob('401', async ({ store }) => expect(await store.lookup('key-abc')).toBeUndefined(), { scope: '8' })
  })

  it('remembering a key twice keeps the first entry and warns instead of failing', async () => {
    await asJob('402', ({ store }) => store.remember('key-twice', result('x', Buffer.from('one\n'))))
    await asJob('403', async ({ store, warnings }) => {
      await store.remember('key-twice', result('x', Buffer.from('two\n')))
      expect(warnings).toEqual(['autopilot: the result of task x was not saved to the Actions cache'])
      expect((await store.lookup('key-twice'))?.patch.toString()).toBe('one\n')
    })
  })

  it('the usage ledger round-trips across runs; the newest save wins', async () => {
    const day = new Date().toISOString().slice(0, 10)
    const ledger = (calls: number): UsageLedger => ({ day, perAgent: { codex: { calls, inputTokens: 100 * calls, outputTokens: 7, costUsd: 0.25 } } })
    await asJob('410', async ({ store }) => {
      expect(await store.loadLedger()).toBeUndefined()
      await store.saveLedger(ledger(1))
      await new Promise((r) => setTimeout(r, 5)) // distinct Date.now() in the key
      await store.saveLedger(ledger(2))
    })
    await asJob('411', async ({ store, warnings }) => {
      expect(await store.loadLedger()).toEqual(ledger(2))
      expect(warnings).toEqual([])
    })
  })

  it('a broken cache (nothing listening) is a warning: lookup and loadLedger are undefined, remember does not throw', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))

    await asJob(
      '420',
      async ({ store, warnings }) => {
        await expect(store.lookup('key-abc')).resolves.toBeUndefined()
        await expect(store.loadLedger()).resolves.toBeUndefined()
        await expect(store.remember('key-new', result('y', Buffer.from('y\n')))).resolves.toBeUndefined()
        expect(warnings).toHaveLength(2)
        expect(warnings[0]).toMatch(/^autopilot: this run's agent usage could not be read from its artifacts/)
        expect(warnings[1]).toBe('autopilot: the result of task y was not saved to the Actions cache')
      },
      { env: { ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/` } }
    )
    // The toolkit itself reports each failed restore as a workflow warning.
    const toolkitWarnings = printed.join('').split('\n').filter((l) => l.startsWith('::warning::'))
    expect(toolkitWarnings.filter((l) => l.startsWith('::warning::Failed to restore'))).toHaveLength(2)
    // A failed save is only `info` in the toolkit ("another job may be creating this cache"): the store's own
    // warning above is what makes it visible.
  })
})

/**
 * A job whose operations can interleave with another job's: each call re-enters the job's environment and
 * working directory (the toolkit reads both at call time), as two legs of one level would on two runners.
 */
async function openJob(runId: string, opts: { cache?: ConstructorParameters<typeof ActionsStateStore>[0]['cache'] } = {}) {
  // One plan (scope) per run-id family, so the tests' cache books stay apart.
  const scope = `8${runId.slice(0, 2)}`
  const jobId = `job-${++jobSeq}`
  const workspace = join(root, `run-${runId}`, jobId, 'workspace')
  const temp = join(root, `run-${runId}`, jobId, 'temp')
  await mkdir(workspace, { recursive: true })
  await mkdir(temp, { recursive: true })
  const warnings: string[] = []
  const store = new ActionsStateStore({
    artifacts: new DefaultArtifactClient(),
    cache: opts.cache ?? cache,
    runId,
    runAttempt: '1',
    tempDir: temp,
    scope,
    warn: (m) => warnings.push(m)
  })
  const vars = { ...backend.env(jobId, runId), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp }
  const within = <T>(fn: (s: ActionsStateStore) => Promise<T>) =>
    withEnv(vars, async () => {
      const cwd = process.cwd()
      process.chdir(workspace)
      try {
        return await fn(store)
      } finally {
        process.chdir(cwd)
      }
    })
  return { within, warnings }
}

describe('the usage ledger across parallel legs', () => {
  const day = () => new Date().toISOString().slice(0, 10)
  const calls = (l: UsageLedger | undefined, agent = 'codex') => l?.perAgent[agent]?.calls ?? 0
  /** What the engine hands saveLedger: the ledger it loaded plus its own charges so far. */
  const plus = (base: UsageLedger | undefined, agent: string, n: number): UsageLedger => {
    const b = base?.perAgent[agent]
    return {
      day: day(),
      perAgent: { ...base?.perAgent, [agent]: { calls: (b?.calls ?? 0) + n, inputTokens: (b?.inputTokens ?? 0) + 10 * n, outputTokens: (b?.outputTokens ?? 0) + n } }
    }
  }

  it('two legs that loaded the same ledger and then charge in turn lose nothing: a later leg and a later run see both', async () => {
    const a = await openJob('600')
    const b = await openJob('600')
    // Both legs start before either charged (the race that used to keep only the newest save).
    const baseA = await a.within((s) => s.loadLedger())
    const baseB = await b.within((s) => s.loadLedger())
    expect(baseA).toBeUndefined()
    expect(baseB).toBeUndefined()
    await a.within((s) => s.saveLedger(plus(baseA, 'codex', 1)))
    await b.within((s) => s.saveLedger(plus(baseB, 'codex', 1)))
    await a.within((s) => s.saveLedger(plus(baseA, 'codex', 2)))
    await b.within((s) => s.saveLedger(plus(plus(baseB, 'codex', 1), 'claude', 1)))

    const c = await openJob('600')
    const seen = await c.within((s) => s.loadLedger())
    expect(calls(seen)).toBe(3)
    expect(calls(seen, 'claude')).toBe(1)
    expect(seen?.perAgent.codex.inputTokens).toBe(30)
    // A leg of the next level charges on top of what it saw: its own part only is added.
    await c.within((s) => s.saveLedger(plus(seen, 'codex', 1)))

    const later = await openJob('601')
    expect(calls(await later.within((s) => s.loadLedger()))).toBe(4)
    expect([...a.warnings, ...b.warnings, ...c.warnings, ...later.warnings]).toEqual([])
  })

  it('per-day budgets count every call of parallel legs: the next call is refused at max-calls-per-day', async () => {
    const { checkBudget } = await import('../../src/agents/budget.js')
    const legs = await Promise.all([openJob('610'), openJob('610')])
    const bases = [] as (UsageLedger | undefined)[]
    for (const l of legs) bases.push(await l.within((s) => s.loadLedger()))
    for (const [i, l] of legs.entries()) await l.within((s) => s.saveLedger(plus(bases[i], 'codex', 1)))
    const next = await openJob('610')
    const ledger = await next.within((s) => s.loadLedger())
    const plan = { agents: { codex: { 'max-calls-per-day': 2 } }, limits: {} } as unknown as Parameters<typeof checkBudget>[0]['plan']
    expect(checkBudget({ plan, agent: 'codex', runUsage: {}, ledger, now: new Date() })).toEqual({
      ok: false,
      breaker: 'budget: agents.codex.max-calls-per-day (2) reached: 2 calls today spent'
    })
  })

  it('a leg whose cache save was lost still counts: later legs read it from the run\'s artifacts, and after finalize consolidates, so do later runs', async () => {
    const lost = { restoreCache: cache.restoreCache, saveCache: async () => -1 }
    const a = await openJob('620')
    const b = await openJob('620', { cache: lost })
    await a.within(async (s) => s.saveLedger(plus(await s.loadLedger(), 'codex', 1)))
    await b.within(async (s) => s.saveLedger(plus(await s.loadLedger(), 'codex', 2)))
    expect(b.warnings).toEqual(['autopilot: the usage ledger was not saved to the Actions cache'])
    // Another run before finalize sees only what reached the cache.
    expect(calls(await (await openJob('621')).within((s) => s.loadLedger()))).toBe(1)
    const finalize = await openJob('620')
    expect(calls(await finalize.within((s) => s.loadLedger()))).toBe(3)
    await finalize.within((s) => s.consolidateLedger())
    expect(calls(await (await openJob('622')).within((s) => s.loadLedger()))).toBe(3)
  })
})

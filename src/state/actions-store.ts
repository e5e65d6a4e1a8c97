/**
 * StateStore on GitHub Actions: each task's result is one artifact of the
 * workflow run (unique name: run id, attempt, task id), so later jobs of the
 * run can download it; content-addressed results and the per-day usage ledger
 * live in the Actions cache, so later runs can reuse them. The ledger is kept
 * as one entry per job (src/state/ledger-entries.ts): each leg uploads its own
 * as an artifact and folds it into a cache book, so parallel legs never lose
 * each other's usage. Cache trouble is a warning, never a failure.
 */
import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import pLimit from 'p-limit'
import type { ArtifactClient } from '@actions/artifact'
import type * as cacheModule from '@actions/cache'
import type { RunManifest } from './manifest.js'
import type { DeliveredHead, StateStore, StoredResult, UsageLedger } from './store.js'
import { exists, readJson, writeAtomic } from './files.js'
import { readResult, writeResult } from './local-store.js'
import { asBook, mergeBooks, ownPart, totalOf, type LedgerBook, type LedgerEntry } from './ledger-entries.js'

type CacheApi = Pick<typeof cacheModule, 'saveCache' | 'restoreCache'>

export interface ActionsStoreOptions {
  artifacts: ArtifactClient
  cache: CacheApi
  runId: string
  runAttempt: string
  /** Scratch space (RUNNER_TEMP). */
  tempDir: string
  /** Distinguishes plans (issue numbers) in cache keys and artifact names. */
  scope: string
  /** Names this job in usage-ledger entries (letters, digits, dashes); a random id by default. */
  leg?: string
  warn(message: string): void
}

/** Artifact names: `autopilot-<issue>-<run>-<attempt>-<task>`. */
export function artifactName(scope: string, runId: string, attempt: string, taskId: string): string {
  return `autopilot-${scope}-${runId}-${attempt}-${taskId}`
}

/** The task id and attempt an artifact name holds, if it is one of this run's results. */
export function parseArtifactName(name: string, scope: string, runId: string): { attempt: number; taskId: string } | undefined {
  const prefix = `autopilot-${scope}-${runId}-`
  if (!name.startsWith(prefix)) return undefined
  const m = /^(\d+)-(.+)$/.exec(name.slice(prefix.length))
  return m && m[2] !== 'logs' ? { attempt: Number(m[1]), taskId: m[2] } : undefined
}

// One relative path for every cache entry: the cache version hashes the path list.
const CACHE_PATH = 'entry'

export class ActionsStateStore implements StateStore {
  private manifestFile: string
  private listed?: Promise<Map<string, { id: number; attempt: number }>>
  /** This job's id in ledger entries; unique per store, so parallel legs never share an entry. */
  private readonly leg: string
  private readonly contributor: string
  private ledgerSeq = 0
  private ledgerBase?: UsageLedger
  private book?: LedgerBook

  constructor(private readonly o: ActionsStoreOptions) {
    this.manifestFile = join(o.tempDir, 'autopilot-state', 'manifest.json')
    this.leg = o.leg ?? randomUUID()
    this.contributor = `${o.runId}-${o.runAttempt}-${this.leg}`
  }

  loadManifest(): Promise<RunManifest | undefined> {
    return readJson<RunManifest>(this.manifestFile)
  }

  async saveManifest(manifest: RunManifest): Promise<void> {
    await writeAtomic(this.manifestFile, JSON.stringify(manifest, null, 2) + '\n')
  }

  /** Uploads result.json, patch.diff and the task's logs as one artifact. */
  async saveResult(result: StoredResult, logDir?: string): Promise<void> {
    const id = result.record.id
    const root = join(this.o.tempDir, 'autopilot-state', 'upload', id)
    await rm(root, { recursive: true, force: true })
    await writeResult(root, result)
    if (logDir && (await exists(logDir))) await cp(logDir, join(root, id), { recursive: true })
    const files = await listFiles(root)
    await this.o.artifacts.uploadArtifact(artifactName(this.o.scope, this.o.runId, this.o.runAttempt, id), files, root, {
      retentionDays: 30
    })
  }

  /** The run's own reports (summary, failure report) as one artifact beside the task artifacts. */
  async saveRunLogs(files: Record<string, string>): Promise<void> {
    const root = join(this.o.tempDir, 'autopilot-state', 'run-logs')
    await rm(root, { recursive: true, force: true })
    for (const [name, text] of Object.entries(files)) await writeAtomic(join(root, name), text)
    // `.logs` cannot be a task id (no dots), so parseArtifactName never takes it for a result.
    const name = `autopilot-${this.o.scope}-${this.o.runId}-${this.o.runAttempt}.logs`
    await this.o.artifacts.uploadArtifact(name, Object.keys(files).map(f => join(root, f)), root, { retentionDays: 30 })
  }

  /** The latest attempt's result of `taskId` in this run, downloaded with its logs. */
  async loadResult(taskId: string): Promise<StoredResult | undefined> {
    const found = (await this.artifactsOfRun()).get(taskId)
    if (!found) return undefined
    const dir = join(this.o.tempDir, 'autopilot-state', 'download', taskId)
    await rm(dir, { recursive: true, force: true })
    await this.o.artifacts.downloadArtifact(found.id, { path: dir })
    return await readResult(dir)
  }

  /** Where loadResult put a task's downloaded logs. */
  downloadedLogDir(taskId: string): string {
    return join(this.o.tempDir, 'autopilot-state', 'download', taskId, taskId)
  }

  async lookup(key: string): Promise<StoredResult | undefined> {
    const hit = await this.withCacheDir(`result-${key}`, async dir => {
      const k = await this.o.cache.restoreCache([CACHE_PATH], this.cacheKey(`result-${key}`))
      return k ? await readResult(join(dir, CACHE_PATH)) : undefined
    })
    return hit ?? undefined
  }

  async remember(key: string, result: StoredResult): Promise<void> {
    await this.withCacheDir(`save-${key}`, async dir => {
      await writeResult(join(dir, CACHE_PATH), result)
      const id = await this.o.cache.saveCache([CACHE_PATH], this.cacheKey(`result-${key}`))
      if (id === -1) this.o.warn(`autopilot: the result of task ${result.record.id} was not saved to the Actions cache`)
    })
  }

  /**
   * Today's usage: every ledger entry this run's jobs uploaded (artifacts, so
   * a finished leg is never missed) merged with the newest book in the cache
   * (earlier runs). Remembers what it returned: saveLedger stores only this
   * job's own charges on top of it.
   */
  async loadLedger(): Promise<UsageLedger | undefined> {
    const day = new Date().toISOString().slice(0, 10)
    const cached = (await this.withCacheDir('ledger-load', dir => this.restoreBook(dir, day))) ?? { day, entries: {} }
    this.book = mergeBooks(day, cached, ...(await this.runBooks(day)))
    this.ledgerBase = totalOf(this.book)
    return Object.keys(this.book.entries).length ? this.ledgerBase : undefined
  }

  /**
   * Keeps this job's own charges as its own entry (never another job's):
   * uploaded as an artifact of the run under a unique name, and merged into
   * a new cache book for later runs. Trouble is a warning.
   */
  async saveLedger(ledger: UsageLedger): Promise<void> {
    const entry: LedgerEntry = { seq: ++this.ledgerSeq, perAgent: ownPart(ledger, this.ledgerBase) }
    const mine: LedgerBook = { day: ledger.day, entries: { [this.contributor]: entry } }
    try {
      const root = join(this.o.tempDir, 'autopilot-state', 'ledger-upload')
      await rm(root, { recursive: true, force: true })
      await writeAtomic(join(root, 'ledger.json'), JSON.stringify(mine))
      const name = `autopilot-${this.o.scope}-${this.o.runId}-${this.o.runAttempt}.ledger-${ledger.day}-${this.leg}-${entry.seq}`
      await this.o.artifacts.uploadArtifact(name, [join(root, 'ledger.json')], root, { retentionDays: 30 })
    } catch (e) {
      this.o.warn(`autopilot: this job's agent usage was not uploaded (${(e as Error).message}); later jobs may not count it`)
    }
    const known = this.book && this.book.day === ledger.day ? [this.book] : []
    await this.saveBook(mergeBooks(ledger.day, ...known, mine))
  }

  /** Finalize: folds every entry of the run's legs into one cache book, so later runs count them all. */
  async consolidateLedger(): Promise<void> {
    if ((await this.loadLedger()) && this.book) await this.saveBook(this.book)
  }

  private async saveBook(book: LedgerBook): Promise<void> {
    // Cache entries are immutable: each save is a new key holding the union of the newest book and ours.
    const key = this.cacheKey(`ledger-${book.day}-${this.contributor}-${Date.now()}`)
    await this.withCacheDir('ledger-save', async dir => {
      const merged = mergeBooks(book.day, await this.restoreBook(dir, book.day), book)
      await rm(join(dir, CACHE_PATH), { recursive: true, force: true })
      await writeAtomic(join(dir, CACHE_PATH, 'ledger.json'), JSON.stringify(merged))
      const id = await this.o.cache.saveCache([CACHE_PATH], key)
      if (id === -1) this.o.warn('autopilot: the usage ledger was not saved to the Actions cache')
    })
  }

  private async restoreBook(dir: string, day: string): Promise<LedgerBook> {
    const prefix = this.cacheKey(`ledger-${day}-`)
    const k = await this.o.cache.restoreCache([CACHE_PATH], prefix, [prefix])
    return asBook(k ? await readJson(join(dir, CACHE_PATH, 'ledger.json')) : undefined, day)
  }

  /** The newest ledger entry of each of this run's jobs for `day`, downloaded from the run's artifacts. */
  private async runBooks(day: string): Promise<LedgerBook[]> {
    try {
      const { artifacts } = await this.o.artifacts.listArtifacts()
      const newest = new Map<string, { id: number; seq: number }>()
      const prefix = `autopilot-${this.o.scope}-${this.o.runId}-`
      for (const a of artifacts) {
        const m = a.name.startsWith(prefix) ? /^(\d+)\.ledger-(\d{4}-\d{2}-\d{2})-(.+)-(\d+)$/.exec(a.name.slice(prefix.length)) : null
        if (!m || m[2] !== day) continue
        const who = `${m[1]}-${m[3]}`
        if ((newest.get(who)?.seq ?? -1) < Number(m[4])) newest.set(who, { id: a.id, seq: Number(m[4]) })
      }
      const books: LedgerBook[] = []
      for (const [who, { id }] of newest) {
        const dir = join(this.o.tempDir, 'autopilot-state', 'ledger-download', who)
        await rm(dir, { recursive: true, force: true })
        await this.o.artifacts.downloadArtifact(id, { path: dir })
        books.push(asBook(await readJson(join(dir, 'ledger.json')), day))
      }
      return books
    } catch (e) {
      this.o.warn(`autopilot: this run's agent usage could not be read from its artifacts (${(e as Error).message})`)
      return []
    }
  }

  /** The newest delivered head saved by any run (cache entries are immutable: one key per save, newest wins). */
  async loadDelivered(): Promise<DeliveredHead | undefined> {
    const prefix = this.cacheKey('delivered-')
    const hit = await this.withCacheDir('delivered-load', async dir => {
      const k = await this.o.cache.restoreCache([CACHE_PATH], prefix, [prefix])
      return k ? await readJson<DeliveredHead>(join(dir, CACHE_PATH, 'delivered.json')) : undefined
    })
    return hit ?? undefined
  }

  async saveDelivered(delivered: DeliveredHead): Promise<void> {
    const key = this.cacheKey(`delivered-${this.o.runId}-${this.o.runAttempt}-${Date.now()}`)
    await this.withCacheDir('delivered-save', async dir => {
      await writeAtomic(join(dir, CACHE_PATH, 'delivered.json'), JSON.stringify(delivered))
      const id = await this.o.cache.saveCache([CACHE_PATH], key)
      if (id === -1) this.o.warn('autopilot: the delivered head was not saved to the Actions cache; the next run checks the branch by its trailers')
    })
  }

  private cacheKey(suffix: string): string {
    return `autopilot-${this.o.scope}-${suffix}`
  }

  private artifactsOfRun(): Promise<Map<string, { id: number; attempt: number }>> {
    this.listed ??= (async () => {
      const { artifacts } = await this.o.artifacts.listArtifacts()
      const out = new Map<string, { id: number; attempt: number }>()
      for (const a of artifacts) {
        const p = parseArtifactName(a.name, this.o.scope, this.o.runId)
        if (!p) continue
        const prev = out.get(p.taskId)
        if (!prev || p.attempt > prev.attempt) out.set(p.taskId, { id: a.id, attempt: p.attempt })
      }
      return out
    })()
    return this.listed
  }

  /**
   * Runs `fn` in a fresh scratch folder named `name` (see inCacheDir).
   */
  private withCacheDir<T>(name: string, fn: (dir: string) => Promise<T>): Promise<T | undefined> {
    const dir = join(this.o.tempDir, 'autopilot-state', 'cache', name)
    return inCacheDir(dir, true, fn, this.o.warn)
  }
}

// The cache client works relative to the process's cwd and GITHUB_WORKSPACE, which
// inCacheDir changes: one cache operation at a time in the whole process (results and setup layers).
const cacheTurn = pLimit(1)

/**
 * Runs `fn` with the process in `dir`, which is also GITHUB_WORKSPACE: the cache
 * client globs relative to the working directory but stores (and restores) tar
 * entries relative to GITHUB_WORKSPACE, so both must be the folder for an entry
 * to come back where it was saved. `fresh` empties the folder first.
 * Any error becomes a warning: the cache is an optimisation.
 */
export function inCacheDir<T>(dir: string, fresh: boolean, fn: (dir: string) => Promise<T>, warn: (m: string) => void): Promise<T | undefined> {
  return cacheTurn(async () => {
    const previous = process.cwd()
    const workspace = process.env.GITHUB_WORKSPACE
    try {
      if (fresh) await rm(dir, { recursive: true, force: true })
      await mkdir(dir, { recursive: true })
      process.chdir(dir)
      process.env.GITHUB_WORKSPACE = dir
      return await fn(dir)
    } catch (e) {
      warn(`autopilot: Actions cache unavailable (${(e as Error).message}); continuing without it`)
      return undefined
    } finally {
      process.chdir(previous)
      if (workspace === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = workspace
    }
  })
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name))
}

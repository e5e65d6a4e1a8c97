/**
 * StateStore on the local filesystem:
 *   .ai/runs/<issue>/manifest.json, .ai/runs/<issue>/tasks/<id>/{result.json,patch.diff}
 *   .ai/runs/cache/<key>/{result.json,patch.diff}, .ai/runs/ledger.json
 */
import { randomUUID } from 'node:crypto'
import { appendFile, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunManifest, TaskRecord } from './manifest.js'
import type { DeliveredHead, StateStore, StoredResult, UsageLedger } from './store.js'
import { ensureIgnoredDir, readJson, writeAtomic } from './files.js'

export class LocalStateStore implements StateStore {
  readonly runsRoot: string
  readonly runDir: string
  /** Live step process groups of a run (see src/run/process-registry.ts). */
  readonly processesDir: string

  constructor(repoRoot: string, issue: number) {
    this.runsRoot = join(repoRoot, '.ai', 'runs')
    this.runDir = join(this.runsRoot, String(issue))
    this.processesDir = join(this.runDir, 'processes')
  }

  async init(): Promise<void> {
    await ensureIgnoredDir(this.runsRoot)
  }

  /** The manifest with its journal's task records applied (a torn last line is ignored). */
  async loadManifest(): Promise<RunManifest | undefined> {
    const manifest = await readJson<RunManifest>(join(this.runDir, 'manifest.json'))
    if (!manifest?.journal) return manifest
    const text = await readFile(this.journalFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return ''
      throw e
    })
    for (const line of text.split('\n')) {
      let entry: { journal?: string; task?: TaskRecord }
      try {
        entry = JSON.parse(line) as typeof entry
      } catch {
        continue
      }
      // Lines of an older journal (a crash between the rewrite and the journal's removal) are stale.
      if (entry.journal === manifest.journal && entry.task?.id && manifest.tasks[entry.task.id]) manifest.tasks[entry.task.id] = entry.task
    }
    return manifest
  }

  /** The whole manifest, atomically; starts a new journal. */
  async saveManifest(manifest: RunManifest): Promise<void> {
    manifest.journal = randomUUID()
    await writeAtomic(join(this.runDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
    this.journalBytes = 0
    await rm(this.journalFile, { force: true })
  }

  /**
   * One task's record appended to the manifest's journal: a change costs its
   * own size, not the whole manifest's (which `saveManifest` rewrites now and then).
   * Resolves with the journal's size.
   */
  async saveTaskRecord(manifest: RunManifest, record: TaskRecord): Promise<number> {
    const line = JSON.stringify({ journal: manifest.journal, task: record }) + '\n'
    await appendFile(this.journalFile, line)
    this.journalBytes = (this.journalBytes ?? 0) + Buffer.byteLength(line)
    return this.journalBytes
  }

  private journalBytes?: number

  private get journalFile(): string {
    return join(this.runDir, 'manifest.journal')
  }

  async saveResult(result: StoredResult): Promise<void> {
    await writeResult(join(this.runDir, 'tasks', result.record.id), result)
  }

  loadResult(taskId: string): Promise<StoredResult | undefined> {
    return readResult(join(this.runDir, 'tasks', taskId))
  }

  lookup(key: string): Promise<StoredResult | undefined> {
    return readResult(join(this.runsRoot, 'cache', key))
  }

  async remember(key: string, result: StoredResult): Promise<void> {
    await writeResult(join(this.runsRoot, 'cache', key), result)
  }

  loadLedger(): Promise<UsageLedger | undefined> {
    return readJson<UsageLedger>(join(this.runsRoot, 'ledger.json'))
  }

  async saveLedger(ledger: UsageLedger): Promise<void> {
    await writeAtomic(join(this.runsRoot, 'ledger.json'), JSON.stringify(ledger, null, 2) + '\n')
  }

  loadDelivered(): Promise<DeliveredHead | undefined> {
    return readJson<DeliveredHead>(join(this.runDir, 'delivered.json'))
  }

  async saveDelivered(delivered: DeliveredHead): Promise<void> {
    await writeAtomic(join(this.runDir, 'delivered.json'), JSON.stringify(delivered, null, 2) + '\n')
  }

  /** Forgets this plan's run (for `--fresh`); the shared cache and the delivered head stay. */
  async reset(): Promise<void> {
    await rm(join(this.runDir, 'manifest.json'), { force: true })
    await rm(this.journalFile, { force: true })
    await rm(join(this.runDir, 'tasks'), { recursive: true, force: true })
  }
}

/** Patch first, record last: a record on disk always has its patch beside it. */
export async function writeResult(dir: string, result: StoredResult): Promise<void> {
  await writeAtomic(join(dir, 'patch.diff'), result.patch)
  await writeAtomic(join(dir, 'result.json'), JSON.stringify(result.record, null, 2) + '\n')
}

export async function readResult(dir: string): Promise<StoredResult | undefined> {
  const record = await readJson<TaskRecord>(join(dir, 'result.json'))
  if (!record) return undefined
  try {
    return { record, patch: await readFile(join(dir, 'patch.diff')) }
  } catch {
    return undefined
  }
}

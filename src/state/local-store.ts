/**
 * StateStore on the local filesystem:
 *   .ai/runs/<issue>/manifest.json, .ai/runs/<issue>/tasks/<id>/{result.json,patch.diff}
 *   .ai/runs/cache/<key>/{result.json,patch.diff}, .ai/runs/ledger.json
 */
import { readFile, rm } from 'node:fs/promises'
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

  loadManifest(): Promise<RunManifest | undefined> {
    return readJson<RunManifest>(join(this.runDir, 'manifest.json'))
  }

  async saveManifest(manifest: RunManifest): Promise<void> {
    await writeAtomic(join(this.runDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
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

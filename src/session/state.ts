/**
 * Where a session lives: `.ai/sessions/<id>/session.json`, rewritten
 * atomically after every change, and one lock for all sessions of the
 * repository (a second session while one runs is refused). A session without
 * `finishedAt` was interrupted (kill -9, a reboot) and is resumed by the next
 * `autopilot session`.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { ensureIgnoredDir, readJson, writeAtomic } from '../state/files.js'
import { acquireLock, type Lock } from '../state/lock.js'
import type { SessionRecord } from './types.js'

export const SESSIONS_DIR = '.ai/sessions'

export class SessionStore {
  readonly dir: string
  constructor(repoRoot: string) {
    this.dir = path.join(repoRoot, SESSIONS_DIR)
  }

  async lock(): Promise<Lock> {
    await ensureIgnoredDir(this.dir)
    return acquireLock(path.join(this.dir, 'lock'), 'autopilot session of this repository')
  }

  file(id: string): string {
    return path.join(this.dir, id, 'session.json')
  }

  async save(record: SessionRecord): Promise<void> {
    record.updatedAt = new Date().toISOString()
    await writeAtomic(this.file(record.id), JSON.stringify(record, null, 2) + '\n')
  }

  /** Every recorded session, oldest first (ids are timestamps). */
  async all(): Promise<SessionRecord[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const out: SessionRecord[] = []
    for (const n of names.sort()) {
      const r = await readJson<SessionRecord>(this.file(n)).catch(() => undefined)
      if (r) out.push(r)
    }
    return out
  }

  /** The latest session if it never finished: the one to resume. */
  async unfinished(): Promise<SessionRecord | undefined> {
    const last = (await this.all()).at(-1)
    return last && !last.finishedAt ? last : undefined
  }
}

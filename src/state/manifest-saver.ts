/**
 * Saves a run's manifest as it changes, with bytes written linear in the
 * number of changes. A small manifest is rewritten whole on every change (so
 * readers of the file see each change at once). A large one gets each task
 * change appended to its journal instead, and is rewritten whole only when the
 * journal has grown as large as it (rewrites then cost at most what the
 * appends did) and at the end of a run. Writes are serialised; changes made
 * while one is under way are written together after it.
 */
import type { RunManifest } from './manifest.js'
import type { LocalStateStore } from './local-store.js'

/**
 * Below this size the whole manifest is rewritten on each change: a few tasks' worth. Above it, rewriting
 * on every change made bytes written grow with the plan (bench/: 36 KiB per task for 300 tasks at 64 KiB).
 */
const SMALL = 8 * 1024

export interface ManifestSaver {
  /** Task `id` changed: its record is written soon (in order, never lost). */
  changed(id: string): void
  /** Rewrites the whole manifest once the pending changes are written; resolves with the last write's error, if it failed. */
  save(): Promise<Error | undefined>
}

export function manifestSaver(store: Pick<LocalStateStore, 'saveManifest' | 'saveTaskRecord'>, manifest: RunManifest): ManifestSaver {
  let chain: Promise<void> = Promise.resolve()
  let error: Error | undefined
  let wholeBytes = 0
  const dirty = new Set<string>()
  // A failed save (a full disk) must not stop later ones; the last outcome is what counts.
  const attempt = async (write: () => Promise<void>) => {
    try {
      await write()
      error = undefined
    } catch (e) {
      error = e as Error
    }
  }
  const whole = () =>
    attempt(async () => {
      dirty.clear()
      manifest.updatedAt = new Date().toISOString()
      await store.saveManifest(manifest)
      wholeBytes = JSON.stringify(manifest).length
    })
  const pieces = () =>
    attempt(async () => {
      if (wholeBytes < SMALL) return await whole()
      const ids = [...dirty]
      dirty.clear()
      let journal = 0
      for (const id of ids) journal = await store.saveTaskRecord(manifest, manifest.tasks[id])
      if (journal > wholeBytes) await whole()
    })
  return {
    changed(id) {
      const idle = dirty.size === 0
      dirty.add(id)
      if (idle) chain = chain.then(pieces)
    },
    async save() {
      chain = chain.then(whole)
      await chain
      return error
    }
  }
}

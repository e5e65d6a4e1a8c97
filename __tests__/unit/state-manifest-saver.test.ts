// The run state is written in pieces: bytes written per task stay flat as runs grow, and a reload sees every change.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { manifestSaver } from '../../src/state/manifest-saver.js'
import { LocalStateStore } from '../../src/state/local-store.js'
import type { RunManifest, TaskRecord } from '../../src/state/manifest.js'

const record = (id: string, status: TaskRecord['status']): TaskRecord => ({
  id,
  status,
  attempts: 1,
  steps: [{ index: 0, name: 'build and test the thing', kind: 'run', exitCode: 0, status: 'succeeded', attempts: 1, durationMs: 1234 }],
  gates: [],
  reason: status === 'failed' ? 'step 1 failed' : undefined
})

function manifest(n: number): RunManifest {
  const tasks: Record<string, TaskRecord> = {}
  for (let i = 0; i < n; i++) tasks[`task-${i}`] = record(`task-${i}`, 'pending')
  return { version: 1, issue: 1, planPath: 'p', planHash: 'h', baseCommit: 'b', branch: 'autopilot/issue-1', startedAt: 'now', updatedAt: 'now', tasks }
}

/** Bytes a run of `n` tasks writes (each goes running, then succeeded, one change at a time). */
async function bytesPerTask(n: number): Promise<number> {
  let bytes = 0
  let journal = 0
  const store = {
    async saveManifest(m: RunManifest) {
      bytes += JSON.stringify(m, null, 2).length
      journal = 0
    },
    async saveTaskRecord(m: RunManifest, r: TaskRecord) {
      const line = JSON.stringify({ journal: m.journal, task: r }).length + 1
      bytes += line
      journal += line
      return journal
    }
  }
  const m = manifest(n)
  const saver = manifestSaver(store, m)
  await saver.save()
  for (const id of Object.keys(m.tasks)) {
    for (const status of ['running', 'succeeded'] as const) {
      m.tasks[id] = { ...m.tasks[id], status }
      saver.changed(id)
      // Each change written on its own, as when tasks finish apart.
      await new Promise(r => setImmediate(r))
    }
  }
  await saver.save()
  return bytes / n
}

describe('manifest saving', () => {
  it('writes about the same bytes per task for 300 and 1,000 tasks', async () => {
    const small = await bytesPerTask(300)
    const large = await bytesPerTask(1000)
    expect(large / small).toBeLessThan(1.2)
  })

  it('writes about the same bytes per task from 100 tasks up: only a manifest of a few tasks is rewritten whole on each change', async () => {
    const sizes = [100, 300, 1000]
    const perTask = await Promise.all(sizes.map(bytesPerTask))
    expect(Math.max(...perTask) / Math.min(...perTask)).toBeLessThan(1.2)
  })

  it('reloads the journal over the manifest, and ignores a stale or torn journal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'autopilot-saver-'))
    try {
      const store = new LocalStateStore(dir, 5)
      const m = manifest(400)
      const saver = manifestSaver(store, m)
      expect(await saver.save()).toBeUndefined()
      m.tasks['task-7'] = record('task-7', 'failed')
      saver.changed('task-7')
      await new Promise(r => setTimeout(r, 50))
      const reloaded = await store.loadManifest()
      expect(reloaded!.tasks['task-7'].status).toBe('failed')
      // A torn last line (the process was killed mid-append) and a line of another journal change nothing.
      const journal = path.join(store.runDir, 'manifest.journal')
      writeFileSync(journal, JSON.stringify({ journal: 'older', task: record('task-8', 'failed') }) + '\n{"journal":', { flag: 'a' })
      expect((await store.loadManifest())!.tasks['task-8'].status).toBe('pending')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

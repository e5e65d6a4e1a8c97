// The setup layer in the real @actions/cache against the local results backend: one job saves it, another job
// (its own workspace, temp and job id) restores it byte for byte with its links; a key never saved is a miss
// that says so; a save the cache refuses warns in the plan job (every task job would install) and not in a task job.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cache from '@actions/cache'
import { actionsLayerCache } from '../../src/state/actions-layer-cache.js'
import { findLayer } from '../../src/run/setup-layer.js'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { withEnv } from '../support/env.js'

let backend: ResultsBackend
let root: string

beforeAll(async () => {
  backend = await startResultsBackend()
  root = await mkdtemp(join(tmpdir(), 'layer-cache-'))
  // The toolkit prints workflow commands on stdout: keep the test log readable.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterAll(async () => {
  vi.restoreAllMocks()
  await backend?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

let jobSeq = 0
/** Runs `fn` as a fresh job of run 900 (own job id, workspace and RUNNER_TEMP) with the layers folder it gets. */
async function asJob<T>(fn: (layers: string) => Promise<T>): Promise<T> {
  const jobId = `job-${++jobSeq}`
  const dir = join(root, jobId)
  await mkdir(join(dir, 'workspace'), { recursive: true })
  await mkdir(join(dir, 'temp'), { recursive: true })
  const cwd = process.cwd()
  return withEnv({ ...backend.env(jobId, '900'), GITHUB_WORKSPACE: join(dir, 'workspace'), RUNNER_TEMP: join(dir, 'temp') }, async () => {
    process.chdir(join(dir, 'workspace'))
    try {
      return await fn(join(dir, 'temp', 'autopilot-setup'))
    } finally {
      process.chdir(cwd)
    }
  })
}

describe('the setup layer in the Actions cache', () => {
  const key = 'a'.repeat(64)

  it('a layer saved by one job is restored by another, files and links as they were; the cwd and workspace are put back', async () => {
    const saved = await asJob(async (layers) => {
      const files = join(layers, key, 'files', 'node_modules')
      await mkdir(join(files, 'pad'), { recursive: true })
      await writeFile(join(files, 'pad', 'index.js'), 'module.exports = 1\n')
      await symlink('pad/index.js', join(files, 'main.js'))
      await writeFile(join(layers, key, 'layer.json'), JSON.stringify({ key, entries: [{ path: 'node_modules', kind: 'dir' }] }))
      const warnings: string[] = []
      const before = { cwd: process.cwd(), ws: process.env.GITHUB_WORKSPACE }
      await actionsLayerCache({ cache, warn: (m) => warnings.push(m), warnOnFailedSave: true }).save(key, layers)
      expect({ cwd: process.cwd(), ws: process.env.GITHUB_WORKSPACE }).toEqual(before)
      return warnings
    })
    expect(saved).toEqual([])

    await asJob(async (layers) => {
      const seen: boolean[] = []
      const c = actionsLayerCache({ cache, warn: (m) => expect.fail(m), onRestore: (h) => seen.push(h), warnOnFailedSave: false })
      expect(await findLayer(layers, key)).toBeUndefined()
      expect(await c.restore(key, layers)).toBe(true)
      expect(seen).toEqual([true])
      const layer = await findLayer(layers, key)
      expect(layer?.entries).toEqual([{ path: 'node_modules', kind: 'dir' }])
      const files = join(layers, key, 'files', 'node_modules')
      expect(await readFile(join(files, 'pad', 'index.js'), 'utf8')).toBe('module.exports = 1\n')
      expect((await lstat(join(files, 'main.js'))).isSymbolicLink()).toBe(true)
      expect(await readlink(join(files, 'main.js'))).toBe('pad/index.js')
    })
  })

  it('a key never saved is a miss, reported to onRestore', async () => {
    await asJob(async (layers) => {
      const seen: boolean[] = []
      const c = actionsLayerCache({ cache, warn: () => {}, onRestore: (h) => seen.push(h), warnOnFailedSave: false })
      expect(await c.restore('b'.repeat(64), layers)).toBe(false)
      expect(seen).toEqual([false])
      expect(await findLayer(layers, 'b'.repeat(64))).toBeUndefined()
    })
  })

  it('a save the cache refuses (the key exists) warns in the plan job only', async () => {
    const warned = await asJob(async (layers) => {
      await mkdir(join(layers, key, 'files'), { recursive: true })
      await writeFile(join(layers, key, 'layer.json'), '{}')
      const plan: string[] = []
      const task: string[] = []
      await actionsLayerCache({ cache, warn: (m) => plan.push(m), warnOnFailedSave: true }).save(key, layers)
      await actionsLayerCache({ cache, warn: (m) => task.push(m), warnOnFailedSave: false }).save(key, layers)
      return { plan, task }
    })
    expect(warned.plan.join('\n')).toContain(`the setup layer ${key.slice(0, 12)} was not saved to the Actions cache; each task job will run setup itself`)
    expect(warned.task.filter((m) => m.includes('was not saved'))).toEqual([])
  })
})

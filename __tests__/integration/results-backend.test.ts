// The real @actions/artifact and @actions/cache against the local results backend:
// what one simulated job stores, another job (another run, for the cache) gets back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { DefaultArtifactClient } from '@actions/artifact'
import * as cache from '@actions/cache'
import { startResultsBackend, type ResultsBackend } from '../support/results-backend.js'
import { withEnv } from '../support/env.js'

let backend: ResultsBackend
let root: string

beforeAll(async () => {
  backend = await startResultsBackend()
  root = await mkdtemp(join(tmpdir(), 'results-backend-'))
})
afterAll(async () => {
  await backend?.close()
  if (root) await rm(root, { recursive: true, force: true })
})

/** Runs `fn` as job `jobId` of run `runId`: own workspace, temp dir and token; cwd = workspace. */
async function asJob<T>(jobId: string, runId: string, fn: (workspace: string) => Promise<T>): Promise<T> {
  const workspace = join(root, `run-${runId}`, jobId, 'workspace')
  const temp = join(root, `run-${runId}`, jobId, 'temp')
  await mkdir(workspace, { recursive: true })
  await mkdir(temp, { recursive: true })
  const cwd = process.cwd()
  return withEnv({ ...backend.env(jobId, runId), GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp }, async () => {
    process.chdir(workspace)
    try {
      return await fn(workspace)
    } finally {
      process.chdir(cwd)
    }
  })
}

/** Every file under `dir` as relative path -> bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = join(entry.parentPath, entry.name)
    out.set(relative(dir, full), await readFile(full))
  }
  return out
}

async function writeTree(dir: string, files: Record<string, Buffer | string>): Promise<string[]> {
  const paths: string[] = []
  for (const [rel, data] of Object.entries(files)) {
    const full = join(dir, rel)
    await mkdir(join(full, '..'), { recursive: true })
    await writeFile(full, data)
    paths.push(full)
  }
  return paths
}

describe('artifacts', () => {
  it('uploads in one job and downloads byte-identical in another job of the same run', async () => {
    const files = {
      'patch.diff': 'diff --git a/x b/x\n+hello\n',
      // Random bytes do not compress: the zip spans two 8 MiB blocks.
      'logs/step-1.bin': randomBytes(9 * 1024 * 1024),
      'logs/nested/deep/step-2.log': 'ok\n'.repeat(50_000),
      'manifest.json': JSON.stringify({ task: 'impl', status: 'succeeded' })
    }
    const uploaded = await asJob('job-a', '100', async (ws) => {
      const dir = join(ws, 'out')
      const paths = await writeTree(dir, files)
      return new DefaultArtifactClient().uploadArtifact('task-impl', paths, dir)
    })
    expect(uploaded.id).toBeGreaterThan(0)
    expect(uploaded.size).toBeGreaterThan(9 * 1024 * 1024)
    expect(backend.artifacts('100').map((a) => [a.name, a.jobId])).toEqual([['task-impl', 'job-a']])

    const downloaded = await asJob('job-b', '100', async (ws) => {
      const client = new DefaultArtifactClient()
      const { artifacts } = await client.listArtifacts()
      expect(artifacts.map((a) => a.name)).toEqual(['task-impl'])
      expect(artifacts[0].digest).toBe(`sha256:${uploaded.digest}`)
      const dest = join(ws, 'in')
      const res = await client.downloadArtifact(artifacts[0].id, { path: dest, expectedHash: artifacts[0].digest })
      expect(res.digestMismatch).toBe(false)
      return tree(dest)
    })
    const expected = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]))
    expect([...downloaded.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [k, v] of expected) expect(downloaded.get(k)?.equals(v), k).toBe(true)
  })

  it('keeps artifacts to their run, refuses a duplicate name and deletes', async () => {
    const other = await asJob('job-a', '101', async () => (await new DefaultArtifactClient().listArtifacts()).artifacts)
    expect(other).toEqual([])

    await asJob('job-c', '100', async (ws) => {
      const [file] = await writeTree(join(ws, 'dup'), { 'x.txt': 'x' })
      const client = new DefaultArtifactClient()
      await expect(client.uploadArtifact('task-impl', [file], join(ws, 'dup'))).rejects.toThrow(/409|already exists/)
      await client.deleteArtifact('task-impl')
      expect((await client.listArtifacts()).artifacts).toEqual([])
    })
  })
})

describe('cache (service v2)', () => {
  const paths = ['.autopilot/results']

  it('saves in one run and restores in a later run; a miss is undefined', async () => {
    const files = {
      'impl.patch': randomBytes(512 * 1024),
      'nested/dir/impl.json': JSON.stringify({ status: 'succeeded' })
    }
    const id = await asJob('job-a', '200', async (ws) => {
      await writeTree(join(ws, paths[0]), files)
      return cache.saveCache(paths, 'autopilot-impl-abc123')
    })
    expect(id).not.toBe(-1)
    expect(backend.caches().map((c) => c.key)).toEqual(['autopilot-impl-abc123'])

    await asJob('job-b', '201', async (ws) => {
      expect(await cache.restoreCache(paths, 'autopilot-impl-abc123')).toBe('autopilot-impl-abc123')
      const restored = await tree(join(ws, paths[0]))
      expect([...restored.keys()].sort()).toEqual(Object.keys(files).sort())
      for (const [k, v] of Object.entries(files)) expect(restored.get(k)?.equals(Buffer.from(v)), k).toBe(true)

      expect(await cache.restoreCache(paths, 'autopilot-impl-other')).toBeUndefined()
      // A restore key matches by prefix, as on GitHub.
      expect(await cache.restoreCache(paths, 'autopilot-impl-other', ['autopilot-impl-'])).toBe('autopilot-impl-abc123')
      // Same paths, another list: another version, so no hit.
      expect(await cache.restoreCache(['.autopilot'], 'autopilot-impl-abc123')).toBeUndefined()
    })
  })

  it('does not overwrite an existing entry (save answers -1)', async () => {
    const id = await asJob('job-c', '202', async (ws) => {
      await writeTree(join(ws, paths[0]), { 'a.txt': 'a' })
      return cache.saveCache(paths, 'autopilot-impl-abc123')
    })
    expect(id).toBe(-1)
  })
})

// Benchmark 6: state size. What ActionsStateStore uploads per task (result.json + patch.diff + the task's logs)
// against the size of the task's patch, raw and as the zip @actions/artifact would make (zlib level 6).
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import type { ArtifactClient } from '@actions/artifact'
import { runLocal } from '../src/run/local-run.js'
import { ActionsStateStore } from '../src/state/actions-store.js'
import { LocalStateStore } from '../src/state/local-store.js'
import { fmt, makeRepo, median, sum, table, type BenchOptions, type Section } from './util.js'

/** Zip entry overhead as archiver streams it: local header + data descriptor + central directory record. */
const ZIP_ENTRY = 30 + 16 + 46
const ZIP_END = 22

/** Bytes of the zip of `files` (paths relative to `root` as entry names), at @actions/artifact's default level. */
export function zipSize(files: string[], root: string): number {
  return ZIP_END + sum(files.map(f => ZIP_ENTRY + 2 * path.relative(root, f).length + deflateRawSync(readFileSync(f), { level: 6 }).length))
}

/** Tasks of increasing size: their steps print output (the logs) and write files (the patch). */
const TASKS = [
  { id: 'tiny', run: 'echo done\nmkdir -p out && echo 1 > out/tiny.txt', paths: ['out/tiny.txt'] },
  { id: 'small', run: 'seq 1 50\nmkdir -p out && seq 1 40 | sed "s/^/line /" > out/small.txt', paths: ['out/small.txt'] },
  { id: 'medium', run: 'seq 1 400 | sed "s/^/building module /"\nmkdir -p src && for i in $(seq 1 5); do seq 1 200 | sed "s/^/export const v$i = /" > src/m$i.ts; done', paths: ['src/**'] },
  { id: 'large', run: 'seq 1 4000 | sed "s/^/test case passed: /"\nmkdir -p lib && for i in $(seq 1 30); do seq 1 300 | sed "s/^/export function f$i() { return /" > lib/f$i.ts; done', paths: ['lib/**'] }
]

export async function stateSizeBench(o: BenchOptions): Promise<Section> {
  const repo = makeRepo()
  try {
    const issue = 66
    repo.writePlan({ issue, gates: { 'max-changed-lines': 100000, 'max-run-changed-lines': 100000 }, tasks: TASKS.map(t => ({ id: t.id, paths: t.paths, steps: [{ run: t.run }] })) })
    o.log('state size: running 4 tasks of increasing size')
    const res = await runLocal({ planArg: String(issue), cwd: repo.repo, env: repo.env, jobs: 2, fresh: true, out: () => {}, isTTY: false })
    if (res.exitCode !== 0) {
      const bad = Object.values(res.manifest.tasks).filter(t => t.status !== 'succeeded')
      throw new Error(`state size: the run failed (exit ${res.exitCode}): ${bad.map(t => `${t.id}: ${t.reason}`).join('; ')} ${res.integrationProblem ?? ''}`)
    }
    const uploaded: { name: string; files: string[]; root: string }[] = []
    const artifacts = {
      uploadArtifact: async (name: string, files: string[], root: string) => {
        uploaded.push({ name, files, root })
        return { id: uploaded.length, size: 0 }
      }
    } as unknown as ArtifactClient
    const noCache = { saveCache: async () => -1, restoreCache: async () => undefined }
    const actions = new ActionsStateStore({ artifacts, cache: noCache, runId: '1', runAttempt: '1', tempDir: path.join(repo.root, 'runner-temp'), scope: String(issue), warn: () => {} })
    const local = new LocalStateStore(repo.repo, issue)
    const rows: { id: string; patch: number; raw: number; zip: number; files: number; logs: number }[] = []
    for (const t of TASKS) {
      const result = (await local.loadResult(t.id))!
      const logDir = path.join(repo.repo, path.dirname(result.record.log!))
      await actions.saveResult(result, logDir)
      const up = uploaded[uploaded.length - 1]
      const size = (f: string) => statSync(f).size
      const logs = sum(up.files.filter(f => !/\/(result\.json|patch\.diff)$/.test(f)).map(size))
      rows.push({ id: t.id, patch: result.patch.length, raw: sum(up.files.map(size)), zip: zipSize(up.files, up.root), files: up.files.length, logs })
    }
    const body = [
      'A real run of four tasks; each result is then saved through `ActionsStateStore.saveResult` with a recording',
      'artifact client, so the file list is exactly what would be uploaded. Zipped size computed with node:zlib at',
      "@actions/artifact's default level 6, plus zip headers.",
      '',
      table(
        ['task', 'patch', 'logs', 'files uploaded', 'artifact raw', 'artifact zipped', 'raw / patch', 'zipped / patch'],
        rows.map(r => [r.id, `${r.patch} B`, `${r.logs} B`, r.files, `${r.raw} B`, `${r.zip} B`, fmt(r.raw / r.patch), fmt(r.zip / r.patch)])
      ),
      '',
      'The fixed part (result.json with gate decisions, the step and task logs) dominates small patches; above a few',
      'kilobytes of patch the zipped artifact is smaller than the patch itself.'
    ].join('\n')
    const large = rows[rows.length - 1]
    return {
      title: 'State size',
      body,
      headline:
        `State: a task's artifact (result, patch, logs) zips to ${fmt(rows[0].zip / 1024, 1)} KiB for a one-line change and ` +
        `${fmt(large.zip / 1024, 0)} KiB for a ${fmt(large.patch / 1024, 0)} KiB patch (${fmt(large.zip / large.patch)}× the patch).`,
      figures: {
        'median zipped bytes / task': median(rows.map(r => r.zip)),
        'zipped / patch (largest task)': rows[rows.length - 1].zip / rows[rows.length - 1].patch
      }
    }
  } finally {
    repo.cleanup()
  }
}

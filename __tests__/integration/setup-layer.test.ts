// The setup layer: its cache key, the entries git lists, keeping and finding a layer, and attaching it to a worktree.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../../src/plan/load.js'
import { attachLayer, findLayer, keepLayer, layerEntries, setupKey, withOverlays } from '../../src/run/setup-layer.js'

const plan = (setup: string) => parsePlan(`version: 1\nissue: 5\ntitle: t\n${setup}tasks:\n  - id: a\n    steps: [{ run: make }]\n`, 'p.yaml').plan

describe('setupKey', () => {
  const p = plan('setup:\n  - run: npm ci\n')
  const files = [{ path: 'package-lock.json', oid: 'a'.repeat(40) }]
  it('is stable, whatever the order of the key files', () => {
    const two = [...files, { path: 'sub/package-lock.json', oid: 'b'.repeat(40) }]
    expect(setupKey(p, two)).toBe(setupKey(p, [...two].reverse()))
  })
  it('changes with a lock file, and with the setup steps', () => {
    expect(setupKey(p, [{ path: 'package-lock.json', oid: 'c'.repeat(40) }])).not.toBe(setupKey(p, files))
    expect(setupKey(plan('setup:\n  - run: npm install\n'), files)).not.toBe(setupKey(p, files))
  })
})

describe('layerEntries', () => {
  it('folders end in / and .git is never part of a layer', () => {
    expect(layerEntries(['node_modules/', 'src/_version.py', '.git/', ''])).toEqual([
      { path: 'node_modules', kind: 'dir' },
      { path: 'src/_version.py', kind: 'file' }
    ])
  })
})

describe('a kept layer', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'layer-'))
  const setupTree = path.join(root, 'setup-wt')
  mkdirSync(path.join(setupTree, 'node_modules/pkg'), { recursive: true })
  mkdirSync(path.join(setupTree, 'src'), { recursive: true })
  writeFileSync(path.join(setupTree, 'node_modules/pkg/index.js'), 'v1\n')
  writeFileSync(path.join(setupTree, 'src/_version.py'), 'version = "1.0"\n')
  const entries = layerEntries(['node_modules/', 'src/_version.py'])

  it('is found again by its key, and not before it is complete', async () => {
    expect(await findLayer(path.join(root, 'layers'), 'k1')).toBeUndefined()
    const kept = await keepLayer(path.join(root, 'layers'), 'k1', setupTree, entries)
    expect(existsSync(path.join(setupTree, 'node_modules'))).toBe(false)
    expect(await findLayer(path.join(root, 'layers'), 'k1')).toEqual(kept)
  })

  it('attaches: files copied, folders as overlays a task may change without touching the layer', async () => {
    const layer = (await findLayer(path.join(root, 'layers'), 'k1'))!
    const wt = path.join(root, 'task-wt')
    mkdirSync(path.join(wt, 'src'), { recursive: true })
    const mounts = await attachLayer(layer, wt, path.join(root, 'scratch'))
    expect(readFileSync(path.join(wt, 'src/_version.py'), 'utf8')).toBe('version = "1.0"\n')
    expect(mounts).toHaveLength(1)
    expect(readdirSync(path.join(wt, 'node_modules'))).toEqual([])
    const argv = withOverlays('unshare', 'sh', mounts, [
      'sh',
      '-c',
      'cat "$1/node_modules/pkg/index.js" && echo v2 >> "$1/node_modules/pkg/index.js" && cat "$1/node_modules/pkg/index.js"',
      'x',
      wt
    ])
    const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('v1\nv1\nv2\n')
    // The layer is unchanged, the task's change is in its own upper folder, and the worktree shows an empty mount point.
    expect(readFileSync(path.join(layer.dir, 'files/node_modules/pkg/index.js'), 'utf8')).toBe('v1\n')
    expect(readFileSync(path.join(mounts[0].upper, 'pkg/index.js'), 'utf8')).toBe('v1\nv2\n')
    expect(readdirSync(path.join(wt, 'node_modules'))).toEqual([])
  })

  it('paths with commas and colons survive the overlay options', async () => {
    const layer = (await findLayer(path.join(root, 'layers'), 'k1'))!
    const wt = path.join(root, 'odd,dir:x')
    mkdirSync(wt, { recursive: true })
    const mounts = await attachLayer(layer, wt, path.join(root, 'scr,atch:2'))
    const argv = withOverlays('unshare', 'sh', mounts, ['cat', path.join(wt, 'node_modules/pkg/index.js')])
    const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('v1\n')
  })
})

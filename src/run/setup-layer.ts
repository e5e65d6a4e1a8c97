/**
 * The setup layer: what the plan's `setup` steps leave that git ignores
 * (node_modules, .venv, target/, generated files), kept once per setup key and
 * put into every task's worktree without copying it byte by byte. Folders are
 * mounted as an overlay inside the task's sandbox (the layer read-only below,
 * the task's own writable folder above, so a task may change its copy and no
 * other task sees it); single files are copied. Outside the sandbox the
 * worktree shows only empty mount points, so nothing of the layer can reach a
 * task's diff.
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Plan } from '../plan/schema.js'
import type { CommandExecutor } from './executor.js'
import type { Workspace } from './workspace.js'
import type { SandboxSpec } from './sandbox.js'
import { canonicalJson, sha256 } from '../state/keys.js'
import { exists, readJson, writeAtomic } from '../state/files.js'
import { keyedEnv } from '../plan/plan-files.js'

/** One top-level ignored entry of the setup's result, relative to the repository root. */
export interface LayerEntry {
  path: string
  kind: 'dir' | 'file'
}

/** A finished layer on disk: `<dir>/files/<entry.path>` for every entry. */
export interface SetupLayer {
  key: string
  dir: string
  entries: LayerEntry[]
}

/** An overlay to mount over `target` inside a step's sandbox. */
export interface OverlayMount {
  /** Read-only lower folder (the layer's copy). */
  lower: string
  /** The task's own writable folder, kept across its steps. */
  upper: string
  /** overlayfs's work folder (same filesystem as `upper`). */
  work: string
  /** Absolute path in the worktree where the folder appears. */
  target: string
}

/**
 * The setup cache key: the setup steps (and the defaults that shape how they run)
 * and the blob ids of the key files at the base commit (a blob id is a hash of the content).
 */
export function setupKey(plan: Plan, keyFiles: { path: string; oid: string }[]): string {
  const files = [...keyFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return sha256(canonicalJson({ v: 1, setup: plan.setup, shell: plan.defaults.shell, env: keyedEnv(plan.defaults.env), files }))
}

/** The entries of `git ls-files --others --ignored --exclude-standard --directory` output (folders end in `/`). */
export function layerEntries(listed: string[]): LayerEntry[] {
  return listed
    .filter(p => p.length > 0 && p !== '.git' && !p.startsWith('.git/'))
    .map(p => (p.endsWith('/') ? { path: p.slice(0, -1), kind: 'dir' as const } : { path: p, kind: 'file' as const }))
}

const LAYER_FILE = 'layer.json'

/** The layer kept under `root` for `key`, when a complete one is there. */
export async function findLayer(root: string, key: string): Promise<SetupLayer | undefined> {
  const dir = path.join(root, key)
  const meta = await readJson<{ entries: LayerEntry[] }>(path.join(dir, LAYER_FILE))
  return meta ? { key, dir, entries: meta.entries } : undefined
}

/**
 * Moves `entries` out of the setup worktree into a new layer under `root/<key>`.
 * Written into a temporary folder and renamed, so a killed run never leaves half a layer that looks whole.
 */
export async function keepLayer(root: string, key: string, worktree: string, entries: LayerEntry[]): Promise<SetupLayer> {
  const dir = path.join(root, key)
  const tmp = `${dir}.${process.pid}.tmp`
  await rm(tmp, { recursive: true, force: true })
  await mkdir(path.join(tmp, 'files'), { recursive: true })
  for (const e of entries) {
    const to = path.join(tmp, 'files', e.path)
    await mkdir(path.dirname(to), { recursive: true })
    await rename(path.join(worktree, e.path), to)
  }
  await writeAtomic(path.join(tmp, LAYER_FILE), JSON.stringify({ key, entries }, null, 2))
  await rm(dir, { recursive: true, force: true })
  await rename(tmp, dir)
  return { key, dir, entries }
}

/** Keeps the newest `keep` layers under `root` and removes the rest (each can be large). */
export async function pruneLayers(root: string, keepKey: string, keep = 2): Promise<void> {
  if (!(await exists(root))) return
  const names = (await readdir(root, { withFileTypes: true })).filter(d => d.isDirectory() && d.name !== keepKey).map(d => d.name)
  const dated = await Promise.all(names.map(async n => ({ n, t: (await stat(path.join(root, n))).mtimeMs })))
  dated.sort((a, b) => b.t - a.t)
  for (const { n } of dated.slice(Math.max(0, keep - 1))) await rm(path.join(root, n), { recursive: true, force: true })
}

/**
 * Puts the layer into a task's worktree: files copied, folders as overlays for the sandbox
 * (an empty mount point is made in the worktree). `scratch` is the task's own folder for the upper layers.
 * `copyDirs` copies folders too, for steps that run without the sandbox (`sandbox: off`).
 */
export async function attachLayer(
  layer: SetupLayer,
  worktree: string,
  scratch: string,
  copyDirs = false
): Promise<OverlayMount[]> {
  const mounts: OverlayMount[] = []
  for (const [i, e] of layer.entries.entries()) {
    const from = path.join(layer.dir, 'files', e.path)
    const target = path.join(worktree, e.path)
    if (e.kind === 'file' || copyDirs) {
      await mkdir(path.dirname(target), { recursive: true })
      await cp(from, target, { recursive: true, force: true, preserveTimestamps: true, verbatimSymlinks: true })
      continue
    }
    await mkdir(target, { recursive: true })
    const upper = path.join(scratch, `upper-${i}`)
    const work = path.join(scratch, `work-${i}`)
    await mkdir(upper, { recursive: true })
    await mkdir(work, { recursive: true })
    mounts.push({ lower: from, upper, work, target })
  }
  return mounts
}

/** Mounts each `-o options` `target` pair before `--`, then execs the rest; runs as root of its own namespaces. */
const OVERLAY_LAUNCHER =
  'while [ "$1" != "--" ]; do mount -t overlay overlay -o "$1" "$2" || ' +
  '{ echo "autopilot sandbox: cannot mount the setup layer at $2" >&2; exit 125; }; shift 2; done; shift; exec "$@"'

/**
 * `argv` (the sandbox's command line) preceded by a private user and mount namespace in which the
 * overlays are mounted: bubblewrap then binds the worktree with them inside and drops every capability,
 * so the step can use but never unmount them. Values are passed as arguments, never parsed by a shell.
 */
export function withOverlays(unshare: string, sh: string, mounts: OverlayMount[], argv: string[]): string[] {
  if (mounts.length === 0) return argv
  // overlayfs option values escape "," and ":" with a backslash.
  const esc = (p: string) => p.replace(/([\\,:])/g, '\\$1')
  const pairs = mounts.flatMap(m => [`lowerdir=${esc(m.lower)},upperdir=${esc(m.upper)},workdir=${esc(m.work)}`, m.target])
  return [unshare, '--user', '--map-root-user', '--mount', '--', sh, '-c', OVERLAY_LAUNCHER, 'autopilot-layer', ...pairs, '--', ...argv]
}

/**
 * The layer in worktree `name` of the workspace: overlays for the task's sandbox, or (where steps run
 * without the sandbox) copies. The task's upper folders live in a temp folder of its own.
 */
export async function attachSetup(
  layer: SetupLayer | undefined,
  workspace: Workspace,
  name: string,
  executor: CommandExecutor,
  spec: SandboxSpec | undefined
): Promise<void> {
  if (!layer) return
  const sandboxed = spec !== undefined && executor.sandboxOn !== false
  const mounts = await attachLayer(layer, workspace.worktreePath(name), await workspace.freshTmp(`${name}-layer`), !sandboxed)
  if (spec) spec.overlays = mounts
}

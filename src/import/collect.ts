// Reading the input of `autopilot import` from disk: a file, or a folder's plan files (the only filesystem access of src/import).
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import type { SourceFile } from './types.js'

/** Files a folder import reads besides its own top-level ones (Taskmaster layouts). */
const NESTED = ['tasks/tasks.json', '.taskmaster/tasks/tasks.json']
const READABLE = /\.(md|markdown|json|ya?ml)$/i
/** Larger inputs are not plans; refusing them keeps a mistaken path from eating memory. */
const MAX_BYTES = 5 * 1024 * 1024

export interface CollectedInput {
  isDir: boolean
  /** Folder or file base name (an OpenSpec change id, an epic name). */
  name: string
  files: SourceFile[]
}

/** Read `target` (relative to `cwd`); file paths in messages are shown relative to `cwd`. */
export async function collect(target: string, cwd: string): Promise<CollectedInput> {
  const abs = path.resolve(cwd, target)
  let info
  try {
    info = await stat(abs)
  } catch {
    throw new UsageError(`${target}: no such file or folder`)
  }
  const show = (p: string) => {
    const rel = path.relative(cwd, p)
    return rel && !rel.startsWith('..') ? rel : p
  }
  if (!info.isDirectory()) {
    return { isDir: false, name: path.basename(path.dirname(abs)), files: [await readOne(abs, show(abs))] }
  }
  const entries = (await readdir(abs, { withFileTypes: true })).filter((e) => e.isFile() && READABLE.test(e.name)).map((e) => e.name).sort()
  const rels = [...entries, ...NESTED.filter((n) => existsSync(path.join(abs, n)))]
  const files = await Promise.all(rels.map((r) => readOne(path.join(abs, r), show(path.join(abs, r)))))
  return { isDir: true, name: path.basename(abs), files }
}

/** The other plan files next to `file` (for formats that span a folder: OpenSpec, CCPM). */
export async function siblings(file: string, cwd: string): Promise<SourceFile[]> {
  return (await collect(path.dirname(path.resolve(cwd, file)), cwd)).files
}

async function readOne(abs: string, shown: string): Promise<SourceFile> {
  try {
    const s = await stat(abs)
    if (s.size > MAX_BYTES) throw new UsageError(`${shown}: ${s.size} bytes is too large for a plan source (limit ${MAX_BYTES})`)
    return { path: shown, text: await readFile(abs, 'utf8') }
  } catch (e) {
    if (e instanceof UsageError) throw e
    throw new UsageError(`${shown}: cannot read: ${(e as Error).message}`)
  }
}

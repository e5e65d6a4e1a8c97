/** Small file helpers for state: atomic writes, JSON, and self-ignoring state folders. */
import { mkdir, readFile, writeFile, access } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/** Writes via a temporary file + fsync + rename, so readers never see half a file. */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFileAtomic(file, data, { fsync: true })
}

export async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/**
 * Creates `dir` with a `.gitignore` of `*`, so autopilot's state never shows up
 * in `git status` and the user's own .gitignore is left alone.
 */
export async function ensureIgnoredDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const marker = join(dir, '.gitignore')
  if (!(await exists(marker))) await writeFile(marker, '# autopilot state: never committed\n*\n')
}

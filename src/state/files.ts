/** Small file helpers for state: atomic writes, JSON, and self-ignoring state folders. */
import { mkdir, open, readFile, rename, rm, writeFile, access } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Writes via a temporary file + fsync + rename, so readers never see half a
 * file and a full disk leaves the previous version intact. Hand-written (ten
 * lines) because write-file-atomic reads CommonJS `__filename`, which is
 * undefined in the ESM bundle ncc produces.
 */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (e) {
    await handle.close()
    await rm(tmp, { force: true })
    throw e
  }
  await handle.close()
  await rename(tmp, file)
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

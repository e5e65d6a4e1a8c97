/**
 * One run of a plan at a time: a lock file created exclusively, holding the
 * owner's pid. A lock whose process is gone (a crash, kill -9) is taken over.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { hostname } from 'node:os'
import { StoppedError } from '../errors.js'

export interface Lock {
  release(): Promise<void>
  /** Set when a stale lock from a dead process was taken over. */
  tookOverFrom?: number
}

/** `what` names the holder in the refusal (default: a run of this plan). */
export async function acquireLock(file: string, what = 'autopilot run of this plan'): Promise<Lock> {
  await mkdir(dirname(file), { recursive: true })
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })
  let tookOverFrom: number | undefined
  for (let tries = 0; tries < 20; tries++) {
    if (await createWith(file, me)) return { tookOverFrom, release: () => rm(file, { force: true }) }
    const owner = await readLockOwner(file)
    if (owner && owner.host === hostname() && isAlive(owner.pid)) {
      throw new StoppedError(
        `another ${what} is in progress (pid ${owner.pid}, since ${owner.since}); ` +
          `wait for it to finish, or stop it. Lock file: ${file}`
      )
    }
    // A stale lock. Two runs starting at once must not both take it over (one could delete the
    // other's fresh lock), so only the holder of a second, short-lived lock may remove it.
    const guard = `${file}.takeover`
    if (!(await createWith(guard, me))) {
      const holder = await readLockOwner(guard)
      if (!holder || !isAlive(holder.pid)) await rm(guard, { force: true })
      await new Promise(resolve => setTimeout(resolve, 25))
      continue
    }
    try {
      const now = await readLockOwner(file)
      // Unchanged since we judged it stale: still the dead owner's (or gone).
      if (!now || (now.pid === owner?.pid && now.since === owner?.since)) {
        tookOverFrom = owner?.pid
        await rm(file, { force: true })
      }
    } finally {
      await rm(guard, { force: true })
    }
  }
  throw new StoppedError(`could not take the lock ${file}; remove it if no autopilot run is active`)
}

/**
 * Creates `file` with `content` only if it does not exist, atomically and with
 * its content in place (a hard link of a finished temp file): a reader never
 * sees an empty lock and takes it for a dead one.
 */
async function createWith(file: string, content: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
  await writeFile(tmp, content)
  try {
    await link(tmp, file)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  } finally {
    await rm(tmp, { force: true })
  }
}

/** The owner recorded in a lock file, if it can be read. */
export async function readLockOwner(file: string): Promise<{ pid: number; host: string; since: string } | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** The owner of lock `file` while its process lives; undefined when there is no lock or its owner is gone. */
export async function liveOwner(file: string): Promise<{ pid: number; host: string; since: string } | undefined> {
  const owner = await readLockOwner(file)
  return owner?.pid && isAlive(owner.pid) ? owner : undefined
}

/** Is process `pid` running (on this host)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

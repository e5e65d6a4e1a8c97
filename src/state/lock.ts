/**
 * One run of a plan at a time: a lock file created exclusively, holding the
 * owner's pid. A lock whose process is gone (a crash, kill -9) is taken over.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { hostname } from 'node:os'
import { StoppedError } from '../errors.js'

export interface Lock {
  release(): Promise<void>
  /** Set when a stale lock from a dead process was taken over. */
  tookOverFrom?: number
}

export async function acquireLock(file: string): Promise<Lock> {
  await mkdir(dirname(file), { recursive: true })
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })
  let tookOverFrom: number | undefined
  for (let tries = 0; tries < 3; tries++) {
    try {
      await writeFile(file, me, { flag: 'wx' })
      return { tookOverFrom, release: () => rm(file, { force: true }) }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const owner = await readLockOwner(file)
    if (owner && owner.host === hostname() && isAlive(owner.pid)) {
      throw new StoppedError(
        `another autopilot run of this plan is in progress (pid ${owner.pid}, since ${owner.since}); ` +
          `wait for it to finish, or stop it. Lock file: ${file}`
      )
    }
    tookOverFrom = owner?.pid
    await rm(file, { force: true })
  }
  throw new StoppedError(`could not take the lock ${file}; remove it if no autopilot run is active`)
}

/** The owner recorded in a lock file, if it can be read. */
export async function readLockOwner(file: string): Promise<{ pid: number; host: string; since: string } | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return undefined
  }
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

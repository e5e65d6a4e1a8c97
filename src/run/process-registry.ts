/**
 * Which step process groups a run has started, on disk, so that after a
 * kill -9 of autopilot the next run (or `autopilot clean`) can stop the steps
 * it left running. A recorded group is killed only if its leader still carries
 * this plan's AUTOPILOT_ISSUE in its environment, so a reused pid is left alone.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface ProcessTracker {
  started(pid: number): void
  ended(pid: number): void
}

/** Records one file per live step process group under `dir`. Synchronous: the record must exist before a crash. */
export function processRegistry(dir: string): ProcessTracker {
  mkdirSync(dir, { recursive: true })
  return {
    started: pid => writeFileSync(join(dir, String(pid)), ''),
    ended: pid => rmSync(join(dir, String(pid)), { force: true })
  }
}

/** Kills the recorded groups still running for `issue`; returns their pids. */
export function killStrays(dir: string, issue: number): number[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  const killed: number[] = []
  for (const name of entries) {
    const pid = Number(name)
    if (Number.isInteger(pid) && pid > 1 && isOurs(pid, issue)) {
      try {
        process.kill(-pid, 'SIGKILL')
        killed.push(pid)
      } catch {
        // already gone
      }
    }
    rmSync(join(dir, name), { force: true })
  }
  return killed
}

function isOurs(pid: number, issue: number): boolean {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0')
    return env.includes('AUTOPILOT=1') && env.includes(`AUTOPILOT_ISSUE=${issue}`)
  } catch {
    return false
  }
}

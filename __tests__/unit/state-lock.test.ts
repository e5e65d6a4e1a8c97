// The run lock: one holder at a time, a dead holder's lock taken over once, never by two at the same moment.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { acquireLock } from '../../src/state/lock.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach(d => rmSync(d, { recursive: true, force: true })))
function lockFile(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'lock-'))
  dirs.push(d)
  return path.join(d, 'lock')
}
/** A pid that has just exited. */
function deadPid(): number {
  return spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim() as unknown as number
}

it('gives the lock to one holder; a second gets a clear StoppedError until it is released', async () => {
  const file = lockFile()
  const first = await acquireLock(file)
  await expect(acquireLock(file)).rejects.toThrow(/another autopilot run of this plan is in progress \(pid \d+/)
  await first.release()
  await (await acquireLock(file)).release()
})

it('takes over the lock of a dead process and says whose it was', async () => {
  const file = lockFile()
  const pid = Number(deadPid())
  writeFileSync(file, JSON.stringify({ pid, host: hostname(), since: '2020-01-01T00:00:00Z' }))
  const lock = await acquireLock(file)
  expect(lock.tookOverFrom).toBe(pid)
  await lock.release()
})

it('lets exactly one of many simultaneous runs take over a stale lock', async () => {
  for (let round = 0; round < 5; round++) {
    const file = lockFile()
    writeFileSync(file, JSON.stringify({ pid: Number(deadPid()), host: hostname(), since: '2020-01-01T00:00:00Z' }))
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireLock(file)))
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    // No temp or guard files are left behind.
    expect(readdirSync(path.dirname(file))).toEqual(['lock'])
  }
})

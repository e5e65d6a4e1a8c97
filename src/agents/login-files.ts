/**
 * Where each agent's own login lives under the caller's HOME (`codex login`,
 * `claude login`, gemini's "Login with Google", copilot's device login): the
 * files a driver names that exist. They are the only part of the caller's HOME
 * an agent step may see (read-only), and only that agent's steps.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import type { AgentDriver } from './driver.js'

/** Is the agent logged in under `home` (the first of its login files exists)? */
export function loggedIn(driver: Pick<AgentDriver, 'loginFiles'>, home: string | undefined): boolean {
  return driver.loginFiles.length > 0 && loginFilesFound({ loginFiles: driver.loginFiles.slice(0, 1) }, home).length > 0
}

/** Absolute paths of `driver.loginFiles` that exist as regular files under `home`. */
export function loginFilesFound(driver: Pick<AgentDriver, 'loginFiles'>, home: string | undefined): string[] {
  if (!home) return []
  return driver.loginFiles
    .map((f) => join(home, f))
    .filter((p) => {
      try {
        return statSync(p).isFile()
      } catch {
        return false
      }
    })
}

/**
 * Where each agent's own login lives under the caller's HOME (`codex login`,
 * `claude login`, gemini's "Login with Google", copilot's device login): the
 * files a driver names that exist. They are the only part of the caller's HOME
 * an agent step may see (read-only), and only that agent's steps.
 */
import { statSync } from 'node:fs'
import { isAbsolute, join, relative } from 'node:path'
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

/**
 * Read-only binds for a call's login files: each at the same place under the step's own HOME
 * as under the caller's. For the sandbox's `readOnly` list of that agent's call only.
 */
export function loginBinds(files: string[], callerHome: string, stepHome: string): { source: string; dest: string }[] {
  return files
    .map((source) => ({ source, rel: relative(callerHome, source) }))
    .filter(({ rel }) => rel !== '' && !rel.startsWith('..') && !isAbsolute(rel))
    .map(({ source, rel }) => ({ source, dest: join(stepHome, rel) }))
}

/** One line per agent for `autopilot doctor`: the login files its steps would see (read-only), or none. */
export function loginReport(drivers: Pick<AgentDriver, 'name' | 'loginFiles'>[], home: string | undefined): string[] {
  return drivers.map((d) => {
    const found = loginFilesFound(d, home)
    if (d.loginFiles.length === 0) return `${d.name}: no login files (credentials from the environment only)`
    if (found.length === 0) return `${d.name}: not logged in (none of ~/${d.loginFiles.join(', ~/')})`
    const shown = found.map((f) => `~/${relative(home!, f)}`).join(', ')
    return `${d.name}: ${loggedIn(d, home) ? 'logged in' : 'settings only'}; its steps see, read-only: ${shown}`
  })
}

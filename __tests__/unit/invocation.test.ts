// The command autopilot suggests follows how the user started it (issue 17: `npx autopilot` ran another package).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli.js'
import { DEFAULT_INVOCATION, invocationOf, PACKAGE_NAME, suggestCommand } from '../../src/invocation.js'

describe('invocationOf', () => {
  it.each([
    ['/home/u/.npm/_npx/5f2a/node_modules/.bin/autopilot', '/home/u/app', `npx ${PACKAGE_NAME}`],
    ['/home/u/app/node_modules/.bin/autopilot', '/home/u/app', 'npx autopilot'],
    ['/home/u/app/node_modules/autopilot-action/bin/autopilot.js', '/home/u/app/sub', 'npx autopilot'],
    ['/usr/local/bin/autopilot', '/home/u/app', 'autopilot'],
    ['/home/u/autopilot-action/bin/autopilot.js', '/home/u/autopilot-action', 'node bin/autopilot.js'],
    ['/home/u/autopilot-action/bin/autopilot.js', '/tmp/demo', 'node /home/u/autopilot-action/bin/autopilot.js'],
    ['/somewhere/else/src/bin.ts', '/home/u/app', DEFAULT_INVOCATION],
    [undefined, '/home/u/app', DEFAULT_INVOCATION]
  ])('%s from %s -> %s', (script, cwd, expected) => {
    expect(invocationOf(script, cwd)).toBe(expected)
  })

  it('suggests full commands, defaulting to the published package through npx', () => {
    expect(suggestCommand('npx autopilot', 'run 653')).toBe('npx autopilot run 653')
    expect(suggestCommand(undefined, 'run ')).toBe('npx autopilot-action run')
  })

  it('points an unknown command at --help the way autopilot was started', async () => {
    const err: string[] = []
    const io = { out: () => {}, err: (t: string) => void err.push(t), cwd: '/', env: {}, isTTY: false, invocation: 'npx autopilot' }
    expect(await main(['valdate'], io)).toBe(2)
    expect(err.join('')).toMatch(/\(see npx autopilot --help\)$/)
  })

  it('names the package package.json publishes, which is installable (not private) and has no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(pkg.name).toBe(PACKAGE_NAME)
    expect(pkg.private).toBeUndefined()
    expect(pkg.bin).toEqual({ autopilot: 'bin/autopilot.js' })
    // Everything runs from the ncc bundle: a runtime dependency would make an offline install fail.
    expect(pkg.dependencies ?? {}).toEqual({})
  })
})

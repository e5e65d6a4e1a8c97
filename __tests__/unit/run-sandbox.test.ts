// The sandbox as data: which programs autopilot starts (system folders only, never PATH), the bubblewrap
// argument vector every step gets, what an agent CLI outside the system folders needs bound, and the
// AppArmor profile the action loads on hosted runners.
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { programPath, resolveArgv, resolvePrograms, systemPrograms } from '../../src/run/programs.js'
import { bwrapArgv, programBinds, SYSTEM_VIEW, type HostLayout } from '../../src/run/sandbox.js'
import { bwrapProfile } from '../../src/run/enable-namespaces.js'

const layout: HostLayout = {
  dirs: ['/usr', '/etc'],
  links: [{ path: '/bin', target: 'usr/bin' }],
  hidden: ['/etc/shadow'],
  extraFiles: ['/run/systemd/resolve/stub-resolv.conf']
}
const base = { bwrap: '/usr/bin/bwrap', layout, spec: { writable: ['/w/wt/a', '/w/tmp/a'] }, cwd: '/w/wt/a' }

function exe(file: string) {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, '#!/bin/sh\n')
  chmodSync(file, 0o755)
}

describe('programs', () => {
  it('come from the given system folders in order, whatever PATH says', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'autopilot-programs-'))
    exe(path.join(root, 'a', 'git'))
    exe(path.join(root, 'b', 'git'))
    exe(path.join(root, 'b', 'bwrap'))
    writeFileSync(path.join(root, 'a', 'sh'), 'not executable')
    exe(path.join(root, 'b', 'sh'))
    const found = resolvePrograms([path.join(root, 'a'), path.join(root, 'b')])
    expect(found).toEqual({ git: path.join(root, 'a', 'git'), bwrap: path.join(root, 'b', 'bwrap'), sh: path.join(root, 'b', 'sh') })
    expect(() => programPath(found, 'prlimit')).toThrow(/apt-get install -y util-linux/)
  })

  it('are resolved once, to absolute system paths, and replace bare names only', () => {
    const p = systemPrograms()
    expect(systemPrograms()).toBe(p)
    expect(p.git).toMatch(/^\/(usr\/)?(local\/)?s?bin\/git$/)
    expect(resolveArgv(p, ['git', 'status'])).toEqual([p.git, 'status'])
    expect(resolveArgv(p, ['bash', '-c', 'x'])[0]).toBe(p.bash)
    expect(resolveArgv(p, ['./git', 'x'])).toEqual(['./git', 'x'])
    expect(resolveArgv(p, ['codex', 'exec'])).toEqual(['codex', 'exec'])
  })
})

describe('bwrapArgv', () => {
  it('unshares every namespace, drops every capability, and shows only what it names', () => {
    const a = bwrapArgv(['/usr/bin/bash', '-c', 'x'], { ...base, denyNetwork: false })
    const text = a.join(' ')
    expect(a[0]).toBe('/usr/bin/bwrap')
    for (const flag of ['--unshare-user', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--die-with-parent', '--new-session']) {
      expect(a).toContain(flag)
    }
    expect(text).toContain('--cap-drop ALL')
    expect(a).not.toContain('--unshare-net')
    // Nested sandboxes (codex brings bubblewrap) need user namespaces inside.
    expect(a).not.toContain('--disable-userns')
    expect(text).toContain('--ro-bind /usr /usr --ro-bind /etc /etc --symlink usr/bin /bin --ro-bind /dev/null /etc/shadow')
    expect(text).toContain('--proc /proc --dev /dev --tmpfs /dev/shm --tmpfs /tmp --bind /w/wt/a /w/wt/a --bind /w/tmp/a /w/tmp/a')
    expect(text).toContain('--ro-bind-try /run/systemd/resolve/stub-resolv.conf /run/systemd/resolve/stub-resolv.conf')
    expect(text).not.toMatch(/--(ro-)?bind \/ \//)
    expect(text).toContain('--remount-ro / --chdir /w/wt/a -- /usr/bin/bash -c x')
  })

  it('adds a network namespace under deny (and drops the resolver link), and prlimit with limits', () => {
    const a = bwrapArgv(['x'], { ...base, denyNetwork: true, prlimit: '/usr/bin/prlimit', limits: { memoryMb: 64, processes: 50 } })
    expect(a).toContain('--unshare-net')
    expect(a.join(' ')).not.toContain('stub-resolv.conf')
    expect(a.slice(a.indexOf('--') + 1)).toEqual(['/usr/bin/prlimit', `--data=${64 * 1024 * 1024}`, '--nproc=50', '--', 'x'])
  })

  it('binds extra read-only folders after the writable ones (credentials, object stores)', () => {
    const a = bwrapArgv(['x'], { ...base, spec: { ...base.spec, readOnly: [{ source: '/h/.codex/auth.json', dest: '/w/home/a/.codex/auth.json' }] }, denyNetwork: false })
    expect(a.join(' ')).toContain('--bind /w/tmp/a /w/tmp/a --ro-bind-try /h/.codex/auth.json /w/home/a/.codex/auth.json')
  })
})

describe('programBinds', () => {
  it("binds an npm-installed CLI's node_modules, not more, and nothing for system or worktree programs", () => {
    const root = mkdtempSync(path.join(tmpdir(), 'autopilot-clis-'))
    const pkg = path.join(root, 'node_modules', '@x', 'cli', 'bin', 'cli.js')
    exe(pkg)
    mkdirSync(path.join(root, 'node_modules', '.bin'))
    symlinkSync('../@x/cli/bin/cli.js', path.join(root, 'node_modules', '.bin', 'xcli'))
    const binds = programBinds('xcli', `/usr/bin:${path.join(root, 'node_modules', '.bin')}`, '/', SYSTEM_VIEW, [])
    expect(binds).toEqual([{ source: path.join(root, 'node_modules'), dest: path.join(root, 'node_modules') }])
    expect(programBinds('sh', '/usr/bin:/bin', '/', SYSTEM_VIEW, [])).toEqual([])
    expect(programBinds(pkg, '', '/', SYSTEM_VIEW, [root])).toEqual([])
    expect(programBinds('no-such-program', '/usr/bin', '/', SYSTEM_VIEW, [])).toEqual([])
  })
})

describe('the AppArmor profile for hosted runners', () => {
  it('lets only bwrap create user namespaces', () => {
    expect(bwrapProfile('/usr/bin/bwrap')).toBe(
      'abi <abi/4.0>,\ninclude <tunables/global>\n\nprofile autopilot-bwrap /usr/bin/bwrap flags=(unconfined) {\n  userns,\n\n  include if exists <local/autopilot-bwrap>\n}\n'
    )
  })
})

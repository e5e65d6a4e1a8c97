// Sandbox probes (issue #10, "Sandbox probes in CI"): through the real CLI, steps that try what a hostile
// step would try (unmount, remount, look for the user's checkout, other tasks, the caller's HOME, host
// /tmp and its sockets, autopilot's own environment) and fail loudly if any of it works. Each probe
// prints BROKEN and exits non-zero when a promise does not hold, so the task's status is the verdict.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reposPerTest, runUntouched } from '../support/local-repo.js'

const { repo } = reposPerTest()
const tag = randomBytes(6).toString('hex')
const hostFile = path.join(tmpdir(), `autopilot-probe-${tag}.txt`)
const hostSocket = path.join(tmpdir(), `autopilot-probe-${tag}.sock`)
const abstractSocket = `\0autopilot-probe-${tag}`
const connections: string[] = []
const servers: net.Server[] = []

beforeAll(async () => {
  writeFileSync(hostFile, 'host secret\n')
  for (const where of [hostSocket, abstractSocket]) {
    const server = net.createServer((s) => {
      connections.push(where)
      s.end('reached\n')
    })
    await new Promise<void>((resolve) => server.listen(where, resolve))
    servers.push(server)
  }
})

afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve))
  rmSync(hostFile, { force: true })
  rmSync(hostSocket, { force: true })
})

/** A node one-liner that connects to a unix socket and prints CONNECTED or the error code. */
const connect = (where: string) =>
  `node -e "const s=require('net').connect(process.argv[1].replace(/^@/, '\\\\0'));` +
  `s.on('data',()=>{console.log('CONNECTED');process.exit(1)});s.on('error',e=>{console.log('no socket:',e.code);process.exit(0)})" '${where}'`

describe('inside the sandbox', () => {
  it('a step cannot unmount, remount, see the checkout, other tasks, the caller\'s HOME, host /tmp or autopilot\'s environment', async () => {
    const r = repo()
    const work = r.workRoot(61)
    const canary = `canary-${tag}`
    const probes = [
      'fail() { echo "BROKEN: $*"; exit 1; }',
      // No capabilities: nothing can be unmounted or remounted, whatever it is.
      "grep -Eq '^CapEff:[[:space:]]+0+$' /proc/self/status || fail \"capabilities: $(grep CapEff /proc/self/status)\"",
      "for m in $(awk '{print $5}' /proc/self/mountinfo | sort -r); do umount \"$m\" 2>/dev/null && fail \"umount $m worked\"; umount -l \"$m\" 2>/dev/null && fail \"umount -l $m worked\"; done",
      'mount -o remount,rw /usr 2>/dev/null && fail "remounted /usr read-write"',
      'mount -o remount,rw / 2>/dev/null && fail "remounted / read-write"',
      'mount -t tmpfs none "$PWD" 2>/dev/null && fail "mounted over the worktree"',
      'touch /usr/autopilot-probe 2>/dev/null && fail "wrote /usr"',
      'touch /autopilot-probe 2>/dev/null && fail "wrote /"',
      // Invisible: the user's checkout, the private clone, other tasks, the caller's HOME, host /tmp and /run.
      `test ! -e '${r.repo}' || fail "the user's checkout is visible"`,
      `test ! -e '${path.join(work, 'repo.git')}' || fail "the private clone is visible"`,
      `test "$(ls -A '${path.join(work, 'wt')}')" = "$AUTOPILOT_TASK" || fail "other worktrees: $(ls -A '${path.join(work, 'wt')}')"`,
      `test "$(ls -A '${path.join(work, 'tmp')}')" = "$AUTOPILOT_TASK" || fail "other temp dirs: $(ls -A '${path.join(work, 'tmp')}')"`,
      `test ! -e '${homedir()}' || fail "the caller's HOME ${homedir()} is visible"`,
      `test "$HOME" != '${homedir()}' || fail "HOME is the caller's"`,
      `test ! -e '${hostFile}' || fail "a host /tmp file is visible"`,
      'for d in /run /var/run /dev/shm; do test -z "$(ls -A "$d" 2>/dev/null)" || fail "$d has: $(ls -A "$d")"; done',
      // Autopilot's own process and environment are out of reach (a PID namespace of its own).
      `! grep -qs '${canary}' /proc/*/environ || fail "the caller's environment is readable"`,
      'test "$(ls -d /proc/[0-9]* | wc -l)" -lt 20 || fail "host processes are visible"',
      // Sockets: the host's file socket does not exist here; under network deny the abstract one is gone too.
      connect(hostSocket),
      connect(`@autopilot-probe-${tag}`),
      'test "$(awk \'NR>2{print $1}\' /proc/net/dev)" = "lo:" || fail "interfaces besides lo: $(cat /proc/net/dev)"',
      // HOME: empty at the task's start, private, kept across the task's steps.
      'test -z "$(ls -A "$HOME")" || fail "HOME is not empty: $(ls -A "$HOME")"',
      'echo kept > "$HOME/mark"',
      // The step's own git works (status, commit) on a git dir of its own.
      'git status --porcelain >/dev/null || fail "git status"',
      'git -c user.name=s -c user.email=s@x commit -q --allow-empty -m probe || fail "git commit"',
      'echo PROBES-OK'
    ].join('\n')
    r.writePlan({
      issue: 61,
      defaults: { network: 'deny', env: { CANARY_SEEN_BY_STEP: 'no' } },
      tasks: ['one', 'two'].map((id) => ({
        id,
        steps: [
          { name: 'probes', run: probes },
          { name: 'home kept', run: 'test "$(cat "$HOME/mark")" = kept && echo HOME-KEPT' }
        ]
      }))
    })
    const res = await runUntouched(r, ['run', '--jobs', '2'], { AUTOPILOT_CANARY: canary, AUTOPILOT_SANDBOX_SHARE: '' })
    const m = r.manifest(61)!
    for (const id of ['one', 'two']) {
      const t = m.tasks[id]
      const log = (i: number) => readFileSync(path.join(r.repo, t.steps[i].log!), 'utf8')
      expect(t.status, `${id}: ${t.reason}\n${res.out}`).toBe('succeeded')
      expect(log(0)).toContain('PROBES-OK')
      expect(log(0)).not.toMatch(/^BROKEN/m)
      expect(log(0)).not.toContain('(not sandboxed)')
      expect(log(1)).toContain('HOME-KEPT')
    }
    expect(res.code).toBe(0)
    expect(connections).toEqual([])
    // Each task had its own HOME, and none is left behind.
    expect(existsSync(path.join(work, 'home', 'one'))).toBe(false)
  })

  it('under network: allow the host\'s file sockets are still invisible', async () => {
    const r = repo()
    r.writePlan({ issue: 62, tasks: [{ id: 'allow', steps: [{ network: 'allow', run: `${connect(hostSocket)}\necho ALLOW-OK` }] }] })
    const res = await runUntouched(r, ['run'], { AUTOPILOT_SANDBOX_SHARE: '' })
    expect(res.code, res.out).toBe(0)
    expect(readFileSync(path.join(r.repo, r.manifest(62)!.tasks.allow.steps[0].log!), 'utf8')).toContain('no socket: ENOENT')
    expect(connections).toEqual([])
  })
})

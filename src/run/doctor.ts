/**
 * `autopilot doctor`: every promise of the sandbox (docs/safety.md), each
 * proven by a probe that runs inside a real step sandbox on this machine.
 *
 * A probe is a shell script that exits 0 when its promise holds and prints
 * what it saw. The list is data: to add a promise, append a probe. `view`
 * lists what a step (an agent, say) would see.
 */
import { mkdir, mkdtemp, readlink, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CommandExecutor, StepRequest } from './executor.js'
import { systemPrograms, type Programs } from './programs.js'

export interface DoctorProbe {
  /** Short name, shown first. */
  name: string
  /** The promise, as docs/safety.md states it. */
  promise: string
  /** sh script: exit 0 when the promise holds; its output is the evidence. */
  script: string
  network?: 'allow' | 'deny'
  /** Informational: reported, but does not fail the doctor. */
  info?: boolean
}

/** Facts of the host the probes compare against. */
export interface DoctorHost {
  /** The user's checkout (or wherever doctor runs): must be invisible. */
  checkout: string
  /** The caller's HOME: must be invisible. */
  callerHome: string
  /** A file doctor made in host /tmp: must be invisible. */
  hostFile: string
  /** A unix socket doctor listens on in host /tmp, and an abstract one. */
  hostSocket: string
  abstractSocket: string
  /** A folder beside the step's worktree, standing for another task: must be invisible. */
  otherTask: string
  /** A value only autopilot's own environment holds. */
  canary: string
  /** The step's own HOME. */
  home: string
  /** autopilot's own namespaces (`readlink /proc/self/ns/<x>`). */
  namespaces: Record<string, string>
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** The probes, in the order they are printed. */
export function doctorProbes(h: DoctorHost): DoctorProbe[] {
  const ns = ['user', 'pid', 'mnt', 'ipc', 'uts']
  return [
    {
      name: 'namespaces',
      promise: 'own user, PID, mount, IPC and UTS namespaces',
      script: ns
        .map(n => `[ "$(readlink /proc/self/ns/${n})" != ${q(h.namespaces[n] ?? '?')} ] || { echo "shares the ${n} namespace"; exit 1; }`)
        .concat(['echo "user, pid, mnt, ipc, uts: own (shell is pid $$)"'])
        .join('\n')
    },
    {
      name: 'capabilities',
      promise: 'no capabilities (CapEff 0)',
      script: "grep -E '^Cap(Eff|Prm):' /proc/self/status | tr -s '\\t ' ' ' | tr '\\n' ' '; echo; grep -Eq '^CapEff:[[:space:]]+0+$' /proc/self/status"
    },
    {
      name: 'mounts',
      promise: 'cannot unmount or remount anything',
      script: [
        'for m in /proc /tmp /usr /; do umount "$m" 2>/dev/null && { echo "umount $m worked"; exit 1; }; done',
        'mount -o remount,rw /usr 2>/dev/null && { echo "remounted /usr read-write"; exit 1; }',
        'echo "umount /proc, /tmp, /usr, / and remount,rw /usr all refused"'
      ].join('\n')
    },
    {
      name: 'system read-only',
      promise: 'system folders and / are read-only',
      script: 'for p in /usr/.autopilot-doctor /etc/.autopilot-doctor /.autopilot-doctor; do touch "$p" 2>/dev/null && { echo "wrote $p"; exit 1; }; done; echo "/usr, /etc, / not writable"'
    },
    {
      name: 'checkout',
      promise: "the user's checkout is invisible",
      script: `[ ! -e ${q(h.checkout)} ] || { echo "${h.checkout} is visible"; exit 1; }; echo "${h.checkout}: does not exist"`
    },
    {
      name: 'caller HOME',
      promise: "the caller's HOME is invisible",
      script: `[ ! -e ${q(h.callerHome)} ] || { echo "${h.callerHome} is visible"; exit 1; }; echo "${h.callerHome}: does not exist"`
    },
    {
      name: 'other tasks',
      promise: "other tasks' worktrees and temp dirs are invisible",
      script: `[ ! -e ${q(h.otherTask)} ] || { echo "${h.otherTask} is visible"; exit 1; }; echo "a sibling task folder: does not exist"`
    },
    {
      name: 'HOME',
      promise: 'HOME is private and empty at the start',
      script: `[ "$HOME" = ${q(h.home)} ] || { echo "HOME is $HOME"; exit 1; }; [ -z "$(ls -A "$HOME")" ] || { echo "HOME holds: $(ls -A "$HOME")"; exit 1; }; touch "$HOME/.w" && echo "HOME=$HOME: empty, writable"`
    },
    {
      name: 'host /tmp',
      promise: 'host /tmp, /run, /var/run, /dev/shm are invisible',
      script: [
        `[ ! -e ${q(h.hostFile)} ] || { echo "host file ${h.hostFile} is visible"; exit 1; }`,
        `[ ! -e ${q(h.hostSocket)} ] || { echo "host socket ${h.hostSocket} is visible"; exit 1; }`,
        'for d in /run /var/run /dev/shm; do [ -z "$(ls -A "$d" 2>/dev/null)" ] || { echo "$d holds: $(ls -A "$d")"; exit 1; }; done',
        'echo "host /tmp file and socket absent; /run, /var/run, /dev/shm empty"'
      ].join('\n')
    },
    {
      name: "autopilot's process",
      promise: "autopilot's process and environment are unreachable",
      script: [
        `grep -qs ${q(h.canary)} /proc/[0-9]*/environ && { echo "autopilot's environment is readable"; exit 1; }`,
        'n=$(ls -d /proc/[0-9]* | wc -l); [ "$n" -lt 20 ] || { echo "$n processes visible"; exit 1; }',
        'echo "$n processes visible (the step\'s own); no environment of autopilot\'s"'
      ].join('\n')
    },
    {
      name: 'network: deny',
      promise: 'under network: deny only lo, and no host unix socket',
      network: 'deny',
      script: [
        "ifs=$(awk 'NR>2 {sub(/:$/, \"\", $1); print $1}' /proc/net/dev | tr '\\n' ' ')",
        '[ "$ifs" = "lo " ] || { echo "interfaces: $ifs"; exit 1; }',
        // /proc/net/unix lists the sockets of the step's network namespace: the host's abstract ones are not there.
        `grep -q ${q(h.abstractSocket.slice(1))} /proc/net/unix && { echo "host abstract socket visible"; exit 1; }`,
        'echo "interfaces: lo; host unix sockets: none"'
      ].join('\n')
    },
    {
      name: 'nested sandbox',
      promise: 'a step may build its own sandbox (Codex runs bwrap inside)',
      info: true,
      script:
        'if ! command -v bwrap >/dev/null; then echo "bwrap not visible: not checked"; exit 1; fi\n' +
        'out=$(bwrap --ro-bind / / --unshare-user --unshare-pid --proc /proc --dev /dev true 2>&1) && echo "nested bwrap: works" || { echo "nested bwrap fails: $out"; exit 1; }'
    }
  ]
}

export interface ProbeResult {
  probe: DoctorProbe
  ok: boolean
  evidence: string
}

export interface DoctorReport {
  /** Why the sandbox cannot be had here, when it cannot. */
  problem?: string
  programs: Programs
  results: ProbeResult[]
  /** Every required promise holds. */
  ok: boolean
}

/** Runs every probe in a sandbox laid out like a task's (worktree, TMPDIR, HOME, a sibling task). */
export async function runDoctor(input: { executor: CommandExecutor; checkout: string; probes?: (h: DoctorHost) => DoctorProbe[] }): Promise<DoctorReport> {
  const programs = systemPrograms()
  const problem = await input.executor.sandboxProblem()
  if (problem) return { problem, programs, results: [], ok: false }
  const root = await mkdtemp(join(tmpdir(), 'autopilot-doctor-'))
  const tag = randomBytes(6).toString('hex')
  const servers: net.Server[] = []
  try {
    const dirs = { wt: join(root, 'wt', 'doctor'), tmp: join(root, 'tmp', 'doctor'), home: join(root, 'home', 'doctor'), other: join(root, 'wt', 'other') }
    for (const d of Object.values(dirs)) await mkdir(d, { recursive: true })
    const hostFile = join(tmpdir(), `autopilot-doctor-${tag}.txt`)
    await writeFile(hostFile, 'host\n')
    const hostSocket = join(tmpdir(), `autopilot-doctor-${tag}.sock`)
    const abstractSocket = `\0autopilot-doctor-${tag}`
    for (const where of [hostSocket, abstractSocket]) servers.push(await listen(where))
    const namespaces: Record<string, string> = {}
    for (const n of ['user', 'pid', 'mnt', 'ipc', 'uts']) namespaces[n] = await readlink(`/proc/self/ns/${n}`).catch(() => '?')
    const canary = `autopilot-doctor-canary-${tag}`
    process.env.AUTOPILOT_DOCTOR_CANARY = canary
    const host: DoctorHost = {
      checkout: input.checkout,
      callerHome: homedir(),
      hostFile,
      hostSocket,
      abstractSocket,
      otherTask: dirs.other,
      canary,
      home: dirs.home,
      namespaces
    }
    const results: ProbeResult[] = []
    for (const probe of (input.probes ?? doctorProbes)(host)) {
      // Each probe starts from an empty HOME, as a task's first step does.
      await rm(dirs.home, { recursive: true, force: true })
      await mkdir(dirs.home)
      const r = await input.executor.runStep(probeRequest(probe, dirs, programs))
      results.push({ probe, ok: r.exitCode === 0 && r.sandboxed, evidence: r.output.trim().split('\n').slice(-3).join(' / ') })
    }
    await rm(hostFile, { force: true })
    return { programs, results, ok: results.every(r => r.ok || r.probe.info) }
  } finally {
    delete process.env.AUTOPILOT_DOCTOR_CANARY
    for (const s of servers) s.close()
    await rm(root, { recursive: true, force: true })
  }
}

function probeRequest(probe: DoctorProbe, dirs: { wt: string; tmp: string; home: string }, programs: Programs): StepRequest {
  return {
    argv: [programs.sh ?? 'sh', '-c', probe.script],
    cwd: dirs.wt,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', HOME: dirs.home, TMPDIR: dirs.tmp, LANG: 'C.UTF-8' },
    timeoutMs: 30_000,
    network: probe.network ?? 'allow',
    sandbox: { writable: [dirs.wt, dirs.tmp, dirs.home] },
    maxOutputBytes: 16 * 1024
  }
}

function listen(where: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer(s => s.end())
    server.once('error', reject)
    server.listen(where, () => resolve(server))
  })
}

/**
 * The report as text, one line per promise, then `logins`: one line per agent saying which of its
 * login files under the caller's HOME its steps would see (src/agents/login-files.ts `loginReport`).
 */
export function renderDoctor(report: DoctorReport, logins: string[] = []): string {
  const lines = [`programs: ${Object.entries(report.programs).map(([k, v]) => `${k}=${v}`).join(' ')}`]
  if (report.problem) {
    lines.push(`FAILED  sandbox: cannot be had here: ${report.problem}`, '', 'No step would run here (unless `sandbox: off`): see docs/safety.md for how to enable it.')
    return [...lines, ...loginLines(logins)].join('\n')
  }
  for (const r of report.results) {
    const mark = r.ok ? 'ok    ' : r.probe.info ? 'note  ' : 'FAILED'
    lines.push(`${mark}  ${r.probe.name}: ${r.probe.promise} -- ${r.evidence}`)
  }
  lines.push(...loginLines(logins))
  lines.push('', report.ok ? 'every promise holds on this machine' : 'some promises do NOT hold on this machine (see FAILED lines)')
  return lines.join('\n')
}

function loginLines(logins: string[]): string[] {
  if (logins.length === 0) return []
  return [
    '',
    "logins: what each agent's steps see of your HOME (read-only, that agent's steps only)",
    ...logins.map(l => `  ${l}`),
    '  shell steps: none (a shell step sees no login file; its HOME is its own, empty)'
  ]
}

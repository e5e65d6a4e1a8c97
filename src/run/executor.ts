/**
 * The one place autopilot spawns processes. Environment, process groups,
 * timeouts, network isolation, masking and output caps are decided here once.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  bwrapArgv,
  hostLayout,
  networkOnlyArgv,
  prlimitArgv,
  programBinds,
  SandboxUnavailableError,
  SYSTEM_VIEW,
  type HostLayout,
  type SandboxSpec,
  type StepLimits
} from './sandbox.js'
import { programPath, resolveArgv, systemPrograms, type Programs } from './programs.js'
import { withOverlays } from './setup-layer.js'
import { AutopilotError } from '../errors.js'
import { OutputBuffer } from './output-buffer.js'
import type { ProcessTracker } from './process-registry.js'

/** A step-like command: combined output, masked and capped, whole group killed on timeout. */
export interface StepRequest {
  argv: string[]
  cwd: string
  /** The complete environment: nothing of the caller's is inherited. */
  env: Record<string, string>
  timeoutMs?: number
  stdin?: string
  /** `deny` runs the command in a new network namespace holding only `lo`. */
  network?: 'allow' | 'deny'
  /**
   * Run in the sandbox (src/run/sandbox.ts), seeing only these folders besides the system ones. Where the
   * sandbox cannot be had the step is refused (SandboxUnavailableError), unless the executor was built
   * with `sandbox: false`. Undefined: not sandboxed (the plan says `sandbox: off`).
   */
  sandbox?: SandboxSpec
  /** Resource limits of the step (prlimit). */
  limits?: StepLimits
  /** Applied to every line of output before it is kept or shown. */
  mask?: (text: string) => string
  /** Bytes of output kept (head and tail); the middle is cut with a note. */
  maxOutputBytes?: number
  /** Called with each masked line as it arrives (live progress, log files). */
  onLine?: (line: string) => void
  signal?: AbortSignal
}

export interface StepResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** Killed because the caller aborted (interrupt, breaker). */
  aborted: boolean
  /** Masked combined output, with a `[... N bytes cut ...]` note when capped. */
  output: string
  /** Masked stdout alone, capped alike: where CLIs print their machine-readable result. */
  stdout: string
  durationMs: number
  /** The program was not found. */
  notFound: boolean
  /** It ran inside the sandbox. */
  sandboxed: boolean
}

/** A tool command (git): stdout kept as bytes, no masking, no cap. */
export interface ToolRequest {
  argv: string[]
  cwd: string
  env?: Record<string, string>
  stdin?: string | Buffer
}

export interface ToolResult {
  exitCode: number
  stdout: Buffer
  stderr: string
}

/** Runs processes. `ProcessExecutor` is the real one; tests may use it directly. */
export interface CommandExecutor {
  runStep(req: StepRequest): Promise<StepResult>
  runTool(req: ToolRequest): Promise<ToolResult>
  /** Why steps cannot be sandboxed here, or undefined when they can (or the sandbox is turned off). */
  sandboxProblem(): Promise<string | undefined>
  /** false when the sandbox was turned off knowingly (steps asking for it run without it). */
  readonly sandboxOn?: boolean
}

export interface ExecutorOptions {
  /** `false` never sandboxes steps (`sandbox: off`, AUTOPILOT_SANDBOX=off, `--sandbox off`). */
  sandbox?: boolean
  /** The programs autopilot starts; default: resolved from system folders (src/run/programs.ts). Tests may inject. */
  programs?: Programs
  /** The host's system folders as the sandbox shows them; default: read from this machine. */
  layout?: HostLayout
  /**
   * Host folders every sandboxed step may also write (AUTOPILOT_SANDBOX_SHARE): the caller's choice, for a
   * shared cache or a test's side channel. Each one weakens isolation; none by default.
   */
  share?: string[]
}

const KILL_GRACE_MS = 1000

export class ProcessExecutor implements CommandExecutor {
  private networkCheck?: Promise<string | undefined>
  private sandboxCheck?: Promise<string | undefined>
  private hostView?: HostLayout

  /** `tracker` hears of every step process group, so strays of a crashed run can be found. */
  constructor(
    private readonly tracker?: ProcessTracker,
    private readonly options: ExecutorOptions = {}
  ) {}

  /** The programs this executor starts, by absolute path. */
  get programs(): Programs {
    return this.options.programs ?? systemPrograms()
  }

  /** Whether steps asking for the sandbox get it (false: turned off knowingly). */
  get sandboxOn(): boolean {
    return this.options.sandbox !== false
  }

  private get layout(): HostLayout {
    this.hostView ??= this.options.layout ?? hostLayout()
    return this.hostView
  }

  async runStep(req: StepRequest): Promise<StepResult> {
    const deny = req.network === 'deny'
    const sandboxed = req.sandbox !== undefined && this.sandboxOn
    let argv = resolveArgv(this.programs, req.argv)
    if (sandboxed) {
      const problem = await this.sandboxProblem()
      if (problem) throw new SandboxUnavailableError(problem)
      if (deny) await this.requireNetworkIsolation()
      const spec = req.sandbox!
      const extra = programBinds(argv[0], req.env.PATH ?? '', req.cwd, SYSTEM_VIEW, spec.writable, homedir())
      argv = bwrapArgv(argv, {
        bwrap: programPath(this.programs, 'bwrap'),
        prlimit: this.programs.prlimit,
        layout: this.layout,
        spec: { writable: [...spec.writable, ...(this.options.share ?? [])], readOnly: [...(spec.readOnly ?? []), ...extra] },
        cwd: req.cwd,
        denyNetwork: deny,
        limits: req.limits
      })
      // The setup layer's overlays are mounted first, in namespaces of their own; bubblewrap then binds the
      // worktree with them inside and drops every capability, so a step can use them but never unmount them.
      if (spec.overlays?.length) {
        argv = withOverlays(programPath(this.programs, 'unshare'), programPath(this.programs, 'sh'), spec.overlays, argv)
      }
    } else {
      argv = [...prlimitArgv(this.programs.prlimit, req.limits), ...argv]
      if (deny) {
        await this.requireNetworkIsolation()
        argv = networkOnlyArgv(programPath(this.programs, 'bwrap'), argv, req.cwd)
      }
    }
    const started = Date.now()
    const buffer = new OutputBuffer(req.maxOutputBytes ?? 1024 * 1024, req.mask ?? (s => s), req.onLine)
    const stdoutOnly = new OutputBuffer(req.maxOutputBytes ?? 1024 * 1024, req.mask ?? (s => s))
    return await new Promise<StepResult>(resolve => {
      // detached: the child leads a new process group, so a timeout can kill
      // its children and grandchildren too.
      const child = spawn(argv[0], argv.slice(1), {
        cwd: req.cwd,
        env: req.env,
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe']
      })
      let timedOut = false
      let aborted = false
      let notFound = false
      const leader = child.pid
      if (leader !== undefined) this.tracker?.started(leader)
      const killGroup = (sig: NodeJS.Signals) => {
        if (child.pid === undefined) return
        try {
          process.kill(-child.pid, sig)
        } catch {
          // the group is already gone
        }
      }
      const stop = () => {
        killGroup('SIGTERM')
        setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS).unref()
      }
      const timer =
        req.timeoutMs !== undefined
          ? setTimeout(() => {
              timedOut = true
              stop()
            }, req.timeoutMs)
          : undefined
      const onAbort = () => {
        aborted = true
        stop()
      }
      req.signal?.addEventListener('abort', onAbort, { once: true })
      if (req.signal?.aborted) onAbort()
      child.stdout.on('data', (d: Buffer) => {
        buffer.write(d)
        stdoutOnly.write(d)
      })
      child.stderr.on('data', (d: Buffer) => buffer.write(d))
      child.stdin.on('error', () => {})
      child.stdin.end(req.stdin ?? '')
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') notFound = true
        buffer.write(Buffer.from(`autopilot: cannot start ${argv[0]}: ${err.message}\n`))
      })
      // 'exit' fires when the leader exits; stray background children may still
      // hold the pipes open, so they are killed with the group.
      child.on('exit', () => killGroup('SIGKILL'))
      child.on('close', (code, sig) => {
        if (timer) clearTimeout(timer)
        if (leader !== undefined) this.tracker?.ended(leader)
        req.signal?.removeEventListener('abort', onAbort)
        resolve({
          exitCode: notFound ? 127 : code,
          signal: sig,
          timedOut,
          aborted,
          notFound,
          sandboxed,
          output: buffer.finish(),
          stdout: stdoutOnly.finish(),
          durationMs: Date.now() - started
        })
      })
    })
  }

  async runTool(req: ToolRequest): Promise<ToolResult> {
    const argv = resolveArgv(this.programs, req.argv)
    return await new Promise<ToolResult>((resolve, reject) => {
      const child = spawn(argv[0], argv.slice(1), {
        cwd: req.cwd,
        env: req.env ?? process.env,
        stdio: ['pipe', 'pipe', 'pipe']
      })
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout.on('data', (d: Buffer) => out.push(d))
      child.stderr.on('data', (d: Buffer) => err.push(d))
      child.stdin.on('error', () => {})
      child.stdin.end(req.stdin ?? '')
      child.on('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'ENOENT'
            ? new AutopilotError(`${req.argv[0]} is not installed or not on PATH (needed to run \`${req.argv.join(' ')}\`)`)
            : e
        )
      )
      child.on('close', code =>
        resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') })
      )
    })
  }

  private async requireNetworkIsolation(): Promise<void> {
    const problem = await this.networkIsolationProblem()
    if (problem) {
      throw new AutopilotError(
        `network: deny cannot be enforced here: ${problem}. Refusing to run the step with network access; ` +
          'set `network: allow` on the step (or `defaults.network: allow`) if it may reach the network.',
        1
      )
    }
  }

  /** Probes once whether a sandbox with a network namespace of its own works here. */
  networkIsolationProblem(): Promise<string | undefined> {
    this.networkCheck ??= this.probe('network namespaces', true)
    return this.networkCheck
  }

  /** Probes once whether the full sandbox works (bwrap with user, PID, mount namespaces, no capabilities). */
  sandboxProblem(): Promise<string | undefined> {
    if (!this.sandboxOn) return Promise.resolve(undefined)
    this.sandboxCheck ??= this.probe('the step sandbox', false)
    return this.sandboxCheck
  }

  /** Forgets earlier probes (after the host was changed to allow namespaces). */
  recheck(): void {
    this.sandboxCheck = undefined
    this.networkCheck = undefined
  }

  private async probe(what: string, denyNetwork: boolean): Promise<string | undefined> {
    if (process.platform !== 'linux') return `${what} needs Linux namespaces (this is ${process.platform})`
    const bwrap = this.programs.bwrap
    if (!bwrap) return '`bwrap` (bubblewrap) is not installed in /usr/bin, /bin, /usr/local/bin, /usr/sbin or /sbin'
    const dir = mkdtempSync(join(tmpdir(), 'autopilot-probe-'))
    try {
      const argv = bwrapArgv([programPath(this.programs, 'sh'), '-c', 'exit 0'], {
        bwrap,
        layout: this.layout,
        spec: { writable: [dir] },
        cwd: dir,
        denyNetwork
      })
      const r = await this.runTool({ argv, cwd: dir, env: { PATH: '/usr/bin:/bin' } })
      return r.exitCode === 0 ? undefined : `\`bwrap\` could not create ${what}: ${r.stderr.trim() || `exit ${r.exitCode}`}`
    } catch (e) {
      return `\`bwrap\` could not start: ${(e as Error).message}`
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

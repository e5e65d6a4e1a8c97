/**
 * The one place autopilot spawns processes. Environment, process groups,
 * timeouts, network isolation, masking and output caps are decided here once.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { networkOnlyArgv, sandboxArgv } from './sandbox.js'
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
  /** `deny` runs the command in a new network namespace with no interfaces up. */
  network?: 'allow' | 'deny'
  /** Run in the sandbox (src/run/sandbox.ts) when the platform allows it, with these paths read-only. */
  sandbox?: { readOnly: string[] }
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
  /** Why steps cannot be sandboxed here, or undefined when they can. */
  sandboxProblem(): Promise<string | undefined>
}

const KILL_GRACE_MS = 1000

export class ProcessExecutor implements CommandExecutor {
  private networkCheck?: Promise<string | undefined>
  private sandboxCheck?: Promise<string | undefined>

  /**
   * `tracker` hears of every step process group, so strays of a crashed run can be found.
   * `sandbox: false` never sandboxes steps (AUTOPILOT_SANDBOX=off).
   */
  constructor(
    private readonly tracker?: ProcessTracker,
    private readonly options: { sandbox?: boolean } = {}
  ) {}

  async runStep(req: StepRequest): Promise<StepResult> {
    let argv = req.argv
    const deny = req.network === 'deny'
    const sandboxed = req.sandbox !== undefined && (await this.sandboxProblem()) === undefined
    if (deny) {
      const problem = await this.networkIsolationProblem()
      if (problem) {
        throw new AutopilotError(
          `network: deny cannot be enforced here: ${problem}. Refusing to run the step with network access; ` +
            'set `network: allow` on the step (or `defaults.network: allow`) if it may reach the network.',
          1
        )
      }
    }
    if (sandboxed) argv = sandboxArgv(argv, req.sandbox!.readOnly.filter(p => existsSync(p)), deny)
    else if (deny) argv = networkOnlyArgv(argv, isRoot())
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
    return await new Promise<ToolResult>((resolve, reject) => {
      const child = spawn(req.argv[0], req.argv.slice(1), {
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

  /** Probes once whether `unshare --net` works for this user. */
  networkIsolationProblem(): Promise<string | undefined> {
    this.networkCheck ??= this.probe('network namespaces', networkOnlyArgv(['true'], isRoot()))
    return this.networkCheck
  }

  /** Probes once whether the full sandbox works (user, PID, mount namespaces and read-only binds). */
  sandboxProblem(): Promise<string | undefined> {
    if (this.options.sandbox === false) return Promise.resolve('turned off with AUTOPILOT_SANDBOX=off')
    this.sandboxCheck ??= this.probe('the step sandbox', sandboxArgv(['true'], [tmpdir()], false))
    return this.sandboxCheck
  }

  private async probe(what: string, argv: string[]): Promise<string | undefined> {
    if (process.platform !== 'linux') return `${what} need Linux namespaces (this is ${process.platform})`
    try {
      const r = await this.runTool({ argv, cwd: process.cwd() })
      return r.exitCode === 0 ? undefined : `\`${argv.slice(0, 3).join(' ')} ...\` failed: ${r.stderr.trim() || `exit ${r.exitCode}`}`
    } catch (e) {
      return `\`unshare\` is not available (${(e as Error).message}); install util-linux`
    }
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

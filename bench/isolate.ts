// Runs one exported function of a bench module in a fresh Node process, as every `autopilot run` is one:
// what a measurement leaves behind (heap, secretlint 11's ever-growing profiler state, see bench/gates.ts)
// must not slow the next one down.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Calls `exportName(...args)` from bench/`module` (e.g. 'engine-run.js') in a child process with the same loader
 * flags (tsx), and resolves with its result. Arguments and result travel as JSON; the child's stderr is passed on.
 */
export function inFreshProcess<T>(module: string, exportName: string, args: unknown[]): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'autopilot-bench-child-'))
  const input = path.join(dir, 'input.json')
  const output = path.join(dir, 'output.json')
  writeFileSync(input, JSON.stringify({ module, exportName, args }))
  return new Promise<T>((resolve, reject) => {
    const child = execFile(process.execPath, [...process.execArgv, import.meta.filename, input, output], { maxBuffer: 64 * 1024 * 1024 }, err => {
      try {
        if (err) reject(new Error(`${module} ${exportName} failed in its process: ${err.message}`))
        else resolve(JSON.parse(readFileSync(output, 'utf8')) as T)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })
    child.stderr?.pipe(process.stderr)
  })
}

/** The child's side: this file run as a script with an input and an output file. */
async function child(input: string, output: string): Promise<void> {
  const job = JSON.parse(readFileSync(input, 'utf8')) as { module: string; exportName: string; args: unknown[] }
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, job.module)).href)) as Record<string, (...a: unknown[]) => unknown>
  writeFileSync(output, JSON.stringify(await mod[job.exportName](...job.args)))
}

if (process.argv[1] === import.meta.filename && process.argv.length === 4) {
  child(process.argv[2], process.argv[3]).then(
    () => process.exit(0),
    (e: Error) => {
      process.stderr.write(`${e.stack ?? e.message}\n`)
      process.exit(1)
    }
  )
}

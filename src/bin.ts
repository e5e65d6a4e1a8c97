// The CLI's process entry: builds CliIo from the real process and hands argv to main().
import type { CliIo } from './cli-io.js'
import { main } from './cli.js'
import { invocationOf } from './invocation.js'

/** One line per call: a trailing newline is added unless the text already ends with one. */
const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`)

const io: CliIo = {
  out: (text) => void process.stdout.write(line(text)),
  err: (text) => void process.stderr.write(line(text)),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  invocation: invocationOf(process.argv[1], process.cwd())
}

// No top-level await: the bundler's output format should not matter to the entry.
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code
})

/**
 * The CLI entrypoint's logic: dispatch argv to a command, turn errors into exit
 * codes. Importing it does nothing; src/bin.ts wires it to the process.
 */
import type { CliIo, Command } from './cli-io.js'
import { commands as defaultCommands } from './commands/index.js'
import { AutopilotError, EXIT, UsageError } from './errors.js'
import { suggestion } from './plan/suggest.js'
import { suggestCommand } from './invocation.js'

/** Exit code for a bug in autopilot itself (EX_SOFTWARE). */
export const EXIT_INTERNAL = 70

function topUsage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: autopilot <command> [options]',
    '',
    'Run an issue plan (.ai/plans/<issue>/Autopilot.yaml) unattended behind safety gates.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "autopilot <command> --help" for a command\'s options.',
    '',
    'Exit codes: 0 ok, 1 a task failed or was denied, 2 invalid plan or usage, 3 stopped, 70 internal error.'
  ].join('\n')
}

/**
 * Run `autopilot` with `argv` (without node and the script). Returns the exit
 * code: a command's own, an AutopilotError's `exitCode` (message on stderr, no
 * stack), or 70 with the stack for anything unexpected.
 */
export async function main(argv: string[], io: CliIo, commands: readonly Command[] = defaultCommands): Promise<number> {
  try {
    const [name, ...rest] = argv
    if (name === undefined) {
      io.err(topUsage(commands))
      return EXIT.usage
    }
    if (name === '--help' || name === '-h') {
      io.out(topUsage(commands))
      return EXIT.ok
    }
    if (name === 'help') {
      const topic = rest[0] === undefined ? undefined : find(commands, rest[0])
      io.out(topic ? topic.usage : topUsage(commands))
      return EXIT.ok
    }
    const command = find(commands, name, io.invocation)
    // Every command takes --help; it is answered here so commands only parse their own flags.
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.usage)
      return EXIT.ok
    }
    return await command.run(rest, io)
  } catch (e) {
    if (e instanceof AutopilotError) {
      io.err(e.message)
      return e.exitCode
    }
    const err = e instanceof Error ? e : new Error(String(e))
    io.err(`internal error: ${err.message}\n${err.stack ?? ''}`)
    return EXIT_INTERNAL
  }
}

function find(commands: readonly Command[], name: string, invocation?: string): Command {
  const command = commands.find((c) => c.name === name)
  if (command) return command
  const names = commands.map((c) => c.name)
  const what = name.startsWith('-') ? 'option' : 'command'
  throw new UsageError(`unknown ${what} "${name}"${suggestion(name, names)}; commands: ${names.join(', ')} (see ${suggestCommand(invocation, '--help')})`)
}

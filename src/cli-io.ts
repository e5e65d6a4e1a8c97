/** What a CLI command gets from the outside world: streams, cwd, environment. */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  cwd: string
  env: NodeJS.ProcessEnv
  /** stdout is a terminal: live progress instead of one line per change. */
  isTTY: boolean
  /** How the user started autopilot (`npx autopilot`, `autopilot`...), for the commands it suggests. */
  invocation?: string
}

/** A subcommand of `autopilot`. */
export interface Command {
  name: string
  /** One line for `autopilot --help`. */
  summary: string
  /** Full `--help` text. */
  usage: string
  /** Returns the exit code; throws AutopilotError for user mistakes. */
  run(args: string[], io: CliIo): Promise<number>
}

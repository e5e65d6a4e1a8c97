// The registry of `autopilot` subcommands: to add one, import it and append it to `commands`.
import type { Command } from '../cli-io.js'
import { graphCommand } from './graph.js'
import { schemaCommand } from './schema.js'
import { validateCommand } from './validate.js'
import { runCommand } from './run.js'
import { statusCommand } from './status.js'
import { auditCommand } from './audit.js'
import { cleanCommand } from './clean.js'
import { logsCommand } from './logs.js'
import { importCommand } from './import.js'
import { initCommand } from './init.js'
import { sessionCommand } from './session.js'
import { historyCommand } from './history.js'
import { mcpCommand } from './mcp.js'
import { doctorCommand } from './doctor.js'

/** Every subcommand, in the order `autopilot --help` lists them. */
export const commands: Command[] = [
  validateCommand,
  graphCommand,
  runCommand,
  statusCommand,
  auditCommand,
  cleanCommand,
  logsCommand,
  schemaCommand,
  importCommand,
  initCommand,
  sessionCommand,
  historyCommand,
  mcpCommand,
  doctorCommand
]

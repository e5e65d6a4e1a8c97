// `autopilot schema`: print the plan's JSON Schema (the same text as schema/autopilot.schema.json).
import type { Command } from '../cli-io.js'
import { EXIT } from '../errors.js'
import { renderJsonSchema } from '../plan/json-schema.js'
import { parseCommandArgs } from './parse-args.js'

const usage = `Usage: autopilot schema

Print the JSON Schema of Autopilot.yaml, generated from the plan's zod schema.
Editors use it for completion and hover docs: start a plan with
  # yaml-language-server: $schema=<path or URL of autopilot.schema.json>

Options:
  -h, --help  show this help`

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the plan format',
  usage,
  async run(args, io) {
    parseCommandArgs('schema', args, {}, 0)
    io.out(renderJsonSchema().trimEnd())
    return EXIT.ok
  }
}

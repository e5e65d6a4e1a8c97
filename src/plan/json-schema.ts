// The JSON Schema of the plan format, generated from the zod schema (editors use it for completion).
import { z } from 'zod'
import { PlanSchema } from './schema.js'

/** Where the committed copy lives, relative to the repository root. */
export const JSON_SCHEMA_PATH = 'schema/autopilot.schema.json'

/** The JSON Schema of a plan as written (input side: defaults are optional). */
export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanSchema, { io: 'input' }) as Record<string, unknown>
  const { $schema, ...rest } = generated
  return {
    $schema,
    title: 'autopilot plan (Autopilot.yaml)',
    ...rest
  }
}

/** The schema as the committed file holds it: 2-space JSON with a final newline. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`
}

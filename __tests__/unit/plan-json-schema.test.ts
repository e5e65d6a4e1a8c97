// The committed JSON Schema is current, and it accepts the examples the zod schema accepts.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildJsonSchema, JSON_SCHEMA_PATH, renderJsonSchema } from '../../src/plan/json-schema.js'

const root = path.resolve(import.meta.dirname, '../..')

describe('schema/autopilot.schema.json', () => {
  it('is current (run `npm run schema` after changing src/plan/schema.ts)', () => {
    expect(readFileSync(path.join(root, JSON_SCHEMA_PATH), 'utf8')).toBe(renderJsonSchema())
  })

  it('documents every property', () => {
    const text = renderJsonSchema()
    expect(buildJsonSchema().title).toMatch(/autopilot/)
    // Every field in the zod schema carries .describe(): editors show it on hover.
    const undocumented: string[] = []
    const walk = (node: unknown, where: string) => {
      if (typeof node !== 'object' || node === null) return
      const props = (node as { properties?: Record<string, { description?: string }> }).properties
      for (const [k, v] of Object.entries(props ?? {})) if (!v.description && !('$ref' in v)) undocumented.push(`${where}.${k}`)
      for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`)
    }
    walk(JSON.parse(text), '$')
    expect(undocumented).toEqual([])
  })

  it.each(['653', 'diamond', 'wide'])('accepts examples/%s and rejects a broken copy', (name) => {
    const validate = new Ajv2020({ strict: false }).compile(buildJsonSchema())
    const plan = parse(readFileSync(path.join(root, 'examples', name, 'Autopilot.yaml'), 'utf8'))
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...plan, tasks: [{ ...plan.tasks[0], neeeds: [] }] })).toBe(false)
  })
})

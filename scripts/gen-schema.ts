// Writes schema/autopilot.schema.json from the zod plan schema (`npm run schema`); a test fails when it is stale.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { JSON_SCHEMA_PATH, renderJsonSchema } from '../src/plan/json-schema.js'

const target = fileURLToPath(new URL(`../${JSON_SCHEMA_PATH}`, import.meta.url))
await writeFile(target, renderJsonSchema())
console.log(`wrote ${JSON_SCHEMA_PATH}`)

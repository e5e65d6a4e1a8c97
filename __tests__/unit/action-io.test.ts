// The action's inputs and outputs mean what action.yml (and the README table generated from it) says: every input
// the code reads is declared and every declared input is read; every output the code sets is declared and set.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '../..')
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }
const code = readdirSync(path.join(root, 'src/action'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(root, 'src/action', f), 'utf8'))
  .join('\n')
const names = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => m[1]))].sort()

it('reads exactly the inputs action.yml declares', () => {
  const read = names(/\b(?:input|bool|positiveInt|onOff)\(\s*(?:runner,\s*)?'([a-z-]+)'/g)
  expect(read).toEqual(Object.keys(action.inputs).sort())
})

it('sets exactly the outputs action.yml declares', () => {
  expect(names(/setOutput\('([a-z-]+)'/g)).toEqual(Object.keys(action.outputs).sort())
})

it('documents one status vocabulary, and the code sets no other value', () => {
  const documented = String((action.outputs.status as { description: string }).description)
  for (const s of ['succeeded', 'failed', 'blocked', 'stopped', 'dry-run']) expect(documented).toContain(`\`${s}\``)
  const literal = [...code.matchAll(/setOutput\('status', ([^)]*)\)/g)].flatMap((m) => [...m[1].matchAll(/'([a-z-]+)'/g)].map((x) => x[1]))
  for (const s of literal) expect(['succeeded', 'failed', 'blocked', 'stopped', 'dry-run']).toContain(s)
})

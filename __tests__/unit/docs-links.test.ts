// The README and docs/ link only to files that exist (issue 17 moved most of the README into docs/).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)]

describe.each(files)('%s', file => {
  it('has no relative link to a missing file', () => {
    const text = readFileSync(join(root, file), 'utf8').replace(/```[\s\S]*?```/g, '')
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]).filter(t => !/^(https?:|mailto:|#)/.test(t))
    const missing = targets.filter(t => !existsSync(join(root, dirname(file), t.split('#')[0])))
    expect(missing).toEqual([])
  })
})

describe('README.md', () => {
  it('opens with what autopilot does and the two commands, then GitHub, a plan, safety, the CLI, inputs, more', () => {
    const headings = [...readFileSync(join(root, 'README.md'), 'utf8').replace(/```[\s\S]*?```/g, '').matchAll(/^## (.+)$/gm)].map(m => m[1])
    const order = ['Two commands', 'On GitHub', 'A plan', 'Safety', 'The CLI', 'Inputs and outputs', 'More']
    expect(headings.filter(h => order.includes(h))).toEqual(order)
  })
})

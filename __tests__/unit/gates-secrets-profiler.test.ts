// secretlint 11's profiler keeps every mark and searches them all per mark (quadratic): the gate empties it.
import { describe, expect, it } from 'vitest'
import { secretLintProfiler } from '@secretlint/profiler'
import { scanAddedLines } from '../../src/gates/secrets-gate.js'
import type { FileChange } from '../../src/gates/types.js'

const file = (i: number): FileChange => ({
  kind: 'added',
  path: `src/f${i}.ts`,
  binary: false,
  added: 1,
  removed: 0,
  size: 20,
  addedLines: [{ line: 1, text: `export const x${i} = ${i}` }]
})

describe('secret scanning over many files', () => {
  it('does not let the profiler keep a mark per scan', async () => {
    for (let i = 0; i < 200; i++) await scanAddedLines(file(i))
    // Observer callbacks arrive after a scan returns: let them.
    await new Promise(r => setTimeout(r, 20))
    // Without the fix: about 200 scans x dozens of marks each.
    expect((secretLintProfiler as unknown as { entries: unknown[] }).entries.length).toBeLessThan(200)
  })
})

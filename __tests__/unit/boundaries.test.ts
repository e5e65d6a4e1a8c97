// The code's boundaries, checked on the source: git runs only through the named methods of src/git/ (issue 11),
// processes start only in the executor, and @actions/* is imported only by the Action's adapters.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.join(import.meta.dirname, '..', '..', 'src')
const files = (readdirSync(root, { recursive: true }) as string[]).filter(f => f.endsWith('.ts')).map(f => f.split(path.sep).join('/'))
const source = (f: string) => readFileSync(path.join(root, f), 'utf8')

describe('boundaries of src/', () => {
  it('builds git argument lists only inside src/git/', () => {
    const offenders = files.filter(f => !f.startsWith('git/')).filter(f => /\.(raw|bytes|text)\(\s*\[/.test(source(f)))
    expect(offenders).toEqual([])
  })

  it('starts processes only in the executor', () => {
    const offenders = files.filter(f => f !== 'run/executor.ts').filter(f => /from 'node:child_process'/.test(source(f)))
    expect(offenders).toEqual([])
  })

  it('imports @actions/* only in the Action adapters, the actions store and the Action entrypoint', () => {
    const allowed = (f: string) => f.startsWith('action/') || f.startsWith('state/actions-') || f === 'action.ts' || f.startsWith('github/')
    const offenders = files.filter(f => !allowed(f)).filter(f => /from '@actions\//.test(source(f)))
    expect(offenders).toEqual([])
  })
})

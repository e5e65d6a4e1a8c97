// A task denied for a token it planted: the evidence autopilot keeps (patch, result, logs, summary, failure report)
// never holds the token, searched byte-wise as is, in base64 (every alignment) and in hex.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { listFiles, reposPerTest } from '../support/local-repo.js'

const { repo } = reposPerTest()

/** The forms a leak could take: raw, base64 at each byte alignment (inner part), hex. */
function forms(token: string): string[] {
  const out = [token, Buffer.from(token).toString('hex')]
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), Buffer.from(token)]).toString('base64')
    out.push(b64.slice(4, -4))
  }
  return out
}

it('redacts the planted token from every stored file of a denied task', async () => {
  const r = repo()
  // The token never appears in the plan: the step builds it, so only the change carries it.
  const token = `ghp_${'Z9'.repeat(18)}`
  r.writePlan({
    issue: 77,
    gates: { 'allow-paths': ['out/**'] },
    tasks: [{ id: 'leak', steps: [{ run: "mkdir -p out && printf 'token = ghp_%s\\n' \"$(printf 'Z9%.0s' $(seq 18))\" > out/config.txt" }] }]
  })
  const res = await r.run(['run'])
  expect(res.code).toBe(1)
  expect(r.manifest(77)!.tasks.leak.status).toBe('denied')
  // The evidence is there, with the secret overwritten.
  const patch = readFileSync(path.join(r.repo, '.ai/runs/77/tasks/leak/patch.diff'), 'utf8')
  expect(patch).toContain('+token = ****')
  expect(patch).toContain('out/config.txt')
  const files = listFiles(path.join(r.repo, '.ai')).map((f) => path.join(r.repo, '.ai', f))
  expect(files.length).toBeGreaterThan(3)
  for (const file of files) {
    const bytes = readFileSync(file)
    for (const f of forms(token)) expect(bytes.includes(Buffer.from(f)), `${file} holds ${f}`).toBe(false)
  }
  for (const f of forms(token)) expect(res.out.includes(f)).toBe(false)
})

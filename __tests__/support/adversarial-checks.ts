// The verdict on one adversarial run: each named check returns the problems it found (none = passed),
// so a fixture's known hole can be required to still fail while every other check must pass.
import { LANDABLE } from '../../src/state/manifest.js'
import type { CheckName, Fixture, RunOutcome } from './adversarial-corpus.js'

export interface CheckInput {
  fx: Fixture
  out: RunOutcome
  /** Requests the loopback server (and the host unix socket) received for this fixture. */
  hits: string[]
  token: string
  /** The AUTOPILOT_TEST_SECRET value plans hand to steps. */
  secret: string
}

type Check = (i: CheckInput) => string[]

const has = (where: string, text: string, what: string): string[] =>
  text.includes(what) ? [] : [`${where} does not contain ${JSON.stringify(what)}`]

const exit: Check = ({ fx, out }) => [
  ...(out.exitCode === fx.expect.exitCode ? [] : [`exit code ${out.exitCode}, expected ${fx.expect.exitCode}; output:\n${out.output.slice(-3000)}`]),
  ...(fx.expect.maxSeconds !== undefined && out.durationMs > fx.expect.maxSeconds * 1000
    ? [`the run took ${Math.round(out.durationMs / 1000)} s, more than ${fx.expect.maxSeconds} s`]
    : [])
]

/** Each task's status, and the rule that stopped it named in the manifest, summary-*.md and FAILED-*.log. */
const tasks: Check = ({ fx, out }) => {
  if (fx.expect.refusal) {
    return [
      ...has('output', out.output, fx.expect.refusal),
      ...(Object.keys(out.manifest.tasks).some((id) => out.manifest.tasks[id].status !== 'pending')
        ? ['a task ran although the run was to be refused']
        : [])
    ]
  }
  const problems: string[] = []
  const { manifest, summary, failedLog } = out
  const planned = fx.plan.tasks.map((t) => t.id).sort()
  const expected = Object.keys(fx.expect.tasks).sort()
  if (JSON.stringify(planned) !== JSON.stringify(expected)) problems.push(`expectation lists ${expected}, plan has ${planned}`)
  for (const [id, want] of Object.entries(fx.expect.tasks)) {
    const rec = manifest.tasks[id]
    if (!rec) {
      problems.push(`task ${id}: no manifest record`)
      continue
    }
    if (rec.status !== want.status) problems.push(`task ${id}: status ${rec.status}, expected ${want.status} (${rec.reason ?? ''})`)
    if (want.status === 'succeeded') continue
    problems.push(...has(`FAILED log`, failedLog, `task ${id}: ${want.status}`))
    for (const g of want.gates ?? []) {
      const record = rec.gates.find((r) => r.gate === g.gate && !r.allowed)
      if (!record) {
        problems.push(`task ${id}: gate ${g.gate} did not deny (gates: ${JSON.stringify(rec.gates.map((r) => [r.gate, r.allowed]))})`)
        continue
      }
      problems.push(...has(`task ${id} manifest ${g.gate} reason`, record.reason, g.phrase))
      problems.push(...has(`task ${id} manifest reason`, rec.reason ?? '', `${g.gate}: `))
      problems.push(...has('summary', summary, `- ${g.gate}: ${record.reason}`))
      problems.push(...has('summary', summary, g.phrase))
      problems.push(...has('FAILED log', failedLog, `gate ${g.gate} denied: `))
      problems.push(...has('FAILED log', failedLog, g.phrase))
      if (g.finding) {
        problems.push(...has(`task ${id} manifest ${g.gate} findings`, (record.findings ?? []).join('\n'), g.finding))
        problems.push(...has('FAILED log', failedLog, g.finding))
      }
      if (record.optIn === undefined && !/no setting/.test(JSON.stringify(record))) {
        problems.push(`task ${id}: gate ${g.gate} names no setting that would allow it and does not say none exists`)
      }
    }
    if (want.phrase) {
      problems.push(...has(`task ${id} manifest reason`, rec.reason ?? '', want.phrase))
      problems.push(...has('summary', summary, want.phrase))
      problems.push(...has('FAILED log', failedLog, want.phrase))
    }
    if (want.detail) {
      problems.push(...has(`task ${id} manifest reason`, rec.reason ?? '', want.detail))
      problems.push(...has('FAILED log', failedLog, want.detail))
    }
    // A denied task keeps its patch as evidence.
    if (want.status === 'denied' && (out.evidence[id] ?? []).length === 0) problems.push(`task ${id}: denied without evidence patch`)
  }
  if (fx.expect.breaker) {
    problems.push(...has('manifest breaker', manifest.breaker ?? '', fx.expect.breaker))
    problems.push(...has('FAILED log', failedLog, `stopped by circuit breaker: ${fx.expect.breaker}`))
  } else if (manifest.breaker) {
    problems.push(`unexpected breaker ${manifest.breaker}`)
  }
  return problems
}

/** Exactly the expected paths land; nothing a task that did not land touched is on the branch. */
const branch: Check = ({ fx, out }) => {
  const problems: string[] = []
  const want = [...(fx.expect.onBranch ?? [])].sort()
  const got = [...out.branchPaths].sort()
  if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`branch changes ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`)
  for (const [id, rec] of Object.entries(out.manifest.tasks)) {
    if (LANDABLE.has(rec.status)) continue
    const leaked = (out.evidence[id] ?? []).filter((p) => out.branchPaths.includes(p))
    if (leaked.length) problems.push(`task ${id} (${rec.status}) has paths on the branch: ${JSON.stringify(leaked)}`)
  }
  return problems
}

/** The user's checkout (HEAD, index, files, status, worktrees, hooks, config, other refs) is untouched. */
const checkout: Check = ({ out }) =>
  (Object.keys(out.before) as (keyof RunOutcome['before'])[])
    .filter((k) => JSON.stringify(out.before[k]) !== JSON.stringify(out.after[k]))
    .map((k) => `checkout ${k} changed: ${JSON.stringify(out.before[k]).slice(0, 400)} -> ${JSON.stringify(out.after[k]).slice(0, 400)}`)

const marker: Check = ({ fx, out }) =>
  fx.expect.marker && out.markerExists ? ['the marker file exists: a planted hook, filter or driver ran'] : []

const network: Check = ({ fx, hits }) =>
  fx.expect.network && hits.length > 0 ? [`the loopback server was reached: ${JSON.stringify(hits)}`] : []

/** The caller's token is nowhere on the branch (raw, base64, or inside a base64-encoded file) nor in any log. */
const token: Check = ({ out, token: t }) => {
  const forms = [t, Buffer.from(t).toString('base64')]
  const problems: string[] = []
  for (const blob of out.branchBlobs) {
    const decoded = Buffer.from(blob.toString('latin1').replace(/\s+/g, ''), 'base64').toString('latin1')
    if (forms.some((f) => blob.includes(f)) || decoded.includes(t)) problems.push('the caller GITHUB_TOKEN is on the branch')
  }
  if (out.logs.includes(t) || out.output.includes(t)) problems.push('the caller GITHUB_TOKEN is in the logs or output')
  return problems
}

/** A secret the step assembled never appears in reports or logs (findings mask it). */
const hidden: Check = ({ fx, out }) => {
  const pieces = fx.expect.hiddenPieces
  if (!pieces) return []
  const secret = pieces.join('')
  const places = { manifest: JSON.stringify(out.manifest), logs: out.logs, output: out.output }
  return Object.entries(places)
    .filter(([, text]) => text.includes(secret))
    .map(([where]) => `the secret value appears in the ${where}`)
}

/** Every form of a secret worth looking for: plain, base64 at each alignment (and base64url), hex, URL and JSON escaping. */
export function encodedForms(value: string): string[] {
  // Written here independently of src/report/mask.ts, so a form the product forgets is still looked for.
  const b64 = [0, 1, 2].map((pad) => {
    const enc = Buffer.from('\0'.repeat(pad) + value).toString('base64')
    // Skip the characters that depend on the padding before and on what follows.
    return enc.slice(Math.ceil((pad * 4) / 3) + 1, enc.length - 4)
  })
  const hex = Buffer.from(value).toString('hex')
  return [value, ...b64, ...b64.map((b) => b.replace(/\+/g, '-').replace(/\//g, '_')), hex, hex.toUpperCase(), encodeURIComponent(value)]
}

/**
 * The value plans hand to steps (AUTOPILOT_TEST_SECRET, and the caller's SSH key holds it too) appears
 * nowhere autopilot wrote (output, every file under .ai/: logs, reports, manifest, results, evidence)
 * nor on the branch, in any encoding (base64 files are decoded whole too).
 */
const secret: Check = ({ fx, out, secret: s }) => {
  if (fx.expect.secretInPlan) return []
  const forms = encodedForms(s)
  const problems: string[] = []
  const look = (where: string, text: string) => {
    const hit = forms.find((f) => text.includes(f))
    if (hit) problems.push(`the secret (${hit === s ? 'plain' : `as ${JSON.stringify(hit.slice(0, 12))}...`}) is in ${where}`)
  }
  look('the output', out.output)
  for (const [file, bytes] of Object.entries(out.written)) look(`.ai/${file}`, bytes.toString('latin1'))
  for (const blob of out.branchBlobs) {
    const text = blob.toString('latin1')
    look('a file on the branch', text)
    look('a base64 file on the branch (decoded)', Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('latin1'))
  }
  return problems
}

/** The caller's HOME is untouched: no ~/.gitconfig, ~/.profile or ~/.local/bin/git planted. */
const home: Check = ({ out }) =>
  JSON.stringify(out.homeBefore) === JSON.stringify(out.homeAfter)
    ? []
    : [`the caller's HOME changed: ${JSON.stringify(out.homeBefore)} -> ${JSON.stringify(out.homeAfter)}`.slice(0, 800)]

export const CHECKS: Record<CheckName, Check> = { exit, tasks, branch, checkout, marker, network, token, hidden, secret, home }

/** Runs every check; returns the problems of each by name. */
export function verdict(input: CheckInput): Record<CheckName, string[]> {
  return Object.fromEntries(Object.entries(CHECKS).map(([name, check]) => [name, check(input)])) as Record<CheckName, string[]>
}

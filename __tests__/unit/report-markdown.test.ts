// The markdown run report: a stable snapshot of renderSummary, and the pieces it is made of.
import { describe, expect, it } from 'vitest'
import { formatDuration, formatUsage, renderSummary, renderTaskTable, runOutcome, usageTotal } from '../../src/report/markdown.js'
import { manifest, plan } from '../fixtures/run/report-manifest.js'
import { marked } from 'marked'
import { PlanSchema } from '../../src/plan/schema.js'
import type { RunManifest } from '../../src/state/manifest.js'

describe('renderSummary', () => {
  it('renders the whole report (stable: no durations, no timestamps)', () => {
    const text = renderSummary({
      plan,
      manifest: manifest(),
      logsLocation: '.ai/logs/autopilot/653-x',
      logLink: (t) => t.log,
      stable: true
    })
    expect(text).toMatchInlineSnapshot(`
      "## autopilot #653: Autopilot | Codex workflow

      **Outcome: failed**. Branch \`autopilot/issue-653\` from \`0123456789ab\`; plan \`.ai/plans/653/Autopilot.yaml\` (sha256 abababababab).

      | Task | Name | Status | Diffstat | Checks | Attempts | Time | Usage | Agents | Log | Details |
      |---|---|---|---|---|---|---|---|---|---|---|
      | \`analysis\` | Analyze requirements | ✅ succeeded | 2 files |  | 1 |  | 1 call, 1500 tokens, $0.0125 | codex | [log](.ai/logs/autopilot/653-x/analysis/task.log) |  |
      | \`docs\` |  | ♻️ cached | 1 file |  | 1 |  |  |  |  |  |
      | \`impl\` | Implement \\| wire | ❌ failed |  |  | 2 |  |  |  | [log](.ai/logs/autopilot/653-x/impl/task.log) | step 2 "shellcheck" exited with 1 (expected 0) |
      | \`test\` |  | 🚫 blocked |  |  | 0 |  |  |  |  | needs impl, which failed |
      | \`secrets\` |  | ⛔ denied | 1 file |  | 1 |  |  |  | [log](.ai/logs/autopilot/653-x/secrets/task.log) | secrets: 1 secret found in added lines (to allow: gates.scan-secrets: false) |

      ### Commits

      - \`c1\` Analyze requirements (\`analysis\`)
      - \`c2\` docs (\`docs\`)

      ### DAG

      \`\`\`mermaid
      flowchart TD
        t0["Analyze requirements (succeeded)"]
        t1["docs (cached)"]
        t2["Implement | wire (failed)"]
        t3["test (blocked)"]
        t4["secrets (denied)"]
        t0 --> t1
        t0 --> t2
        t2 --> t3
        classDef succeeded fill:#dafbe1,stroke:#1a7f37
        classDef cached fill:#ddf4ff,stroke:#0969da
        classDef failed fill:#ffebe9,stroke:#cf222e
        classDef blocked fill:#eaeef2,stroke:#57606a,stroke-dasharray:4
        classDef denied fill:#fff1e5,stroke:#bc4c00
        class t0 succeeded
        class t1 cached
        class t2 failed
        class t3 blocked
        class t4 denied

      \`\`\`

      ### Gates

      - \`analysis\`: ✅ all 2 gates passed (paths, secrets)
      - \`secrets\`: ⛔ **1 denied**
        - secrets: 1 secret found in added lines (to allow: \`gates.scan-secrets: false\`)
          - \`config.txt:3: AWS access key ***\`
      - whole branch: ✅ all 1 gates passed (size)

      ### Problems

      - \`impl\` **failed** at step "shellcheck": step 2 "shellcheck" exited with 1 (expected 0)
      - \`test\` **blocked**: needs impl, which failed
      - \`secrets\` **denied**: secrets: 1 secret found in added lines (to allow: gates.scan-secrets: false)

      ### Timings and usage

      - Agent usage: 1 call, 1500 tokens, $0.0125
      - Logs: .ai/logs/autopilot/653-x

      ### Re-run or resume

      - On this machine: \`autopilot run .ai/plans/653/Autopilot.yaml\` resumes (finished tasks are kept; failed and pending ones run); add \`--fresh\` to start over.
      - On Actions: re-run the workflow (or its failed jobs); unchanged tasks are reused from the cache.
      - If the branch \`autopilot/issue-653\` gets commits of your own, a re-run refuses to drop them: choose \`--onto-branch\` (input \`onto-branch: true\`) to keep them, or \`--force\` (input \`force: true\`) to replace them.
      "
    `)
  })

  it('shows durations and timestamps unless stable, and names a breaker', () => {
    const text = renderSummary({ plan, manifest: manifest({ breaker: 'max-consecutive-failures (2) reached' }) })
    expect(text).toContain('**Outcome: stopped** (circuit breaker: max-consecutive-failures (2) reached)')
    expect(text).toContain('| ✅ succeeded | 2 files |  | 1 | 1 min 1 s |')
    expect(text).toContain('- Started 2024-05-01T10:00:00.000Z, finished 2024-05-01T10:05:00.000Z')
    expect(renderSummary({ plan, manifest: manifest(), stable: true })).not.toMatch(/\d+(\.\d+)? (ms|s)\b|2024-05-01/)
  })

  it('renders an unstarted run and a missing task record as pending', () => {
    const m = manifest({ finishedAt: undefined, gates: undefined })
    delete (m.tasks as Record<string, unknown>).docs
    for (const t of Object.values(m.tasks)) t.gates = []
    const text = renderSummary({ plan, manifest: m, stable: true })
    expect(text).toContain('**Outcome: running**')
    expect(text).toContain('| `docs` |  | ⏳ pending |  |  | 0 |')
    expect(text).toContain('_No gates evaluated yet._')
  })
})

describe('the pieces', () => {
  it('runOutcome', () => {
    const ok = manifest()
    for (const t of Object.values(ok.tasks)) t.status = 'succeeded'
    ok.tasks.docs.status = 'cached'
    expect(runOutcome(ok)).toBe('succeeded')
    expect(runOutcome(manifest())).toBe('failed')
    expect(runOutcome(manifest({ breaker: 'x' }))).toBe('stopped')
    expect(runOutcome(manifest({ finishedAt: undefined }))).toBe('running')
  })

  it.each([
    [undefined, ''],
    [0, '0 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [1449, '1.4 s'],
    [59_949, '59.9 s'],
    [61_234, '1 min 1 s'],
    [3_600_000, '60 min 0 s']
  ])('formatDuration(%s) = %j', (ms, want) => {
    expect(formatDuration(ms)).toBe(want)
  })

  it('formatUsage and usageTotal', () => {
    expect(formatUsage(undefined)).toBe('')
    expect(formatUsage({ calls: 0, inputTokens: 5, outputTokens: 5 })).toBe('')
    expect(formatUsage({ calls: 2, inputTokens: 10, outputTokens: 5 })).toBe('2 calls, 15 tokens')
    const m = manifest()
    m.tasks.impl.usage = { calls: 2, inputTokens: 100, outputTokens: 50 }
    expect(usageTotal(m)).toEqual({ calls: 3, inputTokens: 1300, outputTokens: 350, costUsd: 0.0125 })
    expect(usageTotal(manifest({ tasks: {} }))).toBeUndefined()
  })

  it('renderTaskTable keeps each row on one line whatever the reason holds', () => {
    const rows = renderTaskTable({ plan, manifest: manifest(), stable: true }).split('\n')
    expect(rows).toHaveLength(2 + plan.tasks.length)
    const columns = rows[0].split('|').length
    for (const r of rows) expect(r.split(/(?<!\\)\|/)).toHaveLength(columns)
  })
})

describe('the pull request body', () => {
  const shellPlan = PlanSchema.parse({
    version: 1,
    issue: 700,
    title: 'Tidy the docs',
    intent: 'Make the docs build clean.\nNo behaviour change.',
    tasks: [
      { id: 'fix', name: 'Fix "broken" <links>', steps: [{ run: 'sed -i s/a/b/ docs.md' }], checks: [{ name: 'docs exist', run: 'test -f docs.md' }] },
      { id: 'lint', name: 'Lint the docs', needs: ['fix'], steps: [{ run: 'true' }], checks: [{ name: 'markdownlint', run: 'markdownlint docs.md' }] }
    ]
  })
  const check = (index: number, name: string) => ({ index, name, kind: 'check' as const, exitCode: 0, status: 'succeeded' as const, attempts: 1, durationMs: 1234 })
  const shellManifest = (): RunManifest => ({
    ...manifest(),
    issue: 700,
    branch: 'autopilot/issue-700',
    planPath: '.ai/plans/700/Autopilot.yaml',
    tasks: {
      fix: { id: 'fix', status: 'succeeded', attempts: 1, changedFiles: 1, durationMs: 4321, steps: [check(1, 'docs exist')], gates: [{ gate: 'paths', allowed: true, reason: 'ok' }] },
      lint: { id: 'lint', status: 'succeeded', attempts: 1, changedFiles: 0, durationMs: 999, steps: [check(0, 'markdownlint')], gates: [] }
    },
    commits: { fix: 'f'.repeat(40) },
    diffstats: { fix: { files: 1, insertions: 3, deletions: 2 } },
    gates: [{ gate: 'size', allowed: true, reason: 'small' }]
  })

  it('matches the snapshot (durations removed) and parses as GFM: one table, one mermaid block', async () => {
    const body = renderSummary({ plan: shellPlan, manifest: shellManifest(), pullRequest: true, stable: true })
    expect(body).toMatchSnapshot()
    expect(body).not.toMatch(/\d+(\.\d+)? (ms|s)\b/)
    expect(body).toContain('Closes #700')
    expect(body).toContain('> Make the docs build clean.\n> No behaviour change.')
    // No agent ran: no usage or agent columns.
    expect(body).not.toMatch(/\| Usage \|| Agents \|/)
    // The check-only task: listed as checked with its checks' results, and no commit of its own.
    expect(body).toContain('Checked only, no commit: `lint` (markdownlint ✅)')
    expect(body).toContain('- `ffffffffffff` Fix "broken" &lt;links&gt; (`fix`)')
    expect(body).toContain('- whole branch: ✅ all 1 gates passed (size)')

    const html = await marked.parse(body, { gfm: true })
    const dom = { tables: html.match(/<table>/g) ?? [], headers: /<thead>\s*<tr>([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '' }
    expect(dom.tables).toHaveLength(1)
    expect(dom.headers.match(/<th>/g)).toHaveLength(9)
    const rows = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1].match(/<tr>/g)
    expect(rows).toHaveLength(2)
    const mermaid = /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1]
    expect(mermaid).toBeDefined()
    // Nodes are labelled with the task names, quotes and angle brackets escaped for mermaid.
    expect(mermaid).toContain('t0[&quot;Fix #34;broken#34; #60;links#62; (succeeded)&quot;]')
    expect(mermaid).toContain('t1[&quot;Lint the docs (succeeded)&quot;]')
  })

  it('omits Closes with pr.close-issue: false, outside the PR body, and the whole-branch line when no branch was built', () => {
    const optOut = PlanSchema.parse({ ...shellPlan, pr: { 'close-issue': false } })
    expect(renderSummary({ plan: optOut, manifest: shellManifest(), pullRequest: true, stable: true })).not.toContain('Closes #')
    expect(renderSummary({ plan: shellPlan, manifest: shellManifest(), stable: true })).not.toContain('Closes #')
    const unbuilt = renderSummary({ plan: shellPlan, manifest: { ...shellManifest(), commits: {} }, stable: true })
    expect(unbuilt).not.toContain('whole branch')
    expect(unbuilt).not.toContain('### Commits')
  })

  it('shows usage and agent columns when a task used an agent', () => {
    expect(renderTaskTable({ plan, manifest: manifest(), stable: true }).split('\n')[0]).toBe(
      '| Task | Name | Status | Diffstat | Checks | Attempts | Time | Usage | Agents | Log | Details |'
    )
  })
})

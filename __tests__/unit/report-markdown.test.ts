// The markdown run report: a stable snapshot of renderSummary, and the pieces it is made of.
import { describe, expect, it } from 'vitest'
import { formatDuration, formatUsage, renderSummary, renderTaskTable, runOutcome, usageTotal } from '../../src/report/markdown.js'
import { manifest, plan } from '../fixtures/run/report-manifest.js'

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

      | Task | Name | Status | Attempts | Duration | Files | Usage | Agents | Log | Details |
      |---|---|---|---|---|---|---|---|---|---|
      | \`analysis\` | Analyze requirements | ✅ succeeded | 1 |  | 2 | 1 call, 1500 tokens, $0.0125 | codex | [log](.ai/logs/autopilot/653-x/analysis/task.log) |  |
      | \`docs\` |  | ♻️ cached | 1 |  | 1 |  |  |  |  |
      | \`impl\` | Implement \\| wire | ❌ failed | 2 |  |  |  |  | [log](.ai/logs/autopilot/653-x/impl/task.log) | step 2 "shellcheck" exited with 1 (expected 0) |
      | \`test\` |  | 🚫 blocked | 0 |  |  |  |  |  | needs impl, which failed |
      | \`secrets\` |  | ⛔ denied | 1 |  | 1 |  |  | [log](.ai/logs/autopilot/653-x/secrets/task.log) | secrets: 1 secret found in added lines (to allow: gates.scan-secrets: false) |

      ### DAG

      \`\`\`mermaid
      flowchart TD
        t0["analysis (succeeded)"]
        t1["docs (cached)"]
        t2["impl (failed)"]
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
      "
    `)
  })

  it('shows durations and timestamps unless stable, and names a breaker', () => {
    const text = renderSummary({ plan, manifest: manifest({ breaker: 'max-consecutive-failures (2) reached' }) })
    expect(text).toContain('**Outcome: stopped** (circuit breaker: max-consecutive-failures (2) reached)')
    expect(text).toContain('| ✅ succeeded | 1 | 1 min 1 s | 2 |')
    expect(text).toContain('- Started 2024-05-01T10:00:00.000Z, finished 2024-05-01T10:05:00.000Z')
    expect(renderSummary({ plan, manifest: manifest(), stable: true })).not.toMatch(/\d+(\.\d+)? (ms|s)\b|2024-05-01/)
  })

  it('renders an unstarted run and a missing task record as pending', () => {
    const m = manifest({ finishedAt: undefined, gates: undefined })
    delete (m.tasks as Record<string, unknown>).docs
    for (const t of Object.values(m.tasks)) t.gates = []
    const text = renderSummary({ plan, manifest: m, stable: true })
    expect(text).toContain('**Outcome: running**')
    expect(text).toContain('| `docs` |  | ⏳ pending | 0 |')
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

// The reusable workflow (workflows-examples/autopilot.yml) run with the built action against the local results
// backend and the fake GitHub: what every end-to-end test of the action starts from.
import { mkdtempSync } from 'node:fs'
import path from 'node:path'
import type { FakeGitHub } from './fake-github.js'
import type { LocalRepo } from './local-repo.js'
import { projectRoot } from './local-repo.js'
import type { ResultsBackend } from './results-backend.js'
import { runWorkflow, type RunWorkflowOptions, type WorkflowReport } from './workflow-runner.js'

export const AUTOPILOT_WORKFLOW = path.join(projectRoot, 'workflows-examples', 'autopilot.yml')

/** Runs the reusable workflow for `issue` as run `runId`, every job with its own id against the backend. */
export function runAutopilotWorkflow(o: {
  repo: LocalRepo
  issue: number
  runId: number
  backend: ResultsBackend
  fake: FakeGitHub
  inputs?: Record<string, unknown>
  /** Kills a step after this long (default 60 s). */
  stepTimeoutMs?: number
  /** See RunWorkflowOptions.pickLegs. */
  pickLegs?: RunWorkflowOptions['pickLegs']
}): Promise<WorkflowReport> {
  return runWorkflow({
    workflowFile: AUTOPILOT_WORKFLOW,
    inputs: { 'issue-number': o.issue, ...o.inputs },
    originRepo: o.repo.origin,
    actionDir: projectRoot,
    workDir: mkdtempSync(path.join(o.repo.root, `run-${o.runId}-`)),
    runId: o.runId,
    githubApiUrl: o.fake.url,
    env: (jobId) => o.backend.env(jobId, String(o.runId)),
    stepTimeoutMs: o.stepTimeoutMs ?? 60_000,
    pickLegs: o.pickLegs
  })
}

/** The Actions state store, wired to the real artifact and cache clients. */
import { DefaultArtifactClient } from '@actions/artifact'
import * as cache from '@actions/cache'
import { ActionsStateStore } from '../state/actions-store.js'
import type { Runner } from './runner.js'

export function openActionsStore(runner: Runner, issue: number): ActionsStateStore {
  return new ActionsStateStore({
    artifacts: new DefaultArtifactClient(),
    cache,
    runId: runner.context.runId,
    runAttempt: runner.context.runAttempt,
    tempDir: runner.context.tempDir,
    scope: String(issue),
    warn: m => runner.warning(m)
  })
}

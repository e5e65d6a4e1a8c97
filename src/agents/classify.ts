/**
 * Failure classification shared by the drivers: reads the exit code and the
 * tail of the output (the end is where CLIs print why they stopped; reading
 * only the tail keeps a model's own prose about "rate limits" from counting).
 */
import type { AgentDriver, FailureClass } from './driver.js'

/** How much of the output's end is searched for a failure reason. */
export const CLASSIFY_TAIL_BYTES = 8 * 1024

/** Shell's "command not found" and Node's spawn error for a missing program. */
const NOT_INSTALLED = /ENOENT|command not found|not installed|No such file or directory.*(?:codex|claude|gemini|aider|copilot)/i
const CREDENTIALS =
  /(?:missing|no|invalid|incorrect)[\w\s-]{0,20}api[\s_-]?key|API_KEY[^\n]{0,40}(?:not set|missing|required)|not (?:logged|signed) in|please (?:run [`'"]?\w+ login|log ?in|sign in)|authentication[_ ](?:failed|required|error)|unauthori[sz]ed|\b401\b|invalid[_ ]x-api-key|no authentication|could not authenticate|(?:set|specify) the [A-Z_]*(?:API_KEY|TOKEN)|no API keys? (?:were|was) provided/i
const RATE_LIMIT =
  /rate[\s_-]?limit|too many requests|\b429\b|quota|RESOURCE_EXHAUSTED|usage limit|overloaded|insufficient_quota|premium requests? (?:allowance|limit)/i
const CAP = /max(?:imum)?[\s_-]?turns|turn limit|error_max_turns|error_max_budget_usd|budget (?:exceeded|reached)|max[\s_-]?budget|max-autopilot-continues/i

/** The last `CLASSIFY_TAIL_BYTES` of the output. */
export function outputTail(output: string, bytes = CLASSIFY_TAIL_BYTES): string {
  return output.length > bytes ? output.slice(-bytes) : output
}

/**
 * Classify a finished call. `capExitCodes` are exit codes the CLI documents
 * for a turn limit (gemini: 53). `failedDespiteZero` lets a driver report a
 * failure its CLI signals in JSON while exiting 0.
 */
export function classifyResult(
  result: { exitCode: number | null; output: string },
  opts: { capExitCodes?: number[]; credentialExitCodes?: number[]; failedDespiteZero?: (output: string) => boolean } = {}
): FailureClass {
  const tail = outputTail(result.output)
  const failed = result.exitCode !== 0 || (opts.failedDespiteZero?.(result.output) ?? false)
  if (!failed) return 'ok'
  if (result.exitCode === 127 || NOT_INSTALLED.test(tail)) return 'not-installed'
  if (result.exitCode !== null && opts.capExitCodes?.includes(result.exitCode)) return 'turn-or-budget-cap'
  if (result.exitCode !== null && opts.credentialExitCodes?.includes(result.exitCode)) return 'missing-credentials'
  if (CAP.test(tail)) return 'turn-or-budget-cap'
  if (RATE_LIMIT.test(tail)) return 'rate-limit'
  if (CREDENTIALS.test(tail)) return 'missing-credentials'
  return 'non-zero-exit'
}

/** A one-line explanation of a failure class for reports, with the fix where there is one. */
export function explainFailure(driver: Pick<AgentDriver, 'name' | 'install' | 'credentials'>, cls: FailureClass): string {
  const creds = driver.credentials.map((g) => g.join(' or ')).join(', and ')
  switch (cls) {
    case 'ok':
      return `${driver.name} finished`
    case 'not-installed':
      return `${driver.name} is not installed or not on PATH; install it with: ${driver.install}`
    case 'missing-credentials':
      return `${driver.name} could not authenticate${creds ? `: check ${creds}` : ''}`
    case 'rate-limit':
      return `${driver.name} hit a rate limit or quota; retry later or escalate with \`fallback\``
    case 'turn-or-budget-cap':
      return `${driver.name} stopped at its turn or budget cap before finishing`
    case 'no-changes':
      return `${driver.name} exited 0 but changed nothing (the step expects changes)`
    case 'non-zero-exit':
      return `${driver.name} failed (non-zero exit)`
  }
}

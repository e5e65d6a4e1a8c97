// Tool names the sources use → autopilot's agent names.
import { AGENT_NAMES, type AgentName } from '../plan/schema.js'

const ALIASES: Record<string, AgentName> = {
  'claude-code': 'claude',
  claude_code: 'claude',
  claudecode: 'claude',
  'codex-cli': 'codex',
  'gemini-cli': 'gemini',
  'github-copilot': 'copilot',
  'copilot-cli': 'copilot'
}

/** The agent a source's tool name means (`claude-code` → `claude`), or undefined when autopilot has no such agent. */
export function agentName(tool: string): AgentName | undefined {
  const t = tool.trim().toLowerCase()
  if ((AGENT_NAMES as readonly string[]).includes(t)) return t as AgentName
  return ALIASES[t]
}

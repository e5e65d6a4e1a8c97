#!/usr/bin/env bash
# Installs the real coding-agent CLIs (pinned) into .cache/agent-clis, so
# __tests__/integration/agents-help.test.ts can check every flag our drivers
# pass against each CLI's own --help. Safe to re-run: npm skips what is current.
# Usage: scripts/install-agent-clis.sh [prefix]   (default: <repo>/.cache/agent-clis)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${1:-$root/.cache/agent-clis}"

# Pinned: bump together with the drivers in src/agents/ and re-run the help test.
packages=(
  "@openai/codex@0.169.0"
  "@anthropic-ai/claude-code@2.1.330"
  "@google/gemini-cli@0.61.0"
  "@github/copilot@1.0.102"
)

mkdir -p "$prefix"
# A private package.json keeps npm from walking up into the project's own one.
[ -f "$prefix/package.json" ] || echo '{ "name": "agent-clis", "private": true }' >"$prefix/package.json"

start=$(date +%s)
npm i --prefix "$prefix" --no-audit --no-fund --loglevel=error "${packages[@]}"
echo "agent CLIs installed in $prefix ($(du -sh "$prefix" | cut -f1), $(($(date +%s) - start))s)"

#!/usr/bin/env bash
# What the test suite needs besides npm packages, installed when missing, so that `npm test` alone sets up a
# fresh machine: bubblewrap (every step runs in it), shellcheck (workflow lint) and the pinned agent CLIs
# (the real-CLI tests). Quick when all is there. Without root, it prints the command to run instead.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
missing=()
[ -x /usr/bin/bwrap ] || missing+=(bubblewrap)
command -v shellcheck >/dev/null || missing+=(shellcheck)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test prerequisites: installing ${missing[*]}"
    (apt-get install -y -qq "${missing[@]}" || (apt-get update -qq && apt-get install -y -qq "${missing[@]}")) >/dev/null 2>&1 ||
      echo "test prerequisites: could not install ${missing[*]}; tests that need them fail or skip, saying why" >&2
  else
    echo "test prerequisites: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  fi
fi
bash "$root/scripts/install-agent-clis.sh" >/dev/null 2>&1 || echo "test prerequisites: the agent CLIs could not be installed (bash scripts/install-agent-clis.sh); the real-CLI tests skip" >&2
exit 0

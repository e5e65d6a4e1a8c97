#!/usr/bin/env node
// The `autopilot` command: the committed ncc bundle of src/bin.ts (no build step after `npm ci`).
import "../dist/cli/index.js"

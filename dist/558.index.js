export const id = 558;
export const ids = [558];
export const modules = {

/***/ 68277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ik: () => (/* binding */ checkBudget),
/* harmony export */   Ji: () => (/* binding */ charge),
/* harmony export */   _L: () => (/* binding */ mergeUsage),
/* harmony export */   es: () => (/* binding */ tokenBudgets),
/* harmony export */   vk: () => (/* binding */ addUsage)
/* harmony export */ });
/* unused harmony exports ZERO_USAGE, utcDay, emptyLedger, rollLedger, totalTokens */
const ZERO_USAGE = Object.freeze({ calls: 0, inputTokens: 0, outputTokens: 0 });
/** The UTC day of `now`, as YYYY-MM-DD. */
function utcDay(now) {
    return now.toISOString().slice(0, 10);
}
/** An empty ledger for the day of `now`. */
function emptyLedger(now) {
    return { day: utcDay(now), perAgent: {} };
}
/** The ledger as of `now`: the same one on the same UTC day, an empty one after midnight. */
function rollLedger(ledger, now) {
    return ledger && ledger.day === utcDay(now) ? ledger : emptyLedger(now);
}
/** a + b; cost is kept when either side reports one. */
function addUsage(a, b) {
    const sum = {
        calls: a.calls + b.calls,
        inputTokens: a.inputTokens + b.inputTokens,
        outputTokens: a.outputTokens + b.outputTokens
    };
    if (a.costUsd !== undefined || b.costUsd !== undefined) {
        // Round to micro-dollars so repeated sums stay stable in JSON.
        sum.costUsd = Math.round(((a.costUsd ?? 0) + (b.costUsd ?? 0)) * 1e6) / 1e6;
    }
    if (a.unknownCalls || b.unknownCalls)
        sum.unknownCalls = (a.unknownCalls ?? 0) + (b.unknownCalls ?? 0);
    if (a.durationMs !== undefined || b.durationMs !== undefined)
        sum.durationMs = (a.durationMs ?? 0) + (b.durationMs ?? 0);
    return sum;
}
/** a + b where either may be missing (a step without agent calls has no usage). */
function mergeUsage(a, b) {
    return !b ? a : !a ? { ...b } : addUsage(a, b);
}
/**
 * The token budgets that apply to `agent` (per run, per day, run-wide), by setting name: a call
 * whose usage is unknown cannot be counted against them.
 */
function tokenBudgets(plan, agent) {
    const s = plan.agents[agent] ?? {};
    return [
        ...(s['max-tokens'] !== undefined ? [`agents.${agent}.max-tokens`] : []),
        ...(s['max-tokens-per-day'] !== undefined ? [`agents.${agent}.max-tokens-per-day`] : []),
        ...(plan.limits['max-tokens'] !== undefined ? ['limits.max-tokens'] : [])
    ];
}
/** Tokens counted against `max-tokens`: input plus output. */
function totalTokens(u) {
    return u.inputTokens + u.outputTokens;
}
function total(runUsage) {
    return Object.values(runUsage).reduce(addUsage, ZERO_USAGE);
}
function firstReached(limits) {
    for (const l of limits) {
        if (l.limit !== undefined && l.used >= l.limit) {
            const used = l.unit === 'USD' ? `$${l.used.toFixed(4)}` : `${l.used} ${l.unit}`;
            return `budget: ${l.setting} (${l.limit}) reached: ${used} spent`;
        }
    }
    return undefined;
}
/**
 * May `agent` be called now? Checks, in order: the agent's per-run budgets,
 * its per-day budgets (from the ledger rolled to `now`), then the run-wide
 * `limits`. The breaker message names the plan setting that tripped.
 */
function checkBudget(input) {
    const { plan, agent } = input;
    const s = plan.agents[agent] ?? {};
    const mine = input.runUsage[agent] ?? ZERO_USAGE;
    const today = rollLedger(input.ledger, input.now).perAgent[agent] ?? ZERO_USAGE;
    const run = total(input.runUsage);
    const a = `agents.${agent}`;
    const breaker = firstReached([
        { setting: `${a}.max-calls`, limit: s['max-calls'], used: mine.calls, unit: 'calls' },
        { setting: `${a}.max-tokens`, limit: s['max-tokens'], used: totalTokens(mine), unit: 'tokens' },
        { setting: `${a}.max-cost-usd`, limit: s['max-cost-usd'], used: mine.costUsd ?? 0, unit: 'USD' },
        { setting: `${a}.max-calls-per-day`, limit: s['max-calls-per-day'], used: today.calls, unit: 'calls today' },
        { setting: `${a}.max-tokens-per-day`, limit: s['max-tokens-per-day'], used: totalTokens(today), unit: 'tokens today' },
        { setting: `${a}.max-cost-usd-per-day`, limit: s['max-cost-usd-per-day'], used: today.costUsd ?? 0, unit: 'USD' },
        { setting: 'limits.max-agent-calls', limit: plan.limits['max-agent-calls'], used: run.calls, unit: 'calls' },
        { setting: 'limits.max-tokens', limit: plan.limits['max-tokens'], used: totalTokens(run), unit: 'tokens' },
        { setting: 'limits.max-cost-usd', limit: plan.limits['max-cost-usd'], used: run.costUsd ?? 0, unit: 'USD' }
    ]);
    return breaker ? { ok: false, breaker } : { ok: true };
}
/**
 * Record a finished call: new run usage and a new ledger (rolled to `now`),
 * the inputs untouched. Charge every call, failed ones too: they cost.
 */
function charge(input) {
    const { agent, usage } = input;
    const ledger = rollLedger(input.ledger, input.now);
    return {
        runUsage: { ...input.runUsage, [agent]: addUsage(input.runUsage[agent] ?? ZERO_USAGE, usage) },
        ledger: { day: ledger.day, perAgent: { ...ledger.perAgent, [agent]: addUsage(ledger.perAgent[agent] ?? ZERO_USAGE, usage) } }
    };
}


/***/ }),

/***/ 85638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b$: () => (/* binding */ agentEnv),
  iu: () => (/* binding */ agentNetworkProblems),
  SP: () => (/* reexport */ explainFailure),
  vZ: () => (/* binding */ getDriver),
  eY: () => (/* reexport */ login_files/* loggedIn */.eY),
  Hk: () => (/* reexport */ login_files/* loginFilesFound */.Hk),
  nm: () => (/* binding */ missingCredentials),
  un: () => (/* binding */ networkDenied),
  UR: () => (/* binding */ resolveAgentCall)
});

// UNUSED EXPORTS: allDrivers, classifyResult, loginBinds, loginReport

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/agents/classify.ts
/** How much of the output's end is searched for a failure reason. */
const CLASSIFY_TAIL_BYTES = 8 * 1024;
/** Shell's "command not found" and Node's spawn error for a missing program. */
const NOT_INSTALLED = /ENOENT|command not found|not installed|No such file or directory.*(?:codex|claude|gemini|aider|copilot)/i;
const CREDENTIALS = /(?:missing|no|invalid|incorrect)[\w\s-]{0,20}api[\s_-]?key|API_KEY[^\n]{0,40}(?:not set|missing|required)|not (?:logged|signed) in|please (?:run [`'"]?\w+ login|log ?in|sign in)|authentication[_ ](?:failed|required|error)|unauthori[sz]ed|\b401\b|invalid[_ ]x-api-key|no authentication|could not authenticate|(?:set|specify) the [A-Z_]*(?:API_KEY|TOKEN)|no API keys? (?:were|was) provided/i;
const RATE_LIMIT = /rate[\s_-]?limit|too many requests|\b429\b|quota|RESOURCE_EXHAUSTED|usage limit|overloaded|insufficient_quota|premium requests? (?:allowance|limit)/i;
const CAP = /max(?:imum)?[\s_-]?turns|turn limit|error_max_turns|error_max_budget_usd|budget (?:exceeded|reached)|max[\s_-]?budget|max-autopilot-continues/i;
/** The last `CLASSIFY_TAIL_BYTES` of the output. */
function outputTail(output, bytes = CLASSIFY_TAIL_BYTES) {
    return output.length > bytes ? output.slice(-bytes) : output;
}
/**
 * Classify a finished call. `capExitCodes` are exit codes the CLI documents
 * for a turn limit (gemini: 53). `failedDespiteZero` lets a driver report a
 * failure its CLI signals in JSON while exiting 0.
 */
function classifyResult(result, opts = {}) {
    const tail = outputTail(result.output);
    const failed = result.exitCode !== 0 || (opts.failedDespiteZero?.(result.output) ?? false);
    if (!failed)
        return 'ok';
    if (result.exitCode === 127 || NOT_INSTALLED.test(tail))
        return 'not-installed';
    if (result.exitCode !== null && opts.capExitCodes?.includes(result.exitCode))
        return 'turn-or-budget-cap';
    if (result.exitCode !== null && opts.credentialExitCodes?.includes(result.exitCode))
        return 'missing-credentials';
    if (CAP.test(tail))
        return 'turn-or-budget-cap';
    if (RATE_LIMIT.test(tail))
        return 'rate-limit';
    if (CREDENTIALS.test(tail))
        return 'missing-credentials';
    return 'non-zero-exit';
}
/** A one-line explanation of a failure class for reports, with the fix where there is one. */
function explainFailure(driver, cls) {
    const creds = driver.credentials.map((g) => g.join(' or ')).join(', and ');
    switch (cls) {
        case 'ok':
            return `${driver.name} finished`;
        case 'not-installed':
            return `${driver.name} is not installed or not on PATH; install it with: ${driver.install}`;
        case 'missing-credentials':
            return `${driver.name} could not authenticate${creds ? `: check ${creds}` : ''}`;
        case 'rate-limit':
            return `${driver.name} hit a rate limit or quota; retry later or escalate with \`fallback\``;
        case 'turn-or-budget-cap':
            return `${driver.name} stopped at its turn or budget cap before finishing`;
        case 'no-changes':
            return `${driver.name} exited 0 but changed nothing (the step expects changes)`;
        case 'non-zero-exit':
            return `${driver.name} failed (non-zero exit)`;
    }
}

;// CONCATENATED MODULE: ./src/agents/drivers/aider.ts
/**
 * Aider (a Python program): `aider --message-file <prompt> --yes-always
 * --no-auto-commits`, plus the switches that keep it from touching the
 * repository on its own (no commits of dirty files, no .gitignore edit, its
 * history files next to the prompt file instead of in the worktree).
 * Options: https://aider.chat/docs/config/options.html
 */


/** `Tokens: 2.3k sent, 95 received. Cost: $0.0012 message, $0.0150 session.` */
const TOKENS_LINE = /Tokens:\s*([\d.,]+)([kKmM]?)\s*sent(?:,\s*([\d.,]+)([kKmM]?)\s*cache write)?(?:,\s*([\d.,]+)([kKmM]?)\s*cache hit)?,\s*([\d.,]+)([kKmM]?)\s*received\.(?:\s*Cost:\s*\$([\d.]+)\s*message)?/g;
function count(n, suffix) {
    if (!n)
        return 0;
    const v = Number(n.replace(/,/g, ''));
    const mult = suffix?.toLowerCase() === 'k' ? 1e3 : suffix?.toLowerCase() === 'm' ? 1e6 : 1;
    return Math.round(v * mult);
}
const aiderDriver = {
    name: 'aider',
    install: 'python -m pip install aider-install && aider-install',
    docs: 'https://aider.chat/docs/scripting.html',
    // Aider talks to many providers; any one key is enough (the model decides which).
    credentials: [['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GEMINI_API_KEY', 'DEEPSEEK_API_KEY', 'OPENROUTER_API_KEY']],
    optionalEnv: ['OPENAI_API_BASE', 'ANTHROPIC_BASE_URL'],
    // Aider has no login of its own: keys only.
    loginFiles: [],
    build(ctx) {
        const side = (0,external_node_path_.dirname)(ctx.promptFile);
        const argv = [
            'aider',
            '--message-file',
            ctx.promptFile,
            '--yes-always',
            '--no-auto-commits',
            '--no-dirty-commits',
            '--no-gitignore',
            '--no-pretty',
            '--no-stream',
            '--no-check-update',
            '--no-show-release-notes',
            '--analytics-disable',
            '--chat-history-file',
            (0,external_node_path_.join)(side, 'aider.chat.history.md'),
            '--input-history-file',
            (0,external_node_path_.join)(side, 'aider.input.history'),
            ...(ctx.model ? ['--model', ctx.model] : []),
            ...ctx.args
        ];
        return { argv };
    },
    parseUsage(stdout) {
        // Aider prints one `Tokens: ...` line per LLM exchange; there is no JSON mode.
        let found = false;
        const usage = { calls: 1, inputTokens: 0, outputTokens: 0 };
        let cost = 0;
        for (const m of stdout.matchAll(TOKENS_LINE)) {
            found = true;
            // `sent` already includes cache writes (aider/coders/base_coder.py); cache hits are reported apart.
            usage.inputTokens += count(m[1], m[2]) + count(m[5], m[6]);
            usage.outputTokens += count(m[7], m[8]);
            if (m[9])
                cost += Number(m[9]);
        }
        if (!found)
            return undefined;
        if (cost > 0)
            usage.costUsd = Math.round(cost * 1e6) / 1e6;
        return usage;
    },
    classify(result) {
        return classifyResult(result);
    }
};

;// CONCATENATED MODULE: ./src/agents/cli-output.ts
/**
 * Helpers for reading agent CLIs' machine output: JSON documents and JSON
 * Lines, tolerant of log lines mixed in (CLIs print warnings on stdout too).
 */
/** Every line of `text` that parses as a JSON object, in order. */
function jsonLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const t = line.trim();
        if (!t.startsWith('{'))
            continue;
        try {
            const v = JSON.parse(t);
            if (isObject(v))
                out.push(v);
        }
        catch {
            // Not JSON: a log line or a truncated event; skip it.
        }
    }
    return out;
}
/**
 * The end of the JSON object that starts at `text[start]` (a `{`), found by
 * matching braces outside strings; -1 when it never closes.
 */
function objectEnd(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i;
    }
    return -1;
}
/**
 * The last JSON object in `text` that `accept` takes, wherever it sits: a
 * pretty-printed document, one JSON line, or either with log lines or other
 * JSON before and after it (a CLI's warnings, a retried request's error). Only
 * objects that open at the start of a line are candidates, so a `{` inside a
 * log message is not mistaken for the document.
 */
function findJsonDocument(text, accept = () => true) {
    let found;
    for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
        if (!atLineStart(text, start))
            continue;
        const end = objectEnd(text, start);
        if (end < 0)
            continue;
        try {
            const v = JSON.parse(text.slice(start, end + 1));
            if (isObject(v) && accept(v)) {
                found = v;
                start = end;
            }
        }
        catch {
            // Not JSON after all: keep looking.
        }
    }
    return found;
}
function atLineStart(text, i) {
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r'))
        j--;
    return j < 0 || text[j] === '\n';
}
/** The last JSON object in `text` (see findJsonDocument). */
function lastJsonObject(text) {
    return findJsonDocument(text);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** A non-negative finite number, else 0. */
function num(v) {
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}
/**
 * The driver's default flags, unless the plan's `args` already set one of
 * `overriddenBy` (so `args: [--approval-mode, yolo]` replaces our default
 * instead of passing the flag twice).
 */
function unlessOverridden(args, overriddenBy, defaults) {
    const set = args.some((a) => overriddenBy.some((f) => a === f || a.startsWith(`${f}=`)));
    return set ? [] : defaults;
}

;// CONCATENATED MODULE: ./src/agents/driver.ts
/**
 * How often a CLI may retry a failed provider request (429, 5xx) on its own, where it has a
 * setting for it. Claude and gemini otherwise retry for minutes, silently; autopilot's retries
 * and fallbacks take over instead.
 */
const AGENT_MAX_RETRIES = 2;

;// CONCATENATED MODULE: ./src/agents/drivers/claude.ts
/**
 * Anthropic Claude Code: `claude -p --output-format json`, prompt on stdin,
 * edits accepted without asking, tools limited to `allowed-tools` when given.
 * Docs: https://docs.claude.com/en/docs/claude-code/headless
 */



/** The single `{"type":"result",...}` object `--output-format json` prints. */
function resultObject(stdout) {
    return findJsonDocument(stdout, (d) => d.type === 'result');
}
const claudeDriver = {
    name: 'claude',
    install: 'npm i -g @anthropic-ai/claude-code',
    docs: 'https://docs.claude.com/en/docs/claude-code/headless',
    // ANTHROPIC_AUTH_TOKEN: a gateway's bearer token (sent as `Authorization: Bearer`).
    credentials: [['ANTHROPIC_API_KEY', 'CLAUDE_CODE_OAUTH_TOKEN', 'ANTHROPIC_AUTH_TOKEN']],
    optionalEnv: ['ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_CUSTOM_HEADERS'],
    // `claude login` (`/login`): the OAuth tokens, and the account file the CLI checks at start.
    loginFiles: ['.claude/.credentials.json', '.claude.json'],
    build(ctx) {
        const argv = [
            'claude',
            '-p',
            '--output-format',
            'json',
            ...unlessOverridden(ctx.args, ['--permission-mode', '--dangerously-skip-permissions'], [
                '--permission-mode',
                'acceptEdits'
            ]),
            ...(ctx.model ? ['--model', ctx.model] : []),
            // One token with `=`: the option is variadic and would swallow what follows.
            ...(ctx.allowedTools?.length ? [`--allowedTools=${ctx.allowedTools.join(',')}`] : []),
            ...ctx.args
        ];
        // Documented switch for autoupdater, telemetry, error reporting and bug command. Retries of a 429/5xx are
        // bounded (the CLI's default retries for minutes) so a failing provider escalates in autopilot instead.
        return {
            argv,
            stdin: ctx.prompt,
            env: { CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', CLAUDE_CODE_MAX_RETRIES: String(AGENT_MAX_RETRIES) }
        };
    },
    parseUsage(stdout) {
        const r = resultObject(stdout);
        if (!r)
            return undefined;
        const usage = { calls: 1, inputTokens: 0, outputTokens: 0 };
        // `modelUsage` covers subagents too (the CLI's schema says to prefer it); `usage` is the main loop only.
        const perModel = isObject(r.modelUsage) ? Object.values(r.modelUsage).filter(isObject) : [];
        if (perModel.length) {
            for (const m of perModel) {
                usage.inputTokens += num(m.inputTokens) + num(m.cacheReadInputTokens) + num(m.cacheCreationInputTokens);
                usage.outputTokens += num(m.outputTokens);
            }
        }
        else if (isObject(r.usage)) {
            const u = r.usage;
            usage.inputTokens = num(u.input_tokens) + num(u.cache_read_input_tokens) + num(u.cache_creation_input_tokens);
            usage.outputTokens = num(u.output_tokens);
        }
        if (typeof r.total_cost_usd === 'number')
            usage.costUsd = r.total_cost_usd;
        if (typeof r.duration_ms === 'number')
            usage.durationMs = r.duration_ms;
        return usage;
    },
    classify(result) {
        const r = resultObject(result.output);
        if (r && typeof r.subtype === 'string' && /^error_max_(turns|budget_usd)/.test(r.subtype))
            return 'turn-or-budget-cap';
        return classifyResult(result, { failedDespiteZero: () => r?.is_error === true });
    }
};

;// CONCATENATED MODULE: ./src/agents/drivers/codex.ts
/**
 * OpenAI Codex CLI: `codex exec --json --sandbox danger-full-access`, prompt
 * on stdin (`-`). Codex's own sandbox (bubblewrap/landlock/seccomp) cannot
 * nest inside autopilot's (its file writes fail: "Failed to write file"), and
 * autopilot's sandbox already confines the step to its worktree, so codex is
 * told not to add one. Docs: https://developers.openai.com/codex/noninteractive
 */


const codexDriver = {
    name: 'codex',
    install: 'npm i -g @openai/codex',
    docs: 'https://developers.openai.com/codex/noninteractive',
    // `codex exec` reads CODEX_API_KEY; OPENAI_API_KEY is the general key.
    credentials: [['OPENAI_API_KEY', 'CODEX_API_KEY']],
    // `codex login` keeps its tokens in auth.json; config.toml holds model providers (a gateway's base URL).
    loginFiles: ['.codex/auth.json', '.codex/config.toml'],
    build(ctx) {
        const argv = [
            'codex',
            'exec',
            '--json',
            ...unlessOverridden(ctx.args, ['--sandbox', '-s', '--dangerously-bypass-approvals-and-sandbox'], [
                '--sandbox',
                'danger-full-access'
            ]),
            '--cd',
            ctx.cwd,
            ...(ctx.model ? ['--model', ctx.model] : []),
            ...ctx.args,
            // `-`: read the instructions from stdin (no prompt in argv, no size limit).
            '-'
        ];
        return { argv, stdin: ctx.prompt };
    },
    parseUsage(stdout) {
        // Retries show as `{"type":"error","message":"Reconnecting... 2/5 ..."}` events; only turn.completed counts.
        // `turn.completed` carries `usage: {input_tokens, cached_input_tokens, output_tokens}`
        // (cached is part of input); one per turn, so they add up.
        let found = false;
        const usage = { calls: 1, inputTokens: 0, outputTokens: 0 };
        for (const ev of jsonLines(stdout)) {
            if (ev.type !== 'turn.completed' || !isObject(ev.usage))
                continue;
            found = true;
            usage.inputTokens += num(ev.usage.input_tokens);
            usage.outputTokens += num(ev.usage.output_tokens);
        }
        return found ? usage : undefined;
    },
    classify(result) {
        return classifyResult(result, {
            // A failed turn is reported as an event; exit code is non-zero then too, but be safe.
            failedDespiteZero: (out) => jsonLines(out).some((e) => e.type === 'turn.failed')
        });
    }
};

;// CONCATENATED MODULE: ./src/agents/drivers/command.ts
/**
 * Any program as an agent: `agent: command` with `command: [prog, args...]`.
 * The prompt arrives on stdin and its path in AUTOPILOT_PROMPT_FILE (the
 * model, if any, in AUTOPILOT_MODEL). Usage is
 * read when the program prints the same `{"autopilot_usage": {...}}` line
 * (documented in docs/agents.md); otherwise only the call is counted.
 */


const commandDriver = {
    name: 'command',
    install: 'install the program named in `command` and make sure it is on PATH',
    docs: 'docs/agents.md',
    credentials: [],
    loginFiles: [],
    build(ctx) {
        if (!ctx.command?.length) {
            throw new Error('agent: command needs `command: [program, args...]` on the step or in `agents.command.command`');
        }
        return {
            argv: [...ctx.command, ...ctx.args],
            stdin: ctx.prompt,
            // An arbitrary program may not take `--model`: the model travels in the environment.
            env: { AUTOPILOT_PROMPT_FILE: ctx.promptFile, ...(ctx.model ? { AUTOPILOT_MODEL: ctx.model } : {}) }
        };
    },
    parseUsage(stdout) {
        const line = jsonLines(stdout).findLast((e) => isObject(e.autopilot_usage));
        const u = line?.autopilot_usage;
        // No line: the call counts, its tokens are unknown.
        if (!isObject(u))
            return undefined;
        const usage = { calls: 1, inputTokens: num(u.input_tokens), outputTokens: num(u.output_tokens) };
        if (typeof u.cost_usd === 'number')
            usage.costUsd = u.cost_usd;
        return usage;
    },
    classify(result) {
        return classifyResult(result);
    }
};

;// CONCATENATED MODULE: ./src/agents/drivers/copilot.ts
/**
 * GitHub Copilot CLI: `copilot -p <prompt> --output-format json
 * --allow-all-tools` (the CLI requires tool approval up front in prompt mode),
 * or only `allowed-tools` via `--allow-tool`; `git push` is always denied.
 * Docs: https://docs.github.com/copilot/how-tos/copilot-cli
 */



/** Bring-your-own-key settings (`copilot help environment`), passed when the caller has them. */
const BYOK_ENV = [
    'COPILOT_PROVIDER_TYPE',
    'COPILOT_PROVIDER_API_KEY',
    'COPILOT_PROVIDER_BEARER_TOKEN',
    'COPILOT_PROVIDER_WIRE_API',
    'COPILOT_PROVIDER_MODEL_ID',
    'COPILOT_PROVIDER_WIRE_MODEL',
    'COPILOT_PROVIDER_HEADERS',
    'COPILOT_PROVIDER_AZURE_API_VERSION',
    'COPILOT_PROVIDER_MAX_PROMPT_TOKENS',
    'COPILOT_PROVIDER_MAX_OUTPUT_TOKENS',
    'COPILOT_MODEL'
];
/** Token counts of a session: `session.shutdown` `data.accountingSnapshot.modelMetrics.<model>.usage`. */
function sessionUsage(eventsJsonl) {
    const shutdown = jsonLines(eventsJsonl).findLast((e) => e.type === 'session.shutdown');
    const data = isObject(shutdown?.data) ? shutdown.data : undefined;
    const snapshot = isObject(data?.accountingSnapshot) ? data.accountingSnapshot : undefined;
    const metrics = isObject(snapshot?.modelMetrics) ? snapshot.modelMetrics : isObject(data?.modelMetrics) ? data.modelMetrics : undefined;
    if (!metrics)
        return undefined;
    const usage = { calls: 1, inputTokens: 0, outputTokens: 0 };
    for (const m of Object.values(metrics)) {
        const u = isObject(m) && isObject(m.usage) ? m.usage : {};
        usage.inputTokens += num(u.inputTokens);
        usage.outputTokens += num(u.outputTokens);
    }
    return usage;
}
const copilotDriver = {
    name: 'copilot',
    install: 'npm i -g @github/copilot',
    docs: 'https://docs.github.com/copilot/how-tos/copilot-cli',
    // Precedence per `copilot help environment`. The CLI also reads GITHUB_TOKEN, but that name is left
    // out on purpose: in Actions it is the workflow's token (no Copilot permission, and it must never
    // reach a step unasked). Use a PAT with the Copilot Requests permission in COPILOT_GITHUB_TOKEN.
    // COPILOT_PROVIDER_BASE_URL is bring-your-own-key mode: "GitHub authentication is not required".
    credentials: [['COPILOT_GITHUB_TOKEN', 'GH_TOKEN', 'COPILOT_PROVIDER_BASE_URL']],
    optionalEnv: BYOK_ENV,
    // The device login's token when no system keychain is available (plain-text fallback).
    loginFiles: ['.copilot/config.json'],
    build(ctx) {
        const tools = ctx.allowedTools?.length ? ctx.allowedTools.map((t) => `--allow-tool=${t}`) : ['--allow-all-tools'];
        const argv = [
            'copilot',
            // The prompt goes in argv: prompt mode has no file or stdin form. It is bounded by
            // assemblePrompt (64 KiB default), under Linux's 128 KiB per-argument limit.
            '-p',
            ctx.prompt,
            '--output-format',
            'json',
            ...tools,
            '--deny-tool=shell(git push)',
            '--no-ask-user',
            ...(ctx.model ? ['--model', ctx.model] : []),
            ...ctx.args
        ];
        // Documented in `copilot help environment`: no self-update in the middle of a run. With a BYOK
        // provider, offline mode skips GitHub authentication, telemetry and the GitHub MCP server (without
        // it the CLI spends ~40 s on GitHub endpoints it cannot use, and lingers after its result).
        const byok = ctx.passed?.includes('COPILOT_PROVIDER_BASE_URL') ?? false;
        return { argv, env: { COPILOT_AUTO_UPDATE: 'false', ...(byok ? { COPILOT_OFFLINE: 'true' } : {}) } };
    },
    sessionFile(stdout, home) {
        // This version's `--output-format json` has no token counts (github/copilot-cli#4107); the session's
        // events.jsonl under ~/.copilot/session-state/<sessionId>/ has them in its `session.shutdown` event.
        const id = jsonLines(stdout).findLast((e) => e.type === 'result')?.sessionId;
        return typeof id === 'string' && /^[\w-]+$/.test(id) ? (0,external_node_path_.join)(home, '.copilot', 'session-state', id, 'events.jsonl') : undefined;
    },
    parseUsage(stdout, sessionText) {
        const events = jsonLines(stdout);
        const usage = (sessionText !== undefined ? sessionUsage(sessionText) : undefined) ?? sessionUsage(stdout);
        if (!usage)
            return undefined;
        const result = events.findLast((e) => e.type === 'result');
        if (isObject(result?.usage) && typeof result.usage.sessionDurationMs === 'number') {
            usage.durationMs = result.usage.sessionDurationMs;
        }
        return usage;
    },
    classify(result) {
        return classifyResult(result, {
            failedDespiteZero: (out) => {
                const r = jsonLines(out).findLast((e) => e.type === 'result');
                return typeof r?.exitCode === 'number' && r.exitCode !== 0;
            }
        });
    }
};

;// CONCATENATED MODULE: ./src/agents/drivers/gemini.ts
/**
 * Google Gemini CLI in headless mode: `gemini --output-format json
 * --approval-mode auto_edit --prompt <line>`, the task on stdin (the CLI
 * appends `--prompt` to stdin). Docs: https://geminicli.com/docs/cli/headless/
 */




/** Sent as `--prompt`: the real instructions come first, on stdin. */
const GEMINI_PROMPT_LINE = 'Carry out the task described above.';
/** Exit code the headless docs give for "turn limit exceeded". */
const GEMINI_TURN_LIMIT_EXIT = 53;
/** FATAL_AUTHENTICATION_ERROR: no or an invalid auth method (e.g. a gateway URL without an auth type). */
const GEMINI_AUTH_EXIT = 41;
/** The headless JSON document: `{session_id?, response, stats}` or `{session_id?, error}`. */
const isGeminiDoc = (d) => isObject(d.stats) || 'response' in d || isObject(d.error);
const geminiDriver = {
    name: 'gemini',
    install: 'npm i -g @google/gemini-cli',
    docs: 'https://geminicli.com/docs/cli/headless/',
    credentials: [['GEMINI_API_KEY', 'GOOGLE_API_KEY']],
    optionalEnv: ['GOOGLE_GEMINI_BASE_URL', 'GEMINI_MODEL'],
    // Gemini's "Login with Google": OAuth tokens, the account, and settings.json (its `selectedType`).
    loginFiles: ['.gemini/oauth_creds.json', '.gemini/google_accounts.json', '.gemini/settings.json'],
    build(ctx) {
        const argv = [
            'gemini',
            '--output-format',
            'json',
            // auto_edit approves file edits only; shell commands still need approval (denied headless).
            ...unlessOverridden(ctx.args, ['--approval-mode', '--yolo', '-y'], ['--approval-mode', 'auto_edit']),
            ...(ctx.model ? ['--model', ctx.model] : []),
            ...ctx.args,
            '--prompt',
            GEMINI_PROMPT_LINE
        ];
        // Headless runs in an untrusted folder stop with exit 55; autopilot made this worktree itself.
        const env = { GEMINI_CLI_TRUST_WORKSPACE: 'true' };
        if (!ctx.passed?.includes('GEMINI_API_KEY'))
            return { argv, stdin: ctx.prompt, env };
        // With an API key, gemini needs nothing from HOME: it gets a home of its own beside the prompt
        // (GEMINI_CLI_HOME) whose settings.json selects the API-key auth type and bounds its retries
        // (`general.maxAttempts`, default 10). Without the auth type, GOOGLE_GEMINI_BASE_URL selects a
        // "gateway" type that gemini 0.61's own check rejects with exit 41. (A system-defaults file would
        // not do: gemini skips one whose parent directory is writable by others, as /tmp is.)
        const home = (0,external_node_path_.join)((0,external_node_path_.dirname)(ctx.promptFile), 'gemini-home');
        const settings = { general: { maxAttempts: AGENT_MAX_RETRIES + 1 }, security: { auth: { selectedType: 'gemini-api-key' } } };
        env.GEMINI_CLI_HOME = home;
        return { argv, stdin: ctx.prompt, env, files: { [(0,external_node_path_.join)(home, '.gemini', 'settings.json')]: JSON.stringify(settings, null, 2) + '\n' } };
    },
    parseUsage(stdout) {
        // `{session_id?, response, stats: {models: {<model>: {api: {totalLatencyMs..}, tokens: {prompt, candidates,
        // thoughts, cached..}}}, tools, files}, error?}`; `prompt` includes cached tokens, thoughts bill as output.
        const doc = findJsonDocument(stdout, isGeminiDoc);
        if (!doc || !isObject(doc.stats) || !isObject(doc.stats.models))
            return undefined;
        const usage = { calls: 1, inputTokens: 0, outputTokens: 0, durationMs: 0 };
        for (const m of Object.values(doc.stats.models)) {
            if (!isObject(m))
                continue;
            const t = isObject(m.tokens) ? m.tokens : {};
            usage.inputTokens += num(t.prompt);
            usage.outputTokens += num(t.candidates) + num(t.thoughts);
            if (isObject(m.api))
                usage.durationMs = (usage.durationMs ?? 0) + num(m.api.totalLatencyMs);
        }
        return usage;
    },
    classify(result) {
        return classifyResult(result, {
            capExitCodes: [GEMINI_TURN_LIMIT_EXIT],
            credentialExitCodes: [GEMINI_AUTH_EXIT],
            failedDespiteZero: (out) => isObject(findJsonDocument(out, isGeminiDoc)?.error)
        });
    }
};

// EXTERNAL MODULE: ./src/agents/login-files.ts
var login_files = __webpack_require__(98197);
;// CONCATENATED MODULE: ./src/agents/index.ts








const DRIVERS = {
    codex: codexDriver,
    claude: claudeDriver,
    gemini: geminiDriver,
    aider: aiderDriver,
    copilot: copilotDriver,
    command: commandDriver
};
/** Every driver, in a stable order (doctor, docs). */
function allDrivers() {
    return Object.values(DRIVERS);
}
/** The driver for an agent name. */
function getDriver(name) {
    return DRIVERS[name];
}
function uniq(xs) {
    return [...new Set(xs)];
}
/**
 * Merge a step's agent fields over `agents.<name>` and compute the escalation
 * chain: `step.fallback`, else `task.fallback`, else `agents.<name>.fallback`.
 * Step fields (model, args, command, pass-env) apply to the step's own agent
 * only: a fallback agent runs with its own `agents.<fallback>` settings, since
 * a codex model name means nothing to claude. Step `pass-env` reaches every
 * agent in the chain (it is the step's environment, not a driver setting).
 */
function resolveAgentCall(plan, task, step) {
    if (!step.agent)
        throw new Error(`step is not an agent step (task ${task.id})`);
    const preferred = step.agent;
    const settings = (name) => plan.agents[name] ?? {};
    const fallback = step.fallback ?? task.fallback ?? settings(preferred).fallback ?? [];
    const agents = uniq([preferred, ...fallback]);
    const stepPassEnv = step['pass-env'] ?? [];
    const calls = agents.map((agent) => {
        const s = settings(agent);
        const own = agent === preferred;
        return {
            agent,
            model: (own ? step.model : undefined) ?? s.model,
            args: [...(s.args ?? []), ...((own ? step.args : undefined) ?? [])],
            allowedTools: s['allowed-tools'],
            command: (own ? step.command : undefined) ?? s.command,
            passEnv: uniq([...(s['pass-env'] ?? []), ...stepPassEnv])
        };
    });
    return { agents, calls };
}
/**
 * A message naming what is missing when the caller's environment lacks a
 * credential the driver needs, else undefined. Checked before the step starts.
 */
function missingCredentials(driver, env) {
    const missing = driver.credentials.filter((group) => !group.some((name) => isSet(env[name])));
    if (missing.length === 0)
        return undefined;
    const names = missing.map((g) => (g.length === 1 ? g[0] : `one of ${g.join(', ')}`)).join(' and ');
    return (`agent ${driver.name} needs ${names} in the environment of autopilot (e.g. from a repository secret)` +
        (driver.loginFiles.length ? `, or its own login (~/${driver.loginFiles[0]}). ` : '. ') +
        `It is passed to ${driver.name} steps only, and masked in logs. Any other variable the agent needs ` +
        `must be named in \`agents.${driver.name}.pass-env\` or the step's \`pass-env\`.`);
}
/**
 * The credential variables present in `env` that a call to `driver` receives
 * (every present name of every group: a CLI may prefer one over another), plus
 * the call's `passEnv` names that are set. The runner masks all their values.
 */
function agentEnv(driver, call, env) {
    const out = {};
    for (const name of [...driver.credentials.flat(), ...(driver.optionalEnv ?? []), ...call.passEnv]) {
        const v = env[name];
        if (isSet(v))
            out[name] = v;
    }
    return out;
}
/**
 * Why an agent step cannot run, when it is under `network: deny` (the step's, else the plan's
 * default): every CLI but `command` needs its provider, and would retry until the step timeout.
 */
function networkDenied(plan, step) {
    if (!step.agent || (step.network ?? plan.defaults.network) !== 'deny')
        return undefined;
    const where = step.network ? "the step's `network: deny`" : '`defaults.network: deny`';
    return (`agent ${step.agent} cannot reach its model provider under ${where}: set \`network: allow\` on the step ` +
        '(agent steps need the network; the gates still check every change)');
}
/** Agent steps that would run under `network: deny`: warnings for `validate`, with where they are. */
function agentNetworkProblems(plan) {
    const out = [];
    plan.tasks.forEach((task, t) => task.steps.forEach((step, s) => {
        if (step.agent === 'command')
            return;
        const why = networkDenied(plan, step);
        if (why)
            out.push({ path: ['tasks', t, 'steps', s, ...(step.network ? ['network'] : ['agent'])], message: why });
    }));
    return out;
}
function isSet(v) {
    return v !== undefined && v !== '';
}


/***/ }),

/***/ 98197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hk: () => (/* binding */ loginFilesFound),
/* harmony export */   Sb: () => (/* binding */ loginBinds),
/* harmony export */   eY: () => (/* binding */ loggedIn)
/* harmony export */ });
/* unused harmony export loginReport */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Where each agent's own login lives under the caller's HOME (`codex login`,
 * `claude login`, gemini's "Login with Google", copilot's device login): the
 * files a driver names that exist. They are the only part of the caller's HOME
 * an agent step may see (read-only), and only that agent's steps.
 */


/** Is the agent logged in under `home` (the first of its login files exists)? */
function loggedIn(driver, home) {
    return driver.loginFiles.length > 0 && loginFilesFound({ loginFiles: driver.loginFiles.slice(0, 1) }, home).length > 0;
}
/** Absolute paths of `driver.loginFiles` that exist as regular files under `home`. */
function loginFilesFound(driver, home) {
    if (!home)
        return [];
    return driver.loginFiles
        .map((f) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, f))
        .filter((p) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
        }
        catch {
            return false;
        }
    });
}
/**
 * Read-only binds for a call's login files: each at the same place under the step's own HOME
 * as under the caller's. For the sandbox's `readOnly` list of that agent's call only.
 */
function loginBinds(files, callerHome, stepHome) {
    return files
        .map((source) => ({ source, rel: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(callerHome, source) }))
        .filter(({ rel }) => rel !== '' && !rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        .map(({ source, rel }) => ({ source, dest: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(stepHome, rel) }));
}
/** One line per agent for `autopilot doctor`: the login files its steps would see (read-only), or none. */
function loginReport(drivers, home) {
    return drivers.map((d) => {
        const found = loginFilesFound(d, home);
        if (d.loginFiles.length === 0)
            return `${d.name}: no login files (credentials from the environment only)`;
        if (found.length === 0)
            return `${d.name}: not logged in (none of ~/${d.loginFiles.join(', ~/')})`;
        const shown = found.map((f) => `~/${relative(home, f)}`).join(', ');
        return `${d.name}: ${loggedIn(d, home) ? 'logged in' : 'settings only'}; its steps see, read-only: ${shown}`;
    });
}


/***/ }),

/***/ 50854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ branchProblem),
/* harmony export */   bw: () => (/* binding */ namespaceProblem)
/* harmony export */ });
/* unused harmony export BRANCH_PREFIX */
/**
 * Which branch autopilot may write (issue #10, point 7): its own namespace,
 * `autopilot/...`, unless the plan opts out; and never the repository's
 * default branch or a branch the user has checked out, whatever the plan
 * says (a force-update there would replace the user's work). Pure.
 */
/** The namespace autopilot's branches live in. */
const BRANCH_PREFIX = 'autopilot/';
/** Why the plan's `branch` is outside autopilot's namespace without the opt-in, or undefined. */
function namespaceProblem(branch, allowOutside) {
    const b = branch.replace(/^refs\/heads\//, '');
    if (!b.startsWith(BRANCH_PREFIX) && !allowOutside) {
        return (`branch "${b}" is outside autopilot's own branches: autopilot force-updates the branch it delivers, so it writes ` +
            `only branches starting with "${BRANCH_PREFIX}". Use \`branch: ${BRANCH_PREFIX}${b}\`, or set ` +
            '`pr.allow-branch-outside-autopilot: true` if this branch is only ever written by autopilot');
    }
    return undefined;
}
/** Why autopilot must not write `branch` in a repository with these facts, or undefined when it may. */
function branchProblem(facts) {
    const outside = namespaceProblem(facts.branch, facts.allowOutside);
    if (outside)
        return outside;
    const b = facts.branch.replace(/^refs\/heads\//, '');
    // Without a known default branch, the usual names are held back too: a wrong guess only costs a rename.
    const defaults = facts.defaultBranch ? [facts.defaultBranch] : ['main', 'master'];
    if (defaults.includes(b)) {
        return (`branch "${b}" is the repository's default branch${facts.defaultBranch ? '' : ' (or looks like it)'}: autopilot never ` +
            'moves it (no setting allows it); deliver to a branch of its own and merge the pull request');
    }
    if (facts.checkedOut.includes(b)) {
        return (`branch "${b}" is checked out in your repository: autopilot never moves a branch you are on (no setting allows it); ` +
            'switch to another branch or pick another `branch:`');
    }
    return undefined;
}


/***/ }),

/***/ 1924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LI: () => (/* binding */ topoOrder),
/* harmony export */   T1: () => (/* binding */ ancestors),
/* harmony export */   ZG: () => (/* binding */ buildGraph),
/* harmony export */   aZ: () => (/* binding */ readyTasks),
/* harmony export */   p4: () => (/* binding */ findCycles),
/* harmony export */   yr: () => (/* binding */ levels)
/* harmony export */ });
/* unused harmony exports CycleError, criticalPathInfo, criticalPath, findCycle */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * The task DAG as plain, serialisable data, and the pure questions asked of it:
 * levels, a stable topological order, the critical path, closures, ready sets, cycles.
 */

/** The graph is not a DAG: `cycle` is its path, e.g. `['a', 'b', 'a']` (a needs b, b needs a). */
class CycleError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz {
    cycle;
    name = 'CycleError';
    constructor(cycle) {
        super(`dependency cycle: ${cycle.join(' -> ')}`);
        this.cycle = cycle;
    }
}
/**
 * Build the graph. Throws AutopilotError on a duplicate id or a `needs` naming
 * no task (a validated plan has neither). Cycles are kept so `findCycle` can
 * name them; the ordering functions throw CycleError on them.
 */
function buildGraph(tasks) {
    const ids = tasks.map((t) => t.id);
    const known = new Set();
    for (const id of ids) {
        if (known.has(id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz(`duplicate task id "${id}"`);
        known.add(id);
    }
    const needs = new Map();
    const dependents = new Map(ids.map((id) => [id, []]));
    const estimates = [];
    for (const t of tasks) {
        const own = [...new Set(t.needs)];
        for (const n of own) {
            if (!known.has(n))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz(`task "${t.id}" needs unknown task "${n}"`);
            dependents.get(n).push(t.id);
        }
        needs.set(t.id, own);
        if (t['estimate-minutes'] !== undefined)
            estimates.push([t.id, t['estimate-minutes']]);
    }
    return {
        ids,
        needs: Object.fromEntries(needs),
        dependents: Object.fromEntries(dependents),
        estimates: Object.fromEntries(estimates)
    };
}
function indexOf(g) {
    return new Map(g.ids.map((id, i) => [id, i]));
}
/**
 * Levels by Kahn's algorithm: level 0 holds the tasks with no needs, and a task
 * sits one level after the deepest of its needs. Inside a level, plan order.
 */
function levels(g) {
    const index = indexOf(g);
    const waiting = new Map(g.ids.map((id) => [id, g.needs[id].length]));
    const out = [];
    let frontier = g.ids.filter((id) => waiting.get(id) === 0);
    let placed = 0;
    while (frontier.length > 0) {
        out.push(frontier);
        placed += frontier.length;
        const next = [];
        for (const id of frontier) {
            for (const d of g.dependents[id]) {
                const left = waiting.get(d) - 1;
                waiting.set(d, left);
                if (left === 0)
                    next.push(d);
            }
        }
        frontier = next.sort((a, b) => index.get(a) - index.get(b));
    }
    if (placed < g.ids.length)
        throw new CycleError(findCycle(g));
    return out;
}
/** A topological order that keeps plan order wherever the dependencies allow it. */
function topoOrder(g) {
    const waiting = new Map(g.ids.map((id) => [id, g.needs[id].length]));
    const done = new Set();
    const order = [];
    while (order.length < g.ids.length) {
        // The earliest task in plan order whose needs are all placed; plans are small, so a scan is fine.
        const next = g.ids.find((id) => !done.has(id) && waiting.get(id) === 0);
        if (next === undefined)
            throw new CycleError(findCycle(g));
        done.add(next);
        order.push(next);
        for (const d of g.dependents[next])
            waiting.set(d, waiting.get(d) - 1);
    }
    return order;
}
/**
 * The longest chain of needs. Weighted by `estimate-minutes` when every task
 * gives one; otherwise each task counts 1 (a partial set of estimates would
 * make unestimated tasks look free). Ties go to the earlier task in plan order.
 */
function criticalPathInfo(g) {
    const unit = g.ids.length > 0 && g.ids.every((id) => id in g.estimates) ? 'minutes' : 'tasks';
    const weight = (id) => (unit === 'minutes' ? g.estimates[id] : 1);
    const best = new Map();
    const prev = new Map();
    for (const id of topoOrder(g)) {
        let from;
        for (const n of g.needs[id])
            if (from === undefined || best.get(n) > best.get(from))
                from = n;
        best.set(id, weight(id) + (from === undefined ? 0 : best.get(from)));
        prev.set(id, from);
    }
    let end;
    for (const id of g.ids)
        if (end === undefined || best.get(id) > best.get(end))
            end = id;
    const path = [];
    for (let at = end; at !== undefined; at = prev.get(at))
        path.unshift(at);
    return { path, length: end === undefined ? 0 : best.get(end), unit };
}
/** The critical path's task ids, first to last. */
function criticalPath(g) {
    return criticalPathInfo(g).path;
}
function closure(g, id, edges) {
    const seen = new Set();
    const stack = [...(edges[id] ?? [])];
    while (stack.length > 0) {
        const next = stack.pop();
        if (seen.has(next))
            continue;
        seen.add(next);
        stack.push(...edges[next]);
    }
    return topoOrder(g).filter((x) => seen.has(x));
}
/** Every task `id` transitively needs, in topological order (the order to apply their patches). */
function ancestors(g, id) {
    return closure(g, id, g.needs);
}
/** Tasks not yet started whose needs are all finished, in plan order. */
function readyTasks(g, finished, started = []) {
    const done = new Set(finished);
    const taken = new Set([...done, ...started]);
    return g.ids.filter((id) => !taken.has(id) && g.needs[id].every((n) => done.has(n)));
}
/** One cycle, e.g. `['a', 'b', 'c', 'a']` (a needs b needs c needs a), or undefined for a DAG. */
function findCycle(g) {
    return findCycles(g)[0];
}
/**
 * One cycle per strongly connected component (Tarjan), so a tangle is reported
 * once rather than once per back edge. Each starts and ends at the component's
 * earliest task in plan order and is the shortest way round, following `needs`.
 */
function findCycles(g) {
    const index = indexOf(g);
    const order = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const components = [];
    const visit = (v) => {
        order.set(v, order.size);
        low.set(v, order.get(v));
        stack.push(v);
        onStack.add(v);
        for (const w of g.needs[v]) {
            if (!order.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v), low.get(w)));
            }
            else if (onStack.has(w)) {
                low.set(v, Math.min(low.get(v), order.get(w)));
            }
        }
        if (low.get(v) === order.get(v)) {
            const component = [];
            let w;
            do {
                w = stack.pop();
                onStack.delete(w);
                component.push(w);
            } while (w !== v);
            if (component.length > 1 || g.needs[v].includes(v))
                components.push(component);
        }
    };
    for (const id of g.ids)
        if (!order.has(id))
            visit(id);
    return components
        .map((c) => shortestLoop(g, c, index))
        .sort((a, b) => index.get(a[0]) - index.get(b[0]));
}
/** Breadth-first from the component's earliest task back to itself, inside the component. */
function shortestLoop(g, component, index) {
    const members = new Set(component);
    const start = component.reduce((a, b) => (index.get(a) <= index.get(b) ? a : b));
    const parent = new Map();
    const queue = [start];
    while (queue.length > 0) {
        const v = queue.shift();
        for (const w of g.needs[v]) {
            if (!members.has(w))
                continue;
            if (w === start) {
                const path = [start];
                for (let at = v; at !== start && at !== undefined; at = parent.get(at))
                    path.splice(1, 0, at);
                return [...path, start];
            }
            if (!parent.has(w)) {
                parent.set(w, v);
                queue.push(w);
            }
        }
    }
    return [start, start]; // unreachable for a real component
}


/***/ }),

/***/ 61312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ globProblem),
/* harmony export */   B: () => (/* binding */ relativePathProblem)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
// Checks for the repository-relative paths and globs a plan names (`paths`, `working-directory`...).

const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:)/;
/** Why `p` is not a safe repository-relative path, or undefined when it is. */
function relativePathProblem(p) {
    if (ABSOLUTE.test(p))
        return `"${p}" is absolute; use a path relative to the repository root`;
    if (p.split(/[\\/]/).includes('..'))
        return `"${p}" climbs out with ".."; paths must stay inside the repository`;
    return undefined;
}
/**
 * Why `glob` is not a usable path glob, or undefined when it is. Negation is
 * refused because a list of globs is a union here: `gates.deny-paths` says "not".
 */
function globProblem(glob) {
    const rel = relativePathProblem(glob);
    if (rel)
        return rel;
    if (glob.startsWith('!'))
        return `"${glob}" is negated; list what may change, and use gates.deny-paths for exclusions`;
    try {
        // strictBrackets turns an unbalanced [ { ( into an error instead of a literal character.
        picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(glob, { strictBrackets: true });
    }
    catch (e) {
        const message = e.message;
        const unbalanced = /^Missing closing: "(.)"/.exec(message);
        return `invalid glob "${glob}": ${unbalanced ? `missing a closing "${unbalanced[1]}"` : message}`;
    }
    return undefined;
}


/***/ }),

/***/ 60005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ loadPlan),
  v: () => (/* binding */ parsePlan)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/graph/graph.ts
var graph_graph = __webpack_require__(1924);
;// CONCATENATED MODULE: ./src/graph/overlaps.ts
/**
 * Plan-time warning for tasks of the same level whose `paths` may overlap: their
 * patches are made in parallel from the same base and may conflict when landed.
 *
 * The test is a sound approximation (no false negatives, some false positives),
 * built on each glob's static base from `picomatch.scan` (`docs/**` -> `docs`):
 * - two literal paths overlap when equal or one is a directory above the other;
 * - a literal and a glob overlap when the glob matches the literal, or the
 *   literal is the glob's base or a directory above it;
 * - two globs overlap when one base is the other's or a directory above it
 *   (`src/**\/*.ts` and `src/**\/*.md` are flagged although disjoint).
 * A glob matches only below its base, so globs with unrelated bases cannot overlap.
 */


/** Every pair of same-level tasks with possibly overlapping paths (first overlapping globs named). */
function overlaps(plan) {
    const g = (0,graph_graph/* buildGraph */.ZG)(plan.tasks);
    const byId = new Map(plan.tasks.map((t, i) => [t.id, { task: t, index: i }]));
    const shared = plan.gates?.['allow-paths'] ?? [];
    const out = [];
    // Every pair of a level is compared: scan each glob once, not once per pair (1,000 tasks: 500,000 pairs).
    const scans = new Map();
    (0,graph_graph/* levels */.yr)(g).forEach((level, levelIndex) => {
        for (let j = 1; j < level.length; j++) {
            const later = byId.get(level[j]);
            const laterGlobs = later.task.paths ?? shared;
            for (let i = 0; i < j; i++) {
                const earlier = byId.get(level[i]);
                const earlierGlobs = earlier.task.paths ?? shared;
                const hit = firstOverlap(earlierGlobs, laterGlobs, scans);
                if (!hit)
                    continue;
                const [ga, gb, k] = hit;
                const shown = (glob, own) => `"${glob}"${own ? '' : ' (gates.allow-paths)'}`;
                out.push({
                    path: later.task.paths ? ['tasks', later.index, 'paths', k] : ['tasks', later.index],
                    message: `tasks "${earlier.task.id}" and "${later.task.id}" run in parallel (level ${levelIndex}) and may both change ` +
                        `files matching ${shown(ga, earlier.task.paths !== undefined)} and ${shown(gb, later.task.paths !== undefined)}; ` +
                        'their patches may conflict (add a need or narrow "paths")',
                    level: levelIndex,
                    tasks: [earlier.task.id, later.task.id],
                    globs: [ga, gb]
                });
            }
        }
    });
    return out;
}
function firstOverlap(a, b, scans) {
    for (let k = 0; k < b.length; k++)
        for (const ga of a)
            if (globsMayOverlap(ga, b[k], scans))
                return [ga, b[k], k];
    return undefined;
}
function scanned(glob, scans) {
    let s = scans.get(glob);
    if (!s) {
        const r = picomatch_default().scan(glob);
        s = { isGlob: r.isGlob, base: trimSlash(r.base) };
        scans.set(glob, s);
    }
    return s;
}
/** Whether some path could match both globs (sound: never false when one exists). */
function globsMayOverlap(a, b, scans = new Map()) {
    const sa = scanned(a, scans);
    const sb = scanned(b, scans);
    if (!sa.isGlob && !sb.isGlob)
        return within(sa.base, sb.base) || within(sb.base, sa.base);
    if (!sa.isGlob)
        return literalMeetsGlob(sa.base, b, sb);
    if (!sb.isGlob)
        return literalMeetsGlob(sb.base, a, sa);
    return within(sa.base, sb.base) || within(sb.base, sa.base);
}
function literalMeetsGlob(literal, glob, scan) {
    scan.matches ??= picomatch_default()(glob, { dot: true });
    return scan.matches(literal) || within(scan.base, literal);
}
/** `inner` is `outer` or below it (path segments, not characters: `docs2` is not in `docs`). */
function within(inner, outer) {
    return outer === '' || inner === outer || inner.startsWith(`${outer}/`);
}
function trimSlash(p) {
    return p.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./src/agents/index.ts + 9 modules
var agents = __webpack_require__(85638);
// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(21916);
;// CONCATENATED MODULE: ./src/plan/suggest.ts
// "Did you mean" suggestions for misspelt keys, task ids and agent names.

/**
 * The candidate closest to `word`, when it is close enough to be a plausible
 * typo: 1 edit for words up to 3 characters, else up to a third of the longer
 * word (at least 2, so a swap such as `titel` finds `title`).
 */
function didYouMean(word, candidates) {
    const pool = candidates.filter((c) => c !== word);
    if (pool.length === 0 || word.length === 0)
        return undefined;
    const best = (0,mod/* closest */.kp)(word, pool);
    const longest = Math.max(word.length, best.length);
    const limit = longest <= 3 ? 1 : Math.max(2, Math.floor(longest / 3));
    if ((0,mod/* distance */.Io)(word.toLowerCase(), best.toLowerCase()) <= limit)
        return best;
    return byWord(word, pool);
}
/**
 * A shortened key is a whole word of a known one (`timeout` for `timeout-minutes`, `deletes` for
 * `allow-deletes`): too far for an edit distance, but plainly meant. Only when exactly one candidate fits.
 */
function byWord(word, pool) {
    if (word.length < 3)
        return undefined;
    const lower = word.toLowerCase();
    const fits = pool.filter((c) => {
        const l = c.toLowerCase();
        return l.startsWith(`${lower}-`) || l.endsWith(`-${lower}`) || l.includes(`-${lower}-`);
    });
    return fits.length === 1 ? fits[0] : undefined;
}
/** ` (did you mean "x"?)` or the empty string: ready to append to a message. */
function suggestion(word, candidates) {
    const best = didYouMean(word, candidates);
    return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

// EXTERNAL MODULE: ./src/gates/branch-guard.ts
var branch_guard = __webpack_require__(50854);
;// CONCATENATED MODULE: ./src/plan/checks.ts
/**
 * The checks a schema cannot express: task ids, `needs`, cycles, and the rules
 * tying step fields together. They run on the raw YAML data, tolerating any
 * shape, so they report alongside type errors instead of hiding behind them.
 */



const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o, key) => o[key] !== undefined && o[key] !== null;
/** Fields that only make sense on agent steps, and on run steps. */
const AGENT_ONLY = ['prompt', 'prompt-file', 'model', 'args', 'fallback', 'command'];
const RUN_ONLY = ['shell'];
/** Problems beyond the schema's, in any plan-shaped data. */
function semanticProblems(data) {
    if (!isObj(data) || !Array.isArray(data.tasks))
        return [];
    const tasks = data.tasks;
    const agents = isObj(data.agents) ? data.agents : {};
    return [
        ...taskGraphProblems(tasks),
        ...tasks.flatMap((task, i) => stepProblems(task, i, agents)),
        ...setupProblems(data.setup),
        ...branchProblems(data)
    ];
}
/** `branch:` outside `autopilot/` needs `pr.allow-branch-outside-autopilot` (see src/gates/branch-guard.ts). */
function branchProblems(data) {
    if (typeof data.branch !== 'string')
        return [];
    const allowOutside = isObj(data.pr) && data.pr['allow-branch-outside-autopilot'] === true;
    const problem = (0,branch_guard/* namespaceProblem */.bw)(data.branch, allowOutside);
    return problem ? [{ path: ['branch'], message: problem }] : [];
}
/** Setup prepares the repository once for every task: shell commands only (an agent there would edit unchecked). */
function setupProblems(setup) {
    if (!Array.isArray(setup))
        return [];
    return setup.flatMap((step, i) => {
        if (!isObj(step))
            return [];
        if (has(step, 'agent'))
            return [{ path: ['setup', i, 'agent'], atKey: true, message: 'setup steps are shell commands ("run"); put agent steps in a task' }];
        if (!has(step, 'run'))
            return [{ path: ['setup', i], message: 'a setup step needs "run" (a shell command)' }];
        return [];
    });
}
function taskGraphProblems(tasks) {
    const out = [];
    const first = new Map();
    tasks.forEach((t, i) => {
        if (!isObj(t) || typeof t.id !== 'string')
            return;
        const seen = first.get(t.id);
        if (seen === undefined)
            first.set(t.id, i);
        else
            out.push({ path: ['tasks', i, 'id'], message: `duplicate task id "${t.id}" (also tasks[${seen}])` });
    });
    const ids = [...first.keys()];
    // The graph of what is well-formed, so a cycle is found even next to a typo elsewhere.
    const nodes = [...first].map(([id, i]) => {
        const task = tasks[i];
        // `needs: a` (one id, as GitHub workflows allow) is `needs: [a]`.
        const single = typeof task.needs === 'string';
        const needs = single ? [task.needs] : Array.isArray(task.needs) ? task.needs : [];
        return { id, index: i, needs, single };
    });
    for (const node of nodes) {
        node.needs.forEach((n, j) => {
            if (typeof n !== 'string')
                return;
            const at = node.single ? ['tasks', node.index, 'needs'] : ['tasks', node.index, 'needs', j];
            if (n === node.id)
                out.push({ path: at, message: `task "${n}" needs itself` });
            else if (!first.has(n))
                out.push({ path: at, message: `unknown task "${n}"${suggestion(n, ids)}` });
        });
    }
    const graph = (0,graph_graph/* buildGraph */.ZG)(nodes.map((n) => ({ id: n.id, needs: n.needs.filter((x) => typeof x === 'string' && x !== n.id && first.has(x)) })));
    for (const cycle of (0,graph_graph/* findCycles */.p4)(graph)) {
        const node = nodes.find((n) => n.id === cycle[0]);
        out.push({
            path: node.single ? ['tasks', node.index, 'needs'] : ['tasks', node.index, 'needs', node.needs.indexOf(cycle[1])],
            message: `dependency cycle: ${cycle.join(' -> ')} (each task needs the next)`
        });
    }
    return out;
}
function stepProblems(task, ti, agents) {
    if (!isObj(task) || !Array.isArray(task.steps))
        return [];
    const out = [];
    task.steps.forEach((step, si) => {
        if (!isObj(step))
            return;
        const at = ['tasks', ti, 'steps', si];
        const isRun = has(step, 'run');
        const isAgent = has(step, 'agent');
        if (isRun && isAgent) {
            out.push({ path: at, message: 'a step has both "run" and "agent"; split it into two steps' });
            return;
        }
        if (!isRun && !isAgent) {
            out.push({ path: at, message: 'a step needs "run" (a shell command) or "agent" (a coding agent)' });
            return;
        }
        const misplaced = isRun ? AGENT_ONLY : RUN_ONLY;
        for (const key of misplaced) {
            if (has(step, key)) {
                out.push({ path: [...at, key], atKey: true, message: `"${key}" only applies to ${isRun ? 'agent' : 'run'} steps` });
            }
        }
        if (isAgent)
            out.push(...agentStepProblems(step, at, agents));
        const expect = step.expect;
        if (isObj(expect) && typeof expect.output === 'string') {
            try {
                new RegExp(expect.output);
            }
            catch (e) {
                const reason = e.message.split(': ').pop();
                out.push({ path: [...at, 'expect', 'output'], message: `invalid regular expression /${expect.output}/: ${reason}` });
            }
        }
    });
    return out;
}
function agentStepProblems(step, at, agents) {
    const out = [];
    const hasPrompt = has(step, 'prompt');
    const hasFile = has(step, 'prompt-file');
    if (hasPrompt && hasFile)
        out.push({ path: at, message: 'an agent step takes "prompt" or "prompt-file", not both' });
    if (!hasPrompt && !hasFile)
        out.push({ path: at, message: 'an agent step needs "prompt" or "prompt-file"' });
    if (step.agent === 'command') {
        const settings = agents.command;
        if (!has(step, 'command') && !(isObj(settings) && has(settings, 'command'))) {
            out.push({
                path: [...at, 'agent'],
                message: '"agent: command" needs "command" (program and arguments) in the step or in agents.command.command'
            });
        }
    }
    else if (typeof step.agent === 'string' && has(step, 'command')) {
        out.push({ path: [...at, 'command'], atKey: true, message: '"command" only applies to "agent: command"' });
    }
    return out;
}

// EXTERNAL MODULE: ./src/plan/path.ts
var path = __webpack_require__(37752);
// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
;// CONCATENATED MODULE: ./src/plan/path-warnings.ts
/**
 * Warnings for plan globs that look like folders but match only a file of that
 * name (`docs`, `src/humanize/`): real users wrote these and every change
 * under the folder was then denied by the paths gate.
 */

/** Extension-less names that are usually files, not folders. */
const FILE_NAMES = new Set(['makefile', 'dockerfile', 'license', 'licence', 'readme', 'gemfile', 'rakefile', 'procfile', 'jenkinsfile', 'vagrantfile',
    'codeowners', 'notice', 'authors', 'changelog', 'copying', 'brewfile', 'justfile', 'containerfile', 'pipfile', 'caddyfile']);
/** Why `glob` looks like a folder written without `/**`, or undefined. */
function folderGlobProblem(glob) {
    if (picomatch_default().scan(glob).isGlob)
        return undefined;
    if (glob.endsWith('/')) {
        return `"${glob}" ends with "/" and matches no file; write "${glob}**" for everything under the folder`;
    }
    const last = glob.split('/').pop() ?? glob;
    if (last.includes('.') || FILE_NAMES.has(last.toLowerCase()))
        return undefined;
    return `"${glob}" matches only a file named "${last}", not what is inside a folder of that name; write "${glob}/**" if you mean the folder`;
}
/** One warning per folder-like glob in `paths`, `allow-paths`, `deny-paths` and `allow-protected`. */
function pathWarnings(plan) {
    const lists = [
        [['gates', 'allow-paths'], plan.gates['allow-paths']],
        [['gates', 'deny-paths'], plan.gates['deny-paths']],
        [['gates', 'allow-protected'], plan.gates['allow-protected']],
        ...plan.tasks.map((t, i) => [['tasks', i, 'paths'], t.paths])
    ];
    return lists.flatMap(([at, globs]) => (globs ?? []).flatMap((g, j) => {
        const message = folderGlobProblem(g);
        return message ? [{ path: [...at, j], message }] : [];
    }));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/plan/yaml-source.ts
// YAML text -> plain data, keeping the source positions of every node so problems can name line and column.

/** Parse `text`, never throwing: syntax errors come back in `syntaxErrors`. */
function parseYamlSource(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    // prettyErrors off: we print our own `file:line:col` prefix, not yaml's context block.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    const syntaxErrors = doc.errors.map((e) => ({ pos: at(e.pos[0]), message: cleanMessage(e.message) }));
    let data;
    try {
        data = syntaxErrors.length === 0 ? doc.toJS() : undefined;
    }
    catch (e) {
        // toJS throws on alias abuse ("billion laughs") and undefined aliases.
        syntaxErrors.push({ pos: { line: 1, col: 1 }, message: e.message });
    }
    const start = (node) => at(node?.range?.[0] ?? 0);
    return {
        data,
        syntaxErrors,
        locate: (path) => start(walk(doc, path).node),
        locateKey: (path) => {
            const found = walk(doc, path);
            const key = found.pair?.key;
            return key && (0,dist/* isScalar */.jn)(key) ? start(key) : start(found.node);
        }
    };
}
function cleanMessage(message) {
    if (message.startsWith('Source contains multiple documents'))
        return 'a plan is a single YAML document: remove the extra "---"';
    return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
/** Follow `path` from the document root; stops at the deepest node that exists. */
function walk(doc, path) {
    let node = doc.contents;
    let pair;
    for (const seg of path) {
        if (node && (0,dist/* isAlias */.Vj)(node))
            node = node.resolve(doc) ?? node;
        if (node && (0,dist/* isMap */.jh)(node)) {
            const hit = node.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(seg));
            if (!hit)
                return { node, pair };
            pair = hit;
            // A key without a value (`steps:`) has an empty null scalar: point at the key.
            const value = hit.value;
            const empty = !value || ((0,dist/* isScalar */.jn)(value) && value.range?.[0] === value.range?.[1]);
            node = empty ? hit.key : value;
        }
        else if (node && (0,dist/* isSeq */.oP)(node) && typeof seg === 'number' && seg < node.items.length) {
            pair = undefined;
            node = node.items[seg];
        }
        else {
            return { node, pair };
        }
    }
    return { node, pair };
}

;// CONCATENATED MODULE: ./src/plan/zod-issues.ts


/** Every issue of a failed parse as problems; `root` is the schema that was parsed (for known keys). */
function problemsFromIssues(issues, root, prefix = []) {
    return dropImpliedMissing(issues.flatMap((issue) => fromIssue(issue, root, [...prefix, ...issue.path])));
}
/** `runn: x` gives "unknown key runn (did you mean run?)": the "missing required key run" beside it says nothing new. */
function dropImpliedMissing(problems) {
    const suggested = new Set();
    for (const p of problems) {
        const hit = /^unknown key ".*" \(did you mean "(.*)"\?\)$/.exec(p.message);
        if (hit)
            suggested.add(JSON.stringify([...p.path.slice(0, -1), hit[1]]));
    }
    return problems.filter((p) => {
        const missing = /^missing required key "(.*)"$/.exec(p.message);
        return !missing || !suggested.has(JSON.stringify([...p.path, missing[1]]));
    });
}
function fromIssue(issue, root, path) {
    const last = path[path.length - 1];
    const isAgentName = last === 'agent' || path[path.length - 2] === 'fallback';
    switch (issue.code) {
        case 'unrecognized_keys': {
            const agents = path.length === 1 && path[0] === 'agents';
            const known = agents ? [...schema/* AGENT_NAMES */.RO] : knownKeys(root, path);
            return issue.keys.map((key) => ({
                path: [...path, key],
                atKey: true,
                message: `unknown ${agents ? 'agent' : 'key'} "${key}"${suggestion(key, known)}`
            }));
        }
        case 'invalid_type':
            if (issue.input === undefined && typeof last === 'string') {
                return [{ path: path.slice(0, -1), message: `missing required key "${last}"` }];
            }
            return [{ path, message: `expected ${typeName(issue.expected)}, got ${describe(issue.input)}` }];
        case 'invalid_value': {
            if (!isDefaultMessage(issue.message))
                return [{ path, message: issue.message }];
            const allowed = issue.values.map(String);
            const input = String(issue.input);
            if (isAgentName)
                return [{ path, message: `unknown agent "${input}"${suggestion(input, allowed)}` }];
            return [{ path, message: `invalid value ${JSON.stringify(issue.input)}: expected one of ${allowed.join(', ')}${suggestion(input, allowed)}` }];
        }
        case 'invalid_key': {
            const why = issue.issues.map((i) => i.message).join('; ');
            return [{ path, atKey: true, message: `invalid key "${String(last)}": ${why}` }];
        }
        case 'invalid_union':
            return fromUnion(issue, root, path);
        case 'too_small':
        case 'too_big':
            return [{ path, message: isDefaultMessage(issue.message) ? sizeMessage(issue) : issue.message }];
        default:
            return [{ path, message: issue.message }];
    }
}
/** For a union (e.g. a check: string or {name, run}), report the branch whose type matched, else a summary. */
function fromUnion(issue, root, path) {
    const matched = issue.errors.find((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (matched)
        return problemsFromIssues(matched, root, path);
    const expected = issue.errors.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => typeName(i.expected)));
    const input = issue.input;
    return [{ path, message: `expected ${[...new Set(expected)].join(' or ')}, got ${describe(input)}` }];
}
/** zod's built-in messages start with a capital ("Invalid input", "Too small"); ours from the schema do not. */
function isDefaultMessage(message) {
    return /^(Invalid|Too (small|big))/.test(message);
}
function sizeMessage(issue) {
    const small = issue.code === 'too_small';
    const limit = Number(small ? issue.minimum : issue.maximum);
    const inclusive = issue.inclusive !== false;
    switch (issue.origin) {
        case 'string':
            if (small && limit === 1)
                return 'must not be empty';
            return `must be ${small ? 'at least' : 'at most'} ${limit} characters`;
        case 'array':
            if (small && limit === 1)
                return 'must not be empty';
            return `must have ${small ? 'at least' : 'at most'} ${limit} items`;
        default:
            return `must be ${small ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<'} ${limit}`;
    }
}
const TYPE_NAMES = {
    int: 'a whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping'
};
function typeName(expected) {
    return TYPE_NAMES[expected] ?? expected;
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
    return `${typeof value} ${String(value)}`;
}
/** The keys an object schema at `path` accepts (for "did you mean"). */
function knownKeys(root, path) {
    const schema = schemaAt(root, path);
    return schema ? keysOf(schema) : [];
}
function keysOf(schema) {
    const def = unwrap(schema)._zod.def;
    if (def.type === 'object')
        return Object.keys(def.shape);
    if (def.type === 'union')
        return def.options.flatMap((o) => keysOf(o));
    return [];
}
function unwrap(schema) {
    let s = schema;
    for (;;) {
        const def = s._zod.def;
        if (def.innerType)
            s = def.innerType;
        else if (def.type === 'pipe' && def.in)
            s = def.in;
        else
            return s;
    }
}
function schemaAt(root, path) {
    let s = root;
    for (const seg of path) {
        if (!s)
            return undefined;
        s = child(unwrap(s), seg);
    }
    return s;
}
function child(schema, seg) {
    const def = schema._zod.def;
    switch (def.type) {
        case 'object':
            return def.shape[seg];
        case 'array':
            return def.element;
        case 'record':
            return def.valueType;
        case 'union':
            for (const option of def.options) {
                const found = child(unwrap(option), seg);
                if (found)
                    return found;
            }
            return undefined;
        default:
            return undefined;
    }
}

;// CONCATENATED MODULE: ./src/plan/load.ts
// Loading a plan: YAML with positions, the zod schema, the semantic checks, every problem at once.











/**
 * Parse and validate plan text. Pure. Throws PlanError carrying every problem
 * found (YAML syntax, schema, ids, needs, cycles, steps), sorted by position.
 */
function parsePlan(text, file, options = {}) {
    const source = parseYamlSource(text);
    const at = (raw) => {
        const pos = raw.atKey ? source.locateKey(raw.path) : source.locate(raw.path);
        return { file, line: pos.line, col: pos.col, path: (0,path/* formatPath */.j)(raw.path), message: raw.message };
    };
    if (source.syntaxErrors.length > 0) {
        const lines = text.split('\n');
        throw new errors/* PlanError */.W6(source.syntaxErrors.map((e) => ({ file, ...e.pos, path: '', message: `YAML: ${e.message}${blockScalarHint(lines[e.pos.line - 1])}` })));
    }
    const data = source.data;
    if (data === null || data === undefined)
        throw new errors/* PlanError */.W6([{ file, line: 1, col: 1, path: '', message: 'the plan is empty' }]);
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* PlanError */.W6([at({ path: [], message: 'a plan is a mapping of keys (version, issue, title, tasks...)' })]);
    }
    const parsed = schema/* PlanSchema */.fB.safeParse(data, { reportInput: true });
    const raw = [
        ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues, schema/* PlanSchema */.fB)),
        ...semanticProblems(data),
        ...folderIssueProblems(data, options.path ?? file)
    ];
    if (!parsed.success || raw.length > 0)
        throw new errors/* PlanError */.W6(sortProblems(raw.map(at)));
    const plan = parsed.data;
    return {
        plan,
        file,
        text,
        hash: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'),
        warnings: sortProblems([...overlaps(plan), ...pathWarnings(plan), ...(0,agents/* agentNetworkProblems */.iu)(plan)].map(at)),
        locate: (path) => source.locate(path)
    };
}
/**
 * Read and parse a plan file. `displayName` (default: `file`) is the name used
 * in problems, e.g. a path relative to the repository root.
 */
async function loadPlan(file, displayName = file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            throw new errors/* AutopilotError */.Wz(`plan not found: ${displayName}`);
        if (code === 'EISDIR')
            throw new errors/* AutopilotError */.Wz(`plan is a directory, not a file: ${displayName}`);
        throw new errors/* AutopilotError */.Wz(`cannot read plan ${displayName}: ${e.message}`);
    }
    return parsePlan(text, displayName, { path: file });
}
/** Keys whose value is free text, where quotes and `: ` trip YAML's plain scalars. */
const TEXT_KEYS = new Set(['run', 'rollback', 'prompt', 'name', 'title', 'intent']);
/**
 * `run: git commit -m "fix: x"` is read by YAML as a nested mapping ("Nested mappings are not allowed..."),
 * and `run: "npm test" -- -x` as a quoted string with junk after it. Say what fixes both.
 */
function blockScalarHint(line) {
    const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:\s+(\S.*)$/.exec(line ?? '');
    if (!m || !TEXT_KEYS.has(m[1]) || /^[|>]/.test(m[2]))
        return '';
    return ` (the "${m[1]}" value has quotes or ": " that YAML reads as structure: write it as a block scalar, "${m[1]}: |" with the text on the next line, indented)`;
}
/** `.ai/plans/<n>/Autopilot.yaml` must say `issue: <n>`: the folder is how runs, branches and sessions find it. */
function folderIssueProblems(data, file) {
    const folder = /(?:^|[\\/])plans[\\/](\d+)[\\/][^\\/]+$/.exec(file);
    if (!folder || typeof data.issue !== 'number' || data.issue === Number(folder[1]))
        return [];
    return [
        {
            path: ['issue'],
            message: `issue ${data.issue} differs from the plan's folder (plans/${folder[1]}/): the folder names the issue; make them the same or move the plan to plans/${data.issue}/`
        }
    ];
}
/** By line, then column; identical problems once. */
function sortProblems(problems) {
    const seen = new Set();
    return problems
        .filter((p) => {
        const key = (0,errors/* formatProblem */.Vw)(p);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    })
        .sort((a, b) => a.line - b.line || a.col - b.col);
}


/***/ }),

/***/ 44493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ findRepoRoot),
/* harmony export */   PC: () => (/* binding */ resolvePlanPath),
/* harmony export */   VI: () => (/* binding */ PLAN_FILE),
/* harmony export */   X: () => (/* binding */ PLANS_DIR)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
// Finding the plan a command means: a path, an issue number, or the only plan in the repository.




/** Where plans live, relative to the repository root. */
const PLANS_DIR = '.ai/plans';
/** The plan file name inside `PLANS_DIR/<issue>/`. */
const PLAN_FILE = 'Autopilot.yaml';
/**
 * The repository root: the nearest directory at or above `cwd` holding `.git`
 * (a directory, or a file in a worktree). Pure filesystem, no git process.
 * Throws AutopilotError outside a repository.
 */
function findRepoRoot(cwd) {
    let dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd);
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '.git')))
            return dir;
        const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir);
        if (parent === dir)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`not inside a git repository (no .git at or above ${cwd})`);
        dir = parent;
    }
}
/**
 * The absolute path of the plan `arg` names: an issue number (`653` or `#653`)
 * means `<repo>/.ai/plans/653/Autopilot.yaml`; a directory means its
 * Autopilot.yaml; anything else is a file path relative to `cwd`. Without
 * `arg`, the only plan under `.ai/plans/`, or an error listing the candidates.
 */
async function resolvePlanPath(arg, cwd) {
    if (arg === undefined || arg === '')
        return onlyPlan(cwd);
    const issue = /^#?(\d+)$/.exec(arg);
    if (issue) {
        const root = findRepoRoot(cwd);
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, PLANS_DIR, String(Number(issue[1])), PLAN_FILE);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`no plan for issue ${issue[1]}: ${node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, file) || file} does not exist`);
        }
        return file;
    }
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, arg);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file).catch(() => undefined);
    if (!info)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`plan not found: ${arg}`);
    return info.isDirectory() ? node_path__WEBPACK_IMPORTED_MODULE_2___default().join(file, PLAN_FILE) : file;
}
async function onlyPlan(cwd) {
    const root = findRepoRoot(cwd);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, PLANS_DIR);
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true }).catch(() => []);
    const candidates = entries
        .filter((e) => e.isDirectory() && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name, PLAN_FILE)))
        .map((e) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, e.name, PLAN_FILE))
        .sort();
    if (candidates.length === 1)
        return candidates[0];
    const shown = (f) => node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, f) || f;
    if (candidates.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`no plan found: expected ${shown(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, '<issue>', PLAN_FILE))}; pass a plan path or an issue number`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AutopilotError */ .Wz(`${candidates.length} plans found; pass an issue number or a path:\n${candidates.map((c) => `  ${shown(c)}`).join('\n')}`);
}


/***/ }),

/***/ 37752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ formatPath)
/* harmony export */ });
// Paths into a plan (`tasks[1].needs[0]`): the shape every problem names its place with.
const BARE_KEY = /^[A-Za-z_$][\w$-]*$/;
/** Format a path the way users read it: `tasks[1].needs[0]`, `agents.codex`, `env["a.b"]`. */
function formatPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (BARE_KEY.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}


/***/ }),

/***/ 63602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ assertPlanFiles),
/* harmony export */   Zv: () => (/* binding */ planFolderOf),
/* harmony export */   _q: () => (/* binding */ keyedEnv),
/* harmony export */   s9: () => (/* binding */ PLAN_DIR_VAR),
/* harmony export */   yy: () => (/* binding */ promptFileSource)
/* harmony export */ });
/* unused harmony exports planDirReferences, planFileReferences, missingPlanFiles */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37752);
/**
 * Files of the plan's own folder that steps use: `prompt-file`s and the
 * helper scripts commands reach through `$AUTOPILOT_PLAN_DIR`. They are read
 * from the folder as it is in the user's checkout when the run starts,
 * committed or not, so `validate` checks they exist there.
 */




/** The variable that holds the read-only copy of the plan folder inside a step. */
const PLAN_DIR_VAR = 'AUTOPILOT_PLAN_DIR';
/**
 * The plan's default env as cache keys see it: without the copy's location, which differs per
 * machine and per Actions job (the copy's digest stands for its content).
 */
function keyedEnv(env) {
    const { [PLAN_DIR_VAR]: _where, ...rest } = env;
    return rest;
}
const PLAN_DIR_REF = /\$(?:\{AUTOPILOT_PLAN_DIR\}|AUTOPILOT_PLAN_DIR\b)\/([^\s"'`;|&<>()$]+)/g;
/** The `$AUTOPILOT_PLAN_DIR/<file>` references in a shell command. */
function planDirReferences(command) {
    return [...command.matchAll(PLAN_DIR_REF)].map((m) => m[1].replace(/[.,:]+$/, ''));
}
/** Every file reference of the plan, in order. */
function planFileReferences(plan) {
    const out = [];
    const commands = (at, command) => {
        for (const file of planDirReferences(command ?? ''))
            out.push({ path: at, kind: 'plan-dir', file });
    };
    const step = (at, s) => {
        if (s['prompt-file'])
            out.push({ path: [...at, 'prompt-file'], kind: 'prompt-file', file: s['prompt-file'] });
        commands([...at, 'run'], s.run);
        commands([...at, 'rollback'], s.rollback);
    };
    plan.setup.forEach((s, i) => step(['setup', i], s));
    plan.tasks.forEach((t, i) => {
        t.steps.forEach((s, j) => step(['tasks', i, 'steps', j], s));
        t.checks.forEach((c, j) => commands(['tasks', i, 'checks', j], typeof c === 'string' ? c : c.run));
    });
    return out;
}
/**
 * Where a `prompt-file` is read from: the plan folder's copy when the path lies
 * in the plan folder (`.ai/plans/653/a.md`) or names a file of it (`a.md`),
 * else the task's worktree. `planFolder` is relative to the repository root.
 */
function promptFileSource(file, planFolder, inPlanFolder) {
    const norm = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(file);
    const prefix = `${node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(planFolder)}/`;
    if (norm.startsWith(prefix))
        return { planDir: norm.slice(prefix.length) };
    if (inPlanFolder(norm))
        return { planDir: norm };
    return { worktree: norm };
}
/**
 * Problems for references to files that do not exist: in the plan folder for
 * `$AUTOPILOT_PLAN_DIR/...`, in the plan folder or the checkout for a prompt file.
 */
function missingPlanFiles(plan, repoRoot, planFolder) {
    // lstat: a symbolic link is not a plan file (one to /proc/self/environ would hand autopilot's environment to an agent).
    const isFile = (p) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p).isFile();
        }
        catch {
            return false;
        }
    };
    const inPlanFolder = (rel) => isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(repoRoot, planFolder, rel));
    return planFileReferences(plan).flatMap((ref) => {
        if (ref.kind === 'plan-dir') {
            if (inPlanFolder(ref.file))
                return [];
            return [{ path: ref.path, message: `$${PLAN_DIR_VAR}/${ref.file}: no such file in the plan folder ${planFolder}/ (it must be a regular file there, committed or not)` }];
        }
        const source = promptFileSource(ref.file, planFolder, inPlanFolder);
        if ('planDir' in source ? inPlanFolder(source.planDir) : isFile(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(repoRoot, source.worktree)))
            return [];
        // A path into the repository (`docs/brief.md`) may be written by an earlier step; a bare name or a path
        // inside the plan folder can only come from the plan folder, so its absence is a mistake.
        if ('worktree' in source && source.worktree.includes('/'))
            return [];
        return [
            {
                path: ref.path,
                message: `prompt file "${ref.file}" is not a regular file in the plan folder ${planFolder}/ or the repository; create it or fix the path`
            }
        ];
    });
}
/** The plan folder of `planFile`, relative to the repository root (POSIX separators). */
function planFolderOf(planFile, repoRoot) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(repoRoot, node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(planFile)).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
}
/** Throws a located PlanError when the plan refers to plan-folder or prompt files that do not exist. */
function assertPlanFiles(loaded, planFile, repoRoot) {
    const problems = missingPlanFiles(loaded.plan, repoRoot, planFolderOf(planFile, repoRoot));
    if (problems.length === 0)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanError */ .W6(problems.map((p) => ({ file: loaded.file, ...loaded.locate([...p.path]), path: (0,_path_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPath */ .j)(p.path), message: p.message })));
}


/***/ }),

/***/ 47684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   RO: () => (/* binding */ AGENT_NAMES),
/* harmony export */   at: () => (/* binding */ branchName),
/* harmony export */   fB: () => (/* binding */ PlanSchema),
/* harmony export */   mU: () => (/* binding */ DEFAULT_SETUP_KEY_FILES)
/* harmony export */ });
/* unused harmony exports StepSchema, TaskSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38816);
/* harmony import */ var _globs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61312);
/**
 * The plan format, v1: the single source of truth for the types, the defaults
 * and the generated JSON Schema (`schema/autopilot.schema.json`). Every field
 * carries its documentation in `.describe()`, so editors show it on hover.
 */


/** Why `source` is not a JavaScript regular expression, if it is not. */
function regexProblem(source) {
    try {
        new RegExp(source);
        return undefined;
    }
    catch (e) {
        return `not a regular expression: ${e.message}`;
    }
}
/** Agent CLIs autopilot knows how to drive (see src/agents/). */
const AGENT_NAMES = ['codex', 'claude', 'gemini', 'aider', 'copilot', 'command'];
/** Same shape as a GitHub job id, so ids can become matrix values and artifact names. */
const TASK_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const minutes = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().max(24 * 60);
const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
const envName = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');
const envMap = zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(envName, zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]).transform(String));
/** Turns a `(value) => problem | undefined` check into a zod refinement, so the message is the check's own. */
const refineWith = (problem) => (v, ctx) => {
    const message = problem(v);
    if (message !== undefined)
        ctx.addIssue({ code: 'custom', message });
};
const relPath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).superRefine(refineWith(_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .relativePathProblem */ .B));
const glob = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).superRefine(refineWith(_globs_js__WEBPACK_IMPORTED_MODULE_1__/* .globProblem */ .A));
const network = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['allow', 'deny']);
const expect = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'exit-code': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(0).max(255).optional().describe('Exit code the step must end with (default 0).'),
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Regular expression the combined output must match.'),
    changes: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .optional()
        .describe('true: the step must change files (exit 0 with no diff fails). false: it must not change any.')
})
    .describe('What a successful step looks like.');
/** Settings an agent step can take directly or inherit from `agents.<name>`. */
const agentCallFields = {
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Model name passed to the agent CLI.'),
    args: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional().describe('Extra arguments appended to the agent command line.'),
    fallback: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(AGENT_NAMES))
        .optional()
        .describe('Agents to escalate to, in order, after this one fails its attempts.')
};
const StepSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Display name of the step.'),
    run: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Shell command to run. Exactly one of `run` or `agent`.'),
    agent: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(AGENT_NAMES).optional().describe('Coding agent to call. Exactly one of `run` or `agent`.'),
    prompt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Prompt for an agent step.'),
    'prompt-file': relPath.optional().describe('File (relative to the repository root) holding the prompt.'),
    command: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1))
        .min(1)
        .optional()
        .describe('For `agent: command`: the program and its arguments; the prompt goes to stdin.'),
    ...agentCallFields,
    shell: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Shell for `run` steps (default from `defaults.shell`).'),
    env: envMap.optional().describe('Environment variables set for this step.'),
    'pass-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName)
        .optional()
        .describe("Names of the caller's environment variables this step may see. Their values are masked in logs."),
    'working-directory': relPath.optional().describe('Directory, relative to the repository root, to run in.'),
    'timeout-minutes': minutes.optional().describe('Kill the step (and all its children) after this long.'),
    retries: count.max(10).default(0).describe('How many times to retry the step after a failure.'),
    'continue-on-error': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('A failure of this step does not fail the task.'),
    expect: expect.optional(),
    rollback: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Shell command run when the step finally fails.'),
    network: network.optional().describe('`deny` runs the step without network access.')
})
    .describe('One step: a shell command (`run`) or a coding-agent call (`agent`).');
const check = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('Display name of the check.'),
        run: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Shell command that must exit 0 without changing files.')
    })
])
    .describe('A shell command, or `{name, run}`.');
const TaskSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(TASK_ID_PATTERN, 'must start with a letter or _ and contain only letters, digits, - and _ (max 64)')
        .describe('Unique id of the task, used in `needs`, branch commits and artifact names.'),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Human-readable name.'),
    needs: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())])
        .transform((v) => (typeof v === 'string' ? [v] : v))
        .default([])
        .describe('Tasks that must succeed before this one starts: a list of ids, or one id (as GitHub workflows allow).'),
    paths: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).optional().describe('Globs of the files this task may change (default: `gates.allow-paths`).'),
    steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(StepSchema).min(1, 'a task needs at least one step').describe('Steps, run in order.'),
    checks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(check)
        .default([])
        .describe('Commands run after the steps; they must pass and must not change files.'),
    env: envMap.optional().describe('Environment variables for every step of this task.'),
    'max-attempts': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(10).default(1).describe('Times the whole task may be attempted.'),
    'timeout-minutes': minutes.optional().describe('Time limit for the whole task.'),
    'estimate-minutes': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().positive().optional().describe('Expected duration, used for the critical path.'),
    fallback: agentCallFields.fallback
})
    .describe('A unit of work: runs in its own worktree and lands as one commit.');
const forbidAdded = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    pattern: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .min(1)
        .superRefine(refineWith(regexProblem))
        .describe('Regular expression (JavaScript syntax) matched against each added and removed line.'),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Why the pattern is forbidden and what to use instead; shown with each file:line.'),
    paths: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).optional().describe('Globs of the files the rule applies to (default: every file).')
})
    .describe('A task is denied when its added lines match `pattern` more often than its removed lines did.');
const GatesSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'allow-paths': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).default([]).describe('Globs any task may change, in addition to its own `paths`.'),
    'deny-paths': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob).default([]).describe('Globs no task may change, whatever else allows them.'),
    'allow-protected': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob)
        .default([])
        .describe('Protected paths (workflows, plans, manifests, keys...) that tasks may nevertheless change.'),
    'allow-deletes': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('Let tasks delete files.'),
    'max-changed-files': count.default(100).describe('Most files one task may change.'),
    'max-changed-lines': count.default(2000).describe('Most lines (added + removed) one task may change.'),
    'max-file-bytes': count.default(1024 * 1024).describe('Largest file a task may add or change, in bytes.'),
    'max-run-changed-files': count.default(300).describe('Most files the whole run may change.'),
    'max-run-changed-lines': count.default(10000).describe('Most lines the whole run may change.'),
    'scan-secrets': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('Scan added lines for secrets (secretlint recommended rules).'),
    'allow-secret-values': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName)
        .default([])
        .describe('Variables whose values a change may contain: by default a change holding the value of a `pass-env` variable, an agent credential or a secret-named `env` value (plain, base64, hex or URL-encoded) is denied.'),
    'forbid-added': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(forbidAdded)
        .default([])
        .describe('Patterns a task may not add more of than the base had (deprecated APIs, hard-coded paths, console.log...).')
})
    .describe('Safety gates, checked on every task diff and on the integrated branch.');
const LimitsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'max-parallel': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().min(1).max(256).optional().describe('Tasks run at once (default: CPU count).'),
    'max-consecutive-failures': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .default(3)
        .describe('Stop starting tasks after this many failures in a row: tasks ending failed or denied one after another, in the ' +
        'order they finish, with no task landing in between.'),
    'max-runtime-minutes': minutes.optional().describe('Stop starting tasks after the run has taken this long.'),
    'max-agent-calls': count.optional().describe('Most agent calls in the run.'),
    'max-tokens': count.optional().describe('Most agent tokens in the run.'),
    'max-cost-usd': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional().describe('Most agent cost in the run, in US dollars.'),
    /** RLIMIT_DATA of every step, check and rollback (prlimit): heap and private memory, per process. */
    'step-memory-mb': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(16)
        .optional()
        .describe('Most heap memory (RLIMIT_DATA, MiB) each process of a step may use.'),
    /** RLIMIT_NPROC of every step (prlimit). The kernel does not apply it to root: see docs/safety.md. */
    'step-processes': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .int()
        .min(1)
        .optional()
        .describe('Most processes (RLIMIT_NPROC) a step may run at once; not enforced when autopilot runs as root.'),
    'max-regressions': count
        .optional()
        .describe('Stop starting tasks after this many checks that passed on the base failed after a task.')
})
    .describe('Circuit breakers and concurrency.');
const AgentSettingsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    ...agentCallFields,
    command: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).min(1).optional().describe('Program and arguments (for `command`).'),
    'pass-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName).optional().describe('Extra environment variables the agent may see (masked).'),
    'allowed-tools': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional().describe('Tools the agent may use (claude `--allowedTools`).'),
    'max-calls': count.optional().describe('Most calls to this agent per run.'),
    'max-tokens': count.optional().describe('Most tokens for this agent per run.'),
    'max-cost-usd': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional().describe('Most cost for this agent per run.'),
    'max-calls-per-day': count.optional().describe('Most calls to this agent per UTC day, across runs.'),
    'max-tokens-per-day': count.optional().describe('Most tokens for this agent per UTC day, across runs.'),
    'max-cost-usd-per-day': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().optional().describe('Most cost per UTC day, across runs.')
})
    .describe('Driver settings and budgets for one agent.');
const DefaultsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    shell: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('bash').describe('Shell for `run` steps: bash (with -eo pipefail) or sh.'),
    'timeout-minutes': minutes.default(30).describe('Time limit of a step without its own.'),
    env: envMap.default({}).describe('Environment variables for every step.'),
    'pass-env': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(envName).default([]).describe("Caller's environment variables every step may see (masked)."),
    network: network.default('allow').describe('`deny` runs steps without network access.')
})
    .describe('Defaults for every step.');
const PrSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Pull request title (default: the plan title).'),
    draft: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(false).describe('Open the pull request as a draft.'),
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)).default([]).describe('Labels added to the pull request.'),
    author: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .regex(/^[^<>\n]+ <[^<>\s]+>$/, 'author must look like `Name <email>`')
        .optional()
        .describe("Author and committer of autopilot's commits, `Name <email>` (default: the repository's git identity locally, " +
        '`github-actions[bot]` on Actions; the action input `commit-author` overrides it).'),
    'close-issue': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().default(true).describe('Put `Closes #<issue>` in the pull request body, so merging closes the issue.'),
    'co-author': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(true)
        .describe('On Actions, add a `Co-authored-by` trailer naming the user who triggered the run to every commit.'),
    'allow-branch-outside-autopilot': zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Let `branch` name a branch outside `autopilot/...` (autopilot force-updates it; the default branch and checked-out branches stay refused).')
})
    .describe('The pull request autopilot opens or updates.');
const BASELINE_POLICIES = ['report', 'require-green', 'ignore'];
const BaselineSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
    zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(BASELINE_POLICIES).transform(policy => ({ policy })),
    zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        policy: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(BASELINE_POLICIES)
            .default('report')
            .describe('`report`: a check already failing on the base is reported "failing before autopilot" and not blamed on a task; ' +
            '`require-green`: stop before any step when one fails; `ignore`: no baseline.'),
        commands: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1))
            .optional()
            .describe('Commands run once on the base before any task (default: every distinct task check).')
    })
])
    .describe('Checks run once on the base before any task; a policy name alone is short for `{policy: <name>}`.');
/** Lock files that key the `setup` cache when the plan names none (`setup-key-files`). */
const DEFAULT_SETUP_KEY_FILES = [
    'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
    'poetry.lock', 'uv.lock', 'Pipfile.lock', 'pdm.lock', 'requirements*.txt', 'Cargo.lock', 'go.sum',
    'Gemfile.lock', 'composer.lock', 'gradle.lockfile', 'mix.lock', 'pubspec.lock', 'Package.resolved'
];
const PlanSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional().describe('JSON Schema reference for editors.'),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1, { error: 'unsupported version: only `version: 1` exists' }).describe('Plan format version.'),
    issue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().describe('Issue number the plan implements.'),
    title: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).describe('Short title; the default pull request title.'),
    intent: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .max(2048, 'intent must be at most 2 KB: it is sent to every agent step')
        .default('')
        .describe('Short anchor (<= 2 KB) given to every agent step.'),
    base: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional().describe('Base branch or commit (default: the current HEAD).'),
    branch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .min(1)
        .optional()
        .describe('Branch to assemble (default: `autopilot/issue-<issue>`); must start with `autopilot/` unless `pr.allow-branch-outside-autopilot`.'),
    defaults: DefaultsSchema.prefault({}),
    gates: GatesSchema.prefault({}),
    limits: LimitsSchema.prefault({}),
    /**
     * `off` runs steps without the sandbox (src/run/sandbox.ts). Only for hosts where it cannot be had and
     * the plan's steps are trusted: steps can then read autopilot's environment and write outside their worktree.
     */
    sandbox: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['on', 'off'])
        .default('on')
        .describe('`off` runs steps without the sandbox: they can then reach autopilot\'s environment and files outside their worktree. Default `on`: where the sandbox cannot be had, steps are refused.'),
    agents: zod__WEBPACK_IMPORTED_MODULE_0__/* .partialRecord */ .jgl(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(AGENT_NAMES), AgentSettingsSchema).default({}).describe('Per-agent settings.'),
    pr: PrSchema.prefault({}),
    ready: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()
        .default(false)
        .describe('Approved for unattended runs: `autopilot session --ready` runs every plan marked ready.'),
    baseline: BaselineSchema.prefault({}),
    setup: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(StepSchema)
        .default([])
        .describe('Shell steps run once per run on the base, in the sandbox (network allowed unless a step says `network: deny`). ' +
        'What they leave that git ignores (node_modules, .venv, target/, generated files) is present in every task\'s ' +
        'worktree without running them again, and never part of a task\'s change. Cached across runs by `setup-key-files`.'),
    'setup-key-files': zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(glob)
        .optional()
        .describe('Files whose content keys the `setup` cache, with the setup steps themselves (default: the repository\'s lock files, ' +
        'e.g. package-lock.json, poetry.lock, Cargo.lock, go.sum).'),
    tasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(TaskSchema).min(1, 'a plan needs at least one task').describe('The tasks, a DAG through `needs`.')
})
    .describe('An autopilot plan: .ai/plans/<issue>/Autopilot.yaml');
/** The branch a plan assembles onto. */
function branchName(plan) {
    return plan.branch ?? `autopilot/issue-${plan.issue}`;
}


/***/ }),

/***/ 69488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aD: () => (/* binding */ createMasker),
/* harmony export */   aK: () => (/* binding */ safeCut),
/* harmony export */   im: () => (/* binding */ secretFormsByEncoding)
/* harmony export */ });
/* unused harmony exports MASK, MIN_SECRET_LENGTH, MIN_ENCODED_LENGTH, secretForms, maskStream */
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Masking of secret values in step output and logs: the raw value, each line
 * of a multi-line value, and the encodings a tool is likely to print (base64
 * at every byte alignment, base64url, URL and JSON escaping), which
 * `@actions/core`'s setSecret alone does not cover for our own log files.
 */


/** Replacement for every masked value. */
const MASK = '***';
/** Values shorter than this are not masked: masking `a` or `no` would destroy logs and hide nothing secret. */
const MIN_SECRET_LENGTH = 4;
/** Encoded forms shorter than this are skipped: short base64 fragments collide with ordinary text. */
const MIN_ENCODED_LENGTH = 8;
/** Base64 of the value as it appears inside a longer base64 string at byte offset 0, 1 and 2. */
function base64Forms(value) {
    const bytes = Buffer.from(value, 'utf8');
    const forms = [];
    for (let shift = 0; shift < 3; shift++) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
        // Drop characters that depend on the prefix or on what follows the value.
        const start = shift === 0 ? 0 : Math.ceil((shift * 4) / 3);
        const end = Math.floor(((shift + bytes.length) * 4) / 3);
        const full = shift === 0 && bytes.length % 3 === 0;
        forms.push(full ? encoded.replace(/=+$/, '') : encoded.slice(start, end));
    }
    return forms.flatMap((b) => [b, b.replace(/\+/g, '-').replace(/\//g, '_')]);
}
/** Every form of one value worth masking or looking for, with its encoding. */
function secretFormsByEncoding(value) {
    const lines = value.split(/\r?\n/).filter((l) => l.length >= MIN_SECRET_LENGTH);
    const raw = [...new Set([value, ...lines])].filter((v) => v.length >= MIN_SECRET_LENGTH);
    const out = [];
    for (const v of raw) {
        out.push({ encoding: 'plain', form: v });
        out.push({ encoding: 'JSON-escaped', form: JSON.stringify(v).slice(1, -1) });
        out.push({ encoding: 'URL-encoded', form: encodeURIComponent(v) });
        for (const b of base64Forms(v))
            if (b.length >= MIN_ENCODED_LENGTH)
                out.push({ encoding: 'base64', form: b });
        // Hex, as `xxd -p`, `od` pipelines and hash tools print bytes, in both cases.
        const hex = Buffer.from(v, 'utf8').toString('hex');
        out.push({ encoding: 'hex', form: hex }, { encoding: 'hex', form: hex.toUpperCase() });
    }
    return out;
}
/** Every form of one value worth masking, longest first. */
function secretForms(value) {
    return [...new Set(secretFormsByEncoding(value).map((f) => f.form))].sort((a, b) => b.length - a.length);
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Build a masker for these secret values (empty and short values ignored, see
 * `MIN_SECRET_LENGTH`). Pure: the same text always masks the same way.
 */
function createMasker(secrets) {
    const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
    const pattern = forms.length ? new RegExp(forms.map(escapeRegExp).join('|'), 'g') : undefined;
    const mask = (text) => (pattern ? text.replace(pattern, MASK) : text);
    return Object.assign(mask, { longest: forms[0]?.length ?? 0, pattern });
}
/**
 * A Transform that masks a byte stream line by line: complete lines are
 * masked and passed on at once; a line longer than `maxLine` characters is
 * passed on in pieces, cut where no secret can straddle the cut.
 */
function maskStream(masker, maxLine = 64 * 1024) {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    const drain = (final) => {
        let out = '';
        const nl = pending.lastIndexOf('\n');
        if (nl >= 0) {
            out += masker(pending.slice(0, nl + 1));
            pending = pending.slice(nl + 1);
        }
        if (final) {
            out += masker(pending);
            pending = '';
        }
        else if (pending.length > maxLine && pending.length > masker.longest) {
            // Keep the last `longest - 1` characters back: a secret may continue in the next chunk.
            const cut = safeCut(masker, pending, pending.length - Math.max(masker.longest - 1, 0));
            out += masker(pending.slice(0, cut));
            pending = pending.slice(cut);
        }
        return out;
    };
    return new Transform({
        transform(chunk, _encoding, done) {
            pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
            done(null, drain(false));
        },
        flush(done) {
            pending += decoder.end();
            done(null, drain(true));
        }
    });
}
/** Move `cut` back to the start of any match that spans it, so no secret is split across two pieces. */
function safeCut(masker, text, cut) {
    if (!masker.pattern)
        return text.length;
    const re = new RegExp(masker.pattern.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m.index < cut && m.index + m[0].length > cut)
            return m.index;
        if (m.index >= cut)
            break;
    }
    return cut;
}


/***/ }),

/***/ 83615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ ProcessExecutor)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/run/sandbox.ts
var sandbox = __webpack_require__(10570);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/run/programs.ts
/**
 * The programs autopilot itself starts (git, the sandbox tool, the shells,
 * prlimit), resolved once to absolute paths from system locations only.
 *
 * Why not PATH: the caller's PATH may list HOME or relative folders first
 * (`~/.local/bin`, `node_modules/.bin`), and those are exactly what a step can
 * write. A step that planted `~/.local/bin/git` or `node_modules/.bin/bwrap`
 * would otherwise run outside the sandbox at autopilot's next call.
 */



/** Where autopilot looks for its own programs, in this order; never HOME, never a worktree. */
const SYSTEM_DIRS = ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin'];
const PROGRAM_NAMES = ['git', 'bwrap', 'sh', 'bash', 'prlimit', 'sudo', 'unshare'];
/** What to install when a program is missing (Debian package names). */
const PACKAGE = {
    git: 'git',
    bwrap: 'bubblewrap',
    sh: 'dash',
    bash: 'bash',
    prlimit: 'util-linux',
    sudo: 'sudo',
    unshare: 'util-linux'
};
/** Finds each program in `dirs` (first executable regular file wins). Pure apart from reading the file system. */
function resolvePrograms(dirs = SYSTEM_DIRS) {
    const found = {};
    for (const name of PROGRAM_NAMES) {
        for (const dir of dirs) {
            const path = (0,external_node_path_.join)(dir, name);
            if (isExecutableFile(path)) {
                found[name] = path;
                break;
            }
        }
    }
    return found;
}
let cached;
/** The system programs, resolved on first use and then fixed for the life of the process. */
function systemPrograms() {
    cached ??= Object.freeze(resolvePrograms());
    return cached;
}
/** The absolute path of `name`, or a clear error naming the package to install. */
function programPath(programs, name) {
    const path = programs[name];
    if (!path) {
        throw new errors/* AutopilotError */.Wz(`\`${name}\` is not installed in ${SYSTEM_DIRS.join(', ')} (autopilot only runs its own programs from there); ` +
            `install it: apt-get install -y ${PACKAGE[name]}`, 1);
    }
    return path;
}
/** argv with a bare program name autopilot knows (git, sh, bash...) replaced by its absolute system path. */
function resolveArgv(programs, argv) {
    const first = argv[0];
    if (first === undefined || first.includes('/') || !PROGRAM_NAMES.includes(first))
        return argv;
    return [programPath(programs, first), ...argv.slice(1)];
}
function isExecutableFile(path) {
    try {
        if (!(0,external_node_fs_.statSync)(path).isFile())
            return false;
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/run/setup-layer.ts
var setup_layer = __webpack_require__(87272);
// EXTERNAL MODULE: ./node_modules/strip-ansi/index.js + 1 modules
var strip_ansi = __webpack_require__(30348);
// EXTERNAL MODULE: ./src/report/mask.ts
var mask = __webpack_require__(69488);
;// CONCATENATED MODULE: ./src/run/output-buffer.ts
/**
 * Captured output of a step: split into lines, cleaned of terminal control
 * sequences, masked, and capped to a head and a tail with a note saying how
 * much of the middle was cut. The cap comes before the mask (issue #10,
 * point 8): only the head is masked as it arrives; the tail is kept raw and
 * masked once at the end, so hostile output (100 MB of short lines) costs at
 * most the cap in masking, whatever its size.
 */


/**
 * Terminal control left after ANSI sequences are gone: C0 controls but tab and
 * newline, DEL, and C1 controls. A step's output must not move the cursor,
 * rewrite earlier lines of a log being read, or hide a secret between escapes.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** `text` without terminal control sequences (ANSI escapes, then any other control but tab and newline). */
function stripControl(text) {
    return (0,strip_ansi/* default */.A)(text).replace(CONTROL, '');
}
class OutputBuffer {
    maxBytes;
    mask;
    onLine;
    pending = '';
    head = [];
    headBytes = 0;
    headOpen = true;
    /** Raw pieces after the head: the last ones are kept (bounded), masked together in `finish`. */
    tail = [];
    tailLength = 0;
    cutBytes = 0;
    decoder = new TextDecoder('utf-8');
    constructor(maxBytes, mask, onLine) {
        this.maxBytes = maxBytes;
        this.mask = mask;
        this.onLine = onLine;
    }
    get half() {
        return Math.floor(this.maxBytes / 2);
    }
    /** Extra raw characters kept before the tail so a secret cut by the cap is still whole when masked. */
    get margin() {
        return Math.max(this.mask.longest ?? 0, 64);
    }
    write(chunk) {
        this.pending += this.decoder.decode(chunk, { stream: true });
        if (!this.headOpen) {
            this.appendTail(this.pending);
            this.pending = '';
            return;
        }
        let nl;
        while (this.headOpen && (nl = this.pending.indexOf('\n')) >= 0) {
            this.pushHead(this.pending.slice(0, nl + 1));
            this.pending = this.pending.slice(nl + 1);
        }
        // A line with no end in sight is flushed in pieces so memory stays bounded,
        // cut where no secret can straddle the cut (else both halves escape the mask).
        if (this.headOpen && this.pending.length > 64 * 1024) {
            const cut = this.flushPoint(this.pending);
            this.pushHead(this.pending.slice(0, cut));
            this.pending = this.pending.slice(cut);
        }
        if (!this.headOpen) {
            this.appendTail(this.pending);
            this.pending = '';
        }
    }
    /** The kept text: head, a cut note if anything was dropped, tail. */
    finish() {
        this.pending += this.decoder.decode();
        if (this.pending) {
            if (this.headOpen)
                this.pushHead(this.pending);
            else
                this.appendTail(this.pending);
        }
        this.pending = '';
        // Masked whole (margin included), then cut to the cap: a secret straddling the cut is masked first.
        let tail = this.mask(stripControl(this.tail.join('')));
        if (Buffer.byteLength(tail) > this.half) {
            const kept = keepLastLines(tail, this.half);
            this.cutBytes += Buffer.byteLength(tail) - Buffer.byteLength(kept);
            tail = kept;
        }
        this.tail = [];
        this.tailLength = 0;
        const note = this.cutBytes > 0 ? `\n[... ${this.cutBytes} bytes of output cut ...]\n` : '';
        return this.head.join('') + note + tail;
    }
    pushHead(raw) {
        const line = this.mask(stripControl(raw));
        const bytes = Buffer.byteLength(line);
        if (this.headBytes + bytes > this.half) {
            // The head is full: from here on, output is only kept raw at the end, and not shown live.
            this.headOpen = false;
            this.onLine?.(`[output beyond ${this.half} bytes is not shown live; its end is kept in the step's log]`);
            this.appendTail(raw);
            return;
        }
        this.onLine?.(line.replace(/\n$/, ''));
        this.head.push(line);
        this.headBytes += bytes;
    }
    /** Appends raw text to the tail, dropping whole pieces from its start once the rest still covers the cap plus a margin. */
    appendTail(raw) {
        if (!raw)
            return;
        const limit = this.half + this.margin;
        if (raw.length > limit) {
            // Only the end of one huge piece can be kept; never cut a surrogate pair (keep it whole).
            let start = raw.length - limit;
            if (/[\uDC00-\uDFFF]/.test(raw[start]))
                start--;
            this.cutBytes += Buffer.byteLength(raw.slice(0, start));
            raw = raw.slice(start);
        }
        this.tail.push(raw);
        this.tailLength += raw.length;
        while (this.tail.length > 1 && this.tailLength - this.tail[0].length >= limit) {
            const dropped = this.tail.shift();
            this.tailLength -= dropped.length;
            this.cutBytes += Buffer.byteLength(dropped);
        }
    }
    /** Where a long unfinished line can be cut: before the last `longest - 1` characters, moved back off any secret. */
    flushPoint(text) {
        const masker = this.mask;
        if (!masker.pattern || !masker.longest)
            return text.length;
        let cut = (0,mask/* safeCut */.aK)(masker, text, text.length - (masker.longest - 1));
        // Never between the two halves of a surrogate pair.
        if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]))
            cut--;
        return cut;
    }
}
/** The end of `text` within `max` UTF-8 bytes: from a line start when one is in reach, else from a character boundary. */
function keepLastLines(text, max) {
    const bytes = Buffer.from(text);
    if (bytes.length <= max)
        return text;
    let start = bytes.length - max;
    while (start < bytes.length && (bytes[start] & 0xc0) === 0x80)
        start++;
    const rest = bytes.subarray(start);
    const nl = rest.indexOf(0x0a);
    // Whole lines when the kept part holds a line break (and is not the last character), else one huge line's end.
    return nl >= 0 && nl < rest.length - 1 ? rest.subarray(nl + 1).toString('utf8') : rest.toString('utf8');
}

;// CONCATENATED MODULE: ./src/run/executor.ts
/**
 * The one place autopilot spawns processes. Environment, process groups,
 * timeouts, network isolation, masking and output caps are decided here once.
 */









const KILL_GRACE_MS = 1000;
class ProcessExecutor {
    tracker;
    options;
    networkCheck;
    sandboxCheck;
    hostView;
    /** `tracker` hears of every step process group, so strays of a crashed run can be found. */
    constructor(tracker, options = {}) {
        this.tracker = tracker;
        this.options = options;
    }
    /** The programs this executor starts, by absolute path. */
    get programs() {
        return this.options.programs ?? systemPrograms();
    }
    /** Whether steps asking for the sandbox get it (false: turned off knowingly). */
    get sandboxOn() {
        return this.options.sandbox !== false;
    }
    get layout() {
        this.hostView ??= this.options.layout ?? (0,sandbox/* hostLayout */.nR)();
        return this.hostView;
    }
    async runStep(req) {
        const deny = req.network === 'deny';
        const sandboxed = req.sandbox !== undefined && this.sandboxOn;
        let argv = resolveArgv(this.programs, req.argv);
        if (sandboxed) {
            const problem = await this.sandboxProblem();
            if (problem)
                throw new sandbox/* SandboxUnavailableError */.Mh(problem);
            if (deny)
                await this.requireNetworkIsolation();
            const spec = req.sandbox;
            const extra = (0,sandbox/* programBinds */.v3)(argv[0], req.env.PATH ?? '', req.cwd, sandbox/* SYSTEM_VIEW */.sV, spec.writable, (0,external_node_os_.homedir)());
            argv = (0,sandbox/* bwrapArgv */.BL)(argv, {
                bwrap: programPath(this.programs, 'bwrap'),
                prlimit: this.programs.prlimit,
                layout: this.layout,
                spec: { writable: [...spec.writable, ...(this.options.share ?? [])], readOnly: [...(spec.readOnly ?? []), ...extra] },
                cwd: req.cwd,
                denyNetwork: deny,
                limits: req.limits
            });
            // The setup layer's overlays are mounted first, in namespaces of their own; bubblewrap then binds the
            // worktree with them inside and drops every capability, so a step can use them but never unmount them.
            if (spec.overlays?.length) {
                argv = (0,setup_layer/* withOverlays */.qI)(programPath(this.programs, 'unshare'), programPath(this.programs, 'sh'), spec.overlays, argv);
            }
        }
        else {
            argv = [...(0,sandbox/* prlimitArgv */.uO)(this.programs.prlimit, req.limits), ...argv];
            if (deny) {
                await this.requireNetworkIsolation();
                argv = (0,sandbox/* networkOnlyArgv */.zR)(programPath(this.programs, 'bwrap'), argv, req.cwd);
            }
        }
        const started = Date.now();
        const buffer = new OutputBuffer(req.maxOutputBytes ?? 1024 * 1024, req.mask ?? (s => s), req.onLine);
        const stdoutOnly = new OutputBuffer(req.maxOutputBytes ?? 1024 * 1024, req.mask ?? (s => s));
        return await new Promise(resolve => {
            // detached: the child leads a new process group, so a timeout can kill
            // its children and grandchildren too.
            const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
                cwd: req.cwd,
                env: req.env,
                detached: true,
                stdio: ['pipe', 'pipe', 'pipe']
            });
            let timedOut = false;
            let aborted = false;
            let notFound = false;
            const leader = child.pid;
            if (leader !== undefined)
                this.tracker?.started(leader);
            const killGroup = (sig) => {
                if (child.pid === undefined)
                    return;
                try {
                    process.kill(-child.pid, sig);
                }
                catch {
                    // the group is already gone
                }
            };
            const stop = () => {
                killGroup('SIGTERM');
                setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS).unref();
            };
            const timer = req.timeoutMs !== undefined
                ? setTimeout(() => {
                    timedOut = true;
                    stop();
                }, req.timeoutMs)
                : undefined;
            const onAbort = () => {
                aborted = true;
                stop();
            };
            req.signal?.addEventListener('abort', onAbort, { once: true });
            if (req.signal?.aborted)
                onAbort();
            child.stdout.on('data', (d) => {
                buffer.write(d);
                stdoutOnly.write(d);
            });
            child.stderr.on('data', (d) => buffer.write(d));
            child.stdin.on('error', () => { });
            child.stdin.end(req.stdin ?? '');
            child.on('error', (err) => {
                if (err.code === 'ENOENT')
                    notFound = true;
                buffer.write(Buffer.from(`autopilot: cannot start ${argv[0]}: ${err.message}\n`));
            });
            // 'exit' fires when the leader exits; stray background children may still
            // hold the pipes open, so they are killed with the group.
            child.on('exit', () => killGroup('SIGKILL'));
            child.on('close', (code, sig) => {
                if (timer)
                    clearTimeout(timer);
                if (leader !== undefined)
                    this.tracker?.ended(leader);
                req.signal?.removeEventListener('abort', onAbort);
                resolve({
                    exitCode: notFound ? 127 : code,
                    signal: sig,
                    timedOut,
                    aborted,
                    notFound,
                    sandboxed,
                    output: buffer.finish(),
                    stdout: stdoutOnly.finish(),
                    durationMs: Date.now() - started
                });
            });
        });
    }
    async runTool(req) {
        const argv = resolveArgv(this.programs, req.argv);
        return await new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
                cwd: req.cwd,
                env: req.env ?? process.env,
                stdio: ['pipe', 'pipe', 'pipe']
            });
            const out = [];
            const err = [];
            child.stdout.on('data', (d) => out.push(d));
            child.stderr.on('data', (d) => err.push(d));
            child.stdin.on('error', () => { });
            child.stdin.end(req.stdin ?? '');
            child.on('error', (e) => reject(e.code === 'ENOENT'
                ? new errors/* AutopilotError */.Wz(`${req.argv[0]} is not installed or not on PATH (needed to run \`${req.argv.join(' ')}\`)`)
                : e));
            child.on('close', code => resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        });
    }
    async requireNetworkIsolation() {
        const problem = await this.networkIsolationProblem();
        if (problem) {
            throw new errors/* AutopilotError */.Wz(`network: deny cannot be enforced here: ${problem}. Refusing to run the step with network access; ` +
                'set `network: allow` on the step (or `defaults.network: allow`) if it may reach the network.', 1);
        }
    }
    /** Probes once whether a sandbox with a network namespace of its own works here. */
    networkIsolationProblem() {
        this.networkCheck ??= this.probe('network namespaces', true);
        return this.networkCheck;
    }
    /** Probes once whether the full sandbox works (bwrap with user, PID, mount namespaces, no capabilities). */
    sandboxProblem() {
        if (!this.sandboxOn)
            return Promise.resolve(undefined);
        this.sandboxCheck ??= this.probe('the step sandbox', false);
        return this.sandboxCheck;
    }
    /** Forgets earlier probes (after the host was changed to allow namespaces). */
    recheck() {
        this.sandboxCheck = undefined;
        this.networkCheck = undefined;
    }
    async probe(what, denyNetwork) {
        if (process.platform !== 'linux')
            return `${what} needs Linux namespaces (this is ${process.platform})`;
        const bwrap = this.programs.bwrap;
        if (!bwrap)
            return '`bwrap` (bubblewrap) is not installed in /usr/bin, /bin, /usr/local/bin, /usr/sbin or /sbin';
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'autopilot-probe-'));
        try {
            const argv = (0,sandbox/* bwrapArgv */.BL)([programPath(this.programs, 'sh'), '-c', 'exit 0'], {
                bwrap,
                layout: this.layout,
                spec: { writable: [dir] },
                cwd: dir,
                denyNetwork
            });
            const r = await this.runTool({ argv, cwd: dir, env: { PATH: '/usr/bin:/bin' } });
            return r.exitCode === 0 ? undefined : `\`bwrap\` could not create ${what}: ${r.stderr.trim() || `exit ${r.exitCode}`}`;
        }
        catch (e) {
            return `\`bwrap\` could not start: ${e.message}`;
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
}


/***/ }),

/***/ 10570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BL: () => (/* binding */ bwrapArgv),
/* harmony export */   Mh: () => (/* binding */ SandboxUnavailableError),
/* harmony export */   b4: () => (/* binding */ sandboxOffWarning),
/* harmony export */   nR: () => (/* binding */ hostLayout),
/* harmony export */   sV: () => (/* binding */ SYSTEM_VIEW),
/* harmony export */   uO: () => (/* binding */ prlimitArgv),
/* harmony export */   v3: () => (/* binding */ programBinds),
/* harmony export */   zR: () => (/* binding */ networkOnlyArgv)
/* harmony export */ });
/* unused harmony exports insideAny, sandboxRefusal */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/**
 * The step sandbox, built here as plain data (a bubblewrap argument vector);
 * the executor runs it.
 *
 * Isolation by construction: the step gets new user, mount, PID, IPC, UTS and
 * cgroup namespaces (and a network namespace holding only `lo` under
 * `network: deny`), no capabilities at all (so it cannot mount, unmount or
 * remount anything), and a root file system assembled from nothing: the system
 * folders read-only, a fresh /proc, /dev, /tmp and /dev/shm, and only the
 * folders the request names. The caller's HOME, the user's checkout, other
 * tasks, the private clone, host /tmp, /run, /var/run and their sockets simply
 * do not exist in there, so there is nothing to undo.
 */



/**
 * System folders shown read-only. Deliberately absent: /root and /home (the caller's HOME), /run and
 * /var (sockets, runner state), /tmp and /dev/shm (replaced by fresh ones), /mnt, /media, /srv, /sys.
 */
const SYSTEM_VIEW = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/opt'];
/** Files of /etc a sandboxed root could read but a step has no business with; shown empty. */
const HIDDEN_ETC = ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-', '/etc/sudoers', '/etc/security/opasswd'];
/** Reads the host's layout once (cheap: a few lstat calls). */
function hostLayout() {
    const layout = { dirs: [], links: [], hidden: [], extraFiles: [] };
    for (const path of SYSTEM_VIEW) {
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
        }
        catch {
            continue;
        }
        if (st.isSymbolicLink())
            layout.links.push({ path, target: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path) });
        else if (st.isDirectory())
            layout.dirs.push(path);
    }
    layout.hidden = HIDDEN_ETC.filter(f => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
    // Name resolution on hosts whose resolv.conf is a link into /run (systemd-resolved, GitHub's runners).
    try {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)('/etc/resolv.conf');
        if (!insideAny(real, layout.dirs))
            layout.extraFiles.push(real);
    }
    catch {
        // no resolv.conf: nothing to show
    }
    return layout;
}
/** The bubblewrap argument vector that runs `argv` in the sandbox. */
function bwrapArgv(argv, c) {
    const a = [
        c.bwrap,
        '--unshare-user',
        '--unshare-pid',
        '--unshare-ipc',
        '--unshare-uts',
        '--unshare-cgroup-try',
        ...(c.denyNetwork ? ['--unshare-net'] : []),
        '--die-with-parent',
        '--new-session',
        '--cap-drop',
        'ALL',
        '--hostname',
        'autopilot'
    ];
    for (const d of c.layout.dirs)
        a.push('--ro-bind', d, d);
    for (const l of c.layout.links)
        a.push('--symlink', l.target, l.path);
    for (const f of c.layout.hidden)
        a.push('--ro-bind', '/dev/null', f);
    if (!c.denyNetwork)
        for (const f of c.layout.extraFiles)
            a.push('--ro-bind-try', f, f);
    a.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/dev/shm', '--tmpfs', '/tmp');
    for (const w of c.spec.writable)
        a.push('--bind', w, w);
    for (const b of c.spec.readOnly ?? [])
        a.push('--ro-bind-try', b.source, b.dest);
    // Nothing outside the binds is writable, not even the sandbox's own root folder.
    a.push('--remount-ro', '/', '--chdir', c.cwd, '--');
    return [...a, ...limitArgv(c), ...argv];
}
function limitArgv(c) {
    return prlimitArgv(c.prlimit, c.limits);
}
/** `prlimit --data=.. --nproc=.. --` for the given limits, or nothing when there are none. */
function prlimitArgv(prlimit, l) {
    if (!l || (l.memoryMb === undefined && l.processes === undefined))
        return [];
    if (!prlimit)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AutopilotError */ .Wz('`prlimit` (util-linux) is needed for limits.step-memory-mb / limits.step-processes', 1);
    return [
        prlimit,
        ...(l.memoryMb !== undefined ? [`--data=${l.memoryMb * 1024 * 1024}`] : []),
        ...(l.processes !== undefined ? [`--nproc=${l.processes}`] : []),
        '--'
    ];
}
/**
 * Read-only binds that make a program living outside the system folders runnable in the sandbox
 * (an agent CLI installed with npm under the project's `.cache`, say): its install folder, not more.
 * For a program inside a `node_modules` tree that is the outermost `node_modules` folder (the CLI's
 * dependencies live beside it). For a program file in a folder named `bin`, the install prefix above it
 * (`<prefix>/bin/tool` next to `<prefix>/lib`), unless that prefix is `home` (the caller's HOME), lies
 * above it, or is `~/.local`; else the program's own folder. A link is followed: both its folder and
 * its target's are bound.
 */
function programBinds(argv0, path, cwd, systemDirs, writable, home = '') {
    const found = findOnPath(argv0, path, cwd);
    // A program in the step's own folders is visible (and writable) already.
    if (!found || insideAny(found, writable))
        return [];
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(found);
    }
    catch {
        return [];
    }
    if (insideAny(found, systemDirs) && insideAny(real, systemDirs))
        return [];
    const dirs = new Set();
    for (const p of found === real ? [real] : [found, real]) {
        if (insideAny(p, systemDirs))
            continue;
        const nm = p.indexOf(`${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}node_modules${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`);
        if (nm >= 0) {
            dirs.add(p.slice(0, nm + `${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}node_modules`.length));
            continue;
        }
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(p);
        const prefix = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        const tooBroad = prefix === '/' || (home !== '' && (insideAny(home, [prefix]) || prefix === `${home}/.local`));
        dirs.add(p === real && dir.endsWith(`${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}bin`) && !tooBroad ? prefix : dir);
    }
    return [...dirs].map(d => ({ source: d, dest: d }));
}
function findOnPath(argv0, path, cwd) {
    if (argv0.includes('/'))
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(argv0) ? argv0 : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, argv0);
    for (const dir of path.split(':')) {
        if (!dir)
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, dir, argv0);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
            return candidate;
    }
    return undefined;
}
/** Whether `path` is one of `dirs` or below one. */
function insideAny(path, dirs) {
    return dirs.some(d => path === d || path.startsWith(d.endsWith('/') ? d : d + '/'));
}
/** argv in a new network namespace only (`sandbox: off` with `network: deny`). */
function networkOnlyArgv(bwrap, argv, cwd) {
    return [bwrap, '--unshare-user', '--unshare-net', '--die-with-parent', '--dev-bind', '/', '/', '--chdir', cwd, '--', ...argv];
}
/** The one line a refusal says: why, and how to enable the sandbox or knowingly go without. */
function sandboxRefusal(problem) {
    return (`autopilot: refusing to run steps: the step sandbox is unavailable here (${problem}). ` +
        'Steps are hostile until proven otherwise, so none runs without it. To enable it: install bubblewrap ' +
        '(apt-get install -y bubblewrap) and allow unprivileged user namespaces (on Ubuntu 24.04: load an AppArmor ' +
        'profile for /usr/bin/bwrap, or `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`); ' +
        '`autopilot doctor` shows what holds. To run without it anyway, knowing steps can then read autopilot\'s ' +
        'environment and write outside their worktree: `sandbox: off` in the plan, `--sandbox off`, the action input ' +
        '`sandbox: off`, or AUTOPILOT_SANDBOX=off.');
}
/** Said once per run when the sandbox was knowingly turned off. */
function sandboxOffWarning(why) {
    return (`autopilot: warning: steps run WITHOUT the sandbox (${why}). They can read this process's environment ` +
        'and write outside their worktree; the gates still check every change.');
}
/** Steps were refused because the sandbox cannot be had here. */
class SandboxUnavailableError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AutopilotError */ .Wz {
    problem;
    name = 'SandboxUnavailableError';
    constructor(problem) {
        super(sandboxRefusal(problem), _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.stopped);
        this.problem = problem;
    }
}


/***/ }),

/***/ 87272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HX: () => (/* binding */ keepLayer),
/* harmony export */   V2: () => (/* binding */ pruneLayers),
/* harmony export */   ZG: () => (/* binding */ attachSetup),
/* harmony export */   bj: () => (/* binding */ setupKey),
/* harmony export */   ci: () => (/* binding */ layerEntries),
/* harmony export */   qI: () => (/* binding */ withOverlays),
/* harmony export */   vi: () => (/* binding */ findLayer)
/* harmony export */ });
/* unused harmony export attachLayer */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_keys_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87469);
/* harmony import */ var _state_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60766);
/* harmony import */ var _plan_plan_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63602);
/**
 * The setup layer: what the plan's `setup` steps leave that git ignores
 * (node_modules, .venv, target/, generated files), kept once per setup key and
 * put into every task's worktree without copying it byte by byte. Folders are
 * mounted as an overlay inside the task's sandbox (the layer read-only below,
 * the task's own writable folder above, so a task may change its copy and no
 * other task sees it); single files are copied. Outside the sandbox the
 * worktree shows only empty mount points, so nothing of the layer can reach a
 * task's diff.
 */





/**
 * The setup cache key: the setup steps (and the defaults that shape how they run)
 * and the blob ids of the key files at the base commit (a blob id is a hash of the content).
 */
function setupKey(plan, keyFiles) {
    const files = [...keyFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return (0,_state_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .sc)((0,_state_keys_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .dj)({ v: 1, setup: plan.setup, shell: plan.defaults.shell, env: (0,_plan_plan_files_js__WEBPACK_IMPORTED_MODULE_4__/* .keyedEnv */ ._q)(plan.defaults.env), files }));
}
/** The entries of `git ls-files --others --ignored --exclude-standard --directory` output (folders end in `/`). */
function layerEntries(listed) {
    return listed
        .filter(p => p.length > 0 && p !== '.git' && !p.startsWith('.git/'))
        .map(p => (p.endsWith('/') ? { path: p.slice(0, -1), kind: 'dir' } : { path: p, kind: 'file' }));
}
const LAYER_FILE = 'layer.json';
/** The layer kept under `root` for `key`, when a complete one is there. */
async function findLayer(root, key) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, key);
    const meta = await (0,_state_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readJson */ .Vh)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, LAYER_FILE));
    return meta ? { key, dir, entries: meta.entries } : undefined;
}
/**
 * Moves `entries` out of the setup worktree into a new layer under `root/<key>`.
 * Written into a temporary folder and renamed, so a killed run never leaves half a layer that looks whole.
 */
async function keepLayer(root, key, worktree, entries) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, key);
    const tmp = `${dir}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(tmp, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp, 'files'), { recursive: true });
    for (const e of entries) {
        const to = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp, 'files', e.path);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(to), { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(worktree, e.path), to);
    }
    await (0,_state_files_js__WEBPACK_IMPORTED_MODULE_3__/* .writeAtomic */ .vZ)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(tmp, LAYER_FILE), JSON.stringify({ key, entries }, null, 2));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, dir);
    return { key, dir, entries };
}
/** Keeps the newest `keep` layers under `root` and removes the rest (each can be large). */
async function pruneLayers(root, keepKey, keep = 2) {
    if (!(await (0,_state_files_js__WEBPACK_IMPORTED_MODULE_3__/* .exists */ .t2)(root)))
        return;
    const names = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(root, { withFileTypes: true })).filter(d => d.isDirectory() && d.name !== keepKey).map(d => d.name);
    const dated = await Promise.all(names.map(async (n) => ({ n, t: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, n))).mtimeMs })));
    dated.sort((a, b) => b.t - a.t);
    for (const { n } of dated.slice(Math.max(0, keep - 1)))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, n), { recursive: true, force: true });
}
/**
 * Puts the layer into a task's worktree: files copied, folders as overlays for the sandbox
 * (an empty mount point is made in the worktree). `scratch` is the task's own folder for the upper layers.
 * `copyDirs` copies folders too, for steps that run without the sandbox (`sandbox: off`).
 */
async function attachLayer(layer, worktree, scratch, copyDirs = false) {
    const mounts = [];
    for (const [i, e] of layer.entries.entries()) {
        const from = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(layer.dir, 'files', e.path);
        const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(worktree, e.path);
        if (e.kind === 'file' || copyDirs) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.cp)(from, target, { recursive: true, force: true, preserveTimestamps: true, verbatimSymlinks: true });
            continue;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(target, { recursive: true });
        const upper = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(scratch, `upper-${i}`);
        const work = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(scratch, `work-${i}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(upper, { recursive: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(work, { recursive: true });
        mounts.push({ lower: from, upper, work, target });
    }
    return mounts;
}
/** Mounts each `-o options` `target` pair before `--`, then execs the rest; runs as root of its own namespaces. */
const OVERLAY_LAUNCHER = 'while [ "$1" != "--" ]; do mount -t overlay overlay -o "$1" "$2" || ' +
    '{ echo "autopilot sandbox: cannot mount the setup layer at $2" >&2; exit 125; }; shift 2; done; shift; exec "$@"';
/**
 * `argv` (the sandbox's command line) preceded by a private user and mount namespace in which the
 * overlays are mounted: bubblewrap then binds the worktree with them inside and drops every capability,
 * so the step can use but never unmount them. Values are passed as arguments, never parsed by a shell.
 */
function withOverlays(unshare, sh, mounts, argv) {
    if (mounts.length === 0)
        return argv;
    // overlayfs option values escape "," and ":" with a backslash.
    const esc = (p) => p.replace(/([\\,:])/g, '\\$1');
    const pairs = mounts.flatMap(m => [`lowerdir=${esc(m.lower)},upperdir=${esc(m.upper)},workdir=${esc(m.work)}`, m.target]);
    return [unshare, '--user', '--map-root-user', '--mount', '--', sh, '-c', OVERLAY_LAUNCHER, 'autopilot-layer', ...pairs, '--', ...argv];
}
/**
 * The layer in worktree `name` of the workspace: overlays for the task's sandbox, or (where steps run
 * without the sandbox) copies. The task's upper folders live in a temp folder of its own.
 */
async function attachSetup(layer, workspace, name, executor, spec) {
    if (!layer)
        return;
    const sandboxed = spec !== undefined && executor.sandboxOn !== false;
    const mounts = await attachLayer(layer, workspace.worktreePath(name), await workspace.freshTmp(`${name}-layer`), !sandboxed);
    if (spec)
        spec.overlays = mounts;
}


/***/ }),

/***/ 60766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   cc: () => (/* binding */ ensureIgnoredDir),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vZ: () => (/* binding */ writeAtomic)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/** Small file helpers for state: atomic writes, JSON, and self-ignoring state folders. */



/**
 * Writes via a temporary file + fsync + rename, so readers never see half a
 * file and a full disk leaves the previous version intact. Hand-written (ten
 * lines) because write-file-atomic reads CommonJS `__filename`, which is
 * undefined in the ESM bundle ncc produces.
 */
async function writeAtomic(file, data) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(4).toString('hex')}.tmp`;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(tmp, 'w');
    try {
        await handle.writeFile(data);
        await handle.sync();
    }
    catch (e) {
        await handle.close();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(tmp, { force: true });
        throw e;
    }
    await handle.close();
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, file);
}
async function readJson(file) {
    try {
        return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
}
async function exists(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(path);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Creates `dir` with a `.gitignore` of `*`, so autopilot's state never shows up
 * in `git status` and the user's own .gitignore is left alone.
 */
async function ensureIgnoredDir(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(dir, { recursive: true });
    const marker = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '.gitignore');
    if (!(await exists(marker)))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(marker, '# autopilot state: never committed\n*\n');
}


/***/ }),

/***/ 87469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ taskKey),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _plan_plan_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63602);
/** Content addresses: a task's result is reusable when these inputs are unchanged. */


function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
}
/** JSON with sorted keys, so equal data always hashes equally. */
function canonicalJson(value) {
    return JSON.stringify(value, (_k, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v);
}
/**
 * The key of a task's result: its own definition, the plan settings that shape
 * how it runs (defaults, gates, agents, intent), the base tree, and the digests
 * of its dependencies' patches in the order they are applied.
 */
function taskKey(input) {
    const { plan, task } = input;
    return sha256(canonicalJson({
        v: 1,
        task,
        defaults: { ...plan.defaults, env: (0,_plan_plan_files_js__WEBPACK_IMPORTED_MODULE_1__/* .keyedEnv */ ._q)(plan.defaults.env) },
        gates: plan.gates,
        agents: plan.agents,
        intent: plan.intent,
        baseTree: input.baseTree,
        deps: input.dependencyDigests,
        ...(input.setupKey ? { setup: input.setupKey } : {}),
        ...(input.planDirDigest ? { planDir: input.planDirDigest } : {})
    }));
}


/***/ }),

/***/ 87572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ LANDABLE),
/* harmony export */   X: () => (/* binding */ FINAL)
/* harmony export */ });
/** Statuses whose patch may land on the branch. */
const LANDABLE = new Set(['succeeded', 'cached']);
/** Statuses that end a task for good in this run. */
const FINAL = new Set(['succeeded', 'cached', 'failed', 'denied', 'blocked', 'cancelled']);


/***/ })

};

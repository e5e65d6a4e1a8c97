export const id = 298;
export const ids = [298];
export const modules = {

/***/ 85880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ openActionPlan)
/* harmony export */ });
/* harmony import */ var _run_open_repo_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84670);
/* harmony import */ var _run_executor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83615);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62588);
/** What every action command starts from: settings, the plan, the checkout and the executor. */




async function openActionPlan(settings, runner) {
    const planArg = settings.plan || (runner.context.issueNumber !== undefined ? String(runner.context.issueNumber) : '');
    if (!planArg) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb('input "plan" is empty and the event has no issue; pass `plan:` (a path or an issue number)');
    }
    const sandboxOffBy = settings.sandbox === 'off' ? 'the action input `sandbox: off`' : (0,_run_sandbox_gate_js__WEBPACK_IMPORTED_MODULE_3__/* .sandboxOffInEnv */ .Vu)(runner.env);
    const executor = new _run_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .ProcessExecutor */ .l(undefined, { sandbox: sandboxOffBy === undefined });
    const opened = await (0,_run_open_repo_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .openRepoPlan */ .c)(planArg, runner.context.workspace, executor);
    return { ...opened, planArg, executor, sandboxOffBy };
}


/***/ }),

/***/ 6835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planJob: () => (/* binding */ planJob)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/graph/graph.ts
var graph_graph = __webpack_require__(1924);
;// CONCATENATED MODULE: ./src/graph/fold.ts
/**
 * The GitHub matrix of each level job. A workflow has a fixed number of level
 * jobs; a deeper plan is folded so nothing is dropped: every level past the
 * last job runs, in topological order, as one leg of the last job.
 */
/**
 * Exactly `jobs` entries; entry k lists the legs of level job k+1, each leg a
 * space-separated list of task ids run in order. Unused entries are `[]`.
 */
function foldLevels(levels, jobs) {
    const out = [];
    for (let k = 0; k < jobs; k++) {
        if (k < jobs - 1 || levels.length <= jobs)
            out.push(levels[k] ? packLegs(levels[k]) : []);
        else
            out.push([levels.slice(k).flat().join(' ')]);
    }
    return out;
}
/** GitHub refuses a matrix of more than 256 combinations. */
const MAX_MATRIX_LEGS = 256;
/**
 * One leg per task while a level fits in a matrix; a wider level is packed
 * into at most `max` legs of consecutive ids (the tasks of a level are
 * independent, so a leg runs its share one after another).
 */
function packLegs(level, max = MAX_MATRIX_LEGS) {
    if (level.length <= max)
        return [...level];
    const per = Math.ceil(level.length / max);
    const legs = [];
    for (let i = 0; i < level.length; i += per)
        legs.push(level.slice(i, i + per).join(' '));
    return legs;
}

// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var markdown = __webpack_require__(28812);
// EXTERNAL MODULE: ./src/state/new-manifest.ts
var new_manifest = __webpack_require__(64281);
// EXTERNAL MODULE: ./src/github/client.ts + 1 modules
var client = __webpack_require__(43154);
// EXTERNAL MODULE: ./src/github/issue-comment.ts
var issue_comment = __webpack_require__(63640);
// EXTERNAL MODULE: ./src/github/limits.ts
var limits = __webpack_require__(71679);
// EXTERNAL MODULE: ./src/action/open.ts
var action_open = __webpack_require__(85880);
;// CONCATENATED MODULE: ./src/action/plan-job.ts
/**
 * `command: plan`: validate the plan (problems become annotations at their
 * line), emit the level matrices, write the job summary and mark the issue
 * comment "queued".
 */










async function planJob(settings, runner) {
    let opened;
    try {
        opened = await (0,action_open/* openActionPlan */.U)(settings, runner);
    }
    catch (e) {
        if (e instanceof errors/* PlanError */.W6) {
            for (const p of e.problems) {
                runner.error(`${p.path ? `${p.path}: ` : ''}${p.message}`, { title: 'autopilot: invalid plan', file: p.file, startLine: p.line, startColumn: p.col });
            }
            // Each problem is already an annotation at its line: the failure itself only counts them (one annotation per problem).
            const files = [...new Set(e.problems.map(p => p.file))].join(', ');
            throw new errors/* AutopilotError */.Wz(`invalid plan ${files}: ${e.problems.length} problem(s), annotated at their lines above`, e.exitCode);
        }
        throw e;
    }
    const { loaded, repoRoot, userGit, planFile } = opened;
    const plan = loaded.plan;
    const graph = (0,graph_graph/* buildGraph */.ZG)(plan.tasks);
    const lv = (0,graph_graph/* levels */.yr)(graph);
    const base = await userGit.commitOf(plan.base ?? 'HEAD');
    for (const w of loaded.warnings)
        runner.warning(w.message, { title: 'autopilot: plan warning', file: w.file, startLine: w.line, startColumn: w.col });
    runner.setOutput('levels', JSON.stringify(lv));
    runner.setOutput('level-count', String(lv.length));
    runner.setOutput('jobs', JSON.stringify(foldLevels(lv, settings.maxLevelJobs)));
    runner.setOutput('plan-hash', loaded.hash);
    runner.setOutput('base', base);
    if (lv.length > settings.maxLevelJobs) {
        runner.warning(`the plan has ${lv.length} levels and the workflow ${settings.maxLevelJobs} level jobs: levels ${settings.maxLevelJobs} and deeper run one after another in the last level job`);
    }
    const manifest = (0,new_manifest/* startManifest */.s)({ plan, planHash: loaded.hash, planPath: (0,external_node_path_.relative)(repoRoot, planFile), baseCommit: base });
    runner.setOutput('branch', manifest.branch);
    const summary = `### Queued\n\n${(0,markdown/* renderSummary */.Br)({ plan, manifest })}`;
    await runner.summary((0,limits/* truncateMarkdown */.o)(summary, limits/* LIMITS */.b.jobSummaryBytes, '\n\n_(truncated)_', 'bytes'));
    const repository = runner.context.repository;
    if (repository && settings.token && !settings.dryRun) {
        const octokit = (0,client/* createGitHubClient */.L)({ token: settings.token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } });
        await (0,issue_comment/* upsertIssueComment */.CV)(octokit, { ...repository, issueNumber: plan.issue, marker: (0,issue_comment/* issueMarker */.Q_)(plan.issue), body: summary }).catch(e => runner.warning(`autopilot: could not update the issue comment: ${e.message}`));
    }
    runner.info(`plan ${loaded.file}: ${plan.tasks.length} tasks in ${lv.length} levels, base ${base}`);
    runner.setOutput('status', settings.dryRun ? 'dry-run' : 'succeeded');
}


/***/ }),

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

/***/ 63602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ assertPlanFiles),
/* harmony export */   Zv: () => (/* binding */ planFolderOf),
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

/***/ 84670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ openRepoPlan)
});

// EXTERNAL MODULE: ./src/plan/load.ts + 6 modules
var load = __webpack_require__(60005);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/plan/locate.ts
var locate = __webpack_require__(44493);
;// CONCATENATED MODULE: ./src/plan/open.ts
// What commands call to get the plan a `[plan]` argument names, loaded and validated.



/**
 * Resolve `arg` (path, issue number or nothing, see resolvePlanPath) from `cwd`
 * and load it; problems name the file relative to `cwd` when it is below it.
 */
async function openPlan(arg, cwd) {
    const file = await resolvePlanPath(arg, cwd);
    return loadPlan(file, displayPath(file, cwd));
}
/** `file` relative to `cwd` when it is inside it, else absolute. */
function displayPath(file, cwd) {
    const rel = external_node_path_default().relative(cwd, file);
    return rel === '' || rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? file : rel;
}

// EXTERNAL MODULE: ./src/plan/plan-files.ts
var plan_files = __webpack_require__(63602);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(10308);
;// CONCATENATED MODULE: ./src/run/open-repo-plan.ts
/** The plan a command names and the git repository it belongs to. Kept small: every entry point loads it. */






/** Opens the plan and the repository it belongs to. */
async function openRepoPlan(planArg, cwd, executor) {
    const planFile = await (0,locate/* resolvePlanPath */.PC)(planArg, cwd);
    const loaded = await (0,load/* loadPlan */.Y)(planFile, displayPath(planFile, cwd));
    const git = new git_git/* Git */.TU(executor, cwd);
    const top = await git.raw(['rev-parse', '--show-toplevel']);
    if (top.exitCode !== 0)
        throw new errors/* AutopilotError */.Wz(`${cwd} is not inside a git repository; autopilot runs plans in one`);
    const repoRoot = top.stdout.toString().trim();
    (0,plan_files/* assertPlanFiles */.Ds)(loaded, planFile, repoRoot);
    return { loaded, planFile, repoRoot, userGit: git.at(repoRoot) };
}


/***/ }),

/***/ 62588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ decideSandbox),
/* harmony export */   Nd: () => (/* binding */ sandboxShareInEnv),
/* harmony export */   Vu: () => (/* binding */ sandboxOffInEnv)
/* harmony export */ });
/* harmony import */ var _sandbox_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10570);

/**
 * Whether steps may run here. `offBy` names who turned the sandbox off outside the plan
 * (AUTOPILOT_SANDBOX=off, `--sandbox off`, the action input). `enable`, when given, may change
 * the host so namespaces work (hosted runners, src/run/enable-namespaces.ts).
 * Throws SandboxUnavailableError (exit 3) when the sandbox is on but cannot be had.
 */
async function decideSandbox(input) {
    const offBy = input.offBy ?? (input.plan.sandbox === 'off' ? '`sandbox: off` in the plan' : undefined);
    if (offBy)
        return { sandboxed: false, note: (0,_sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .sandboxOffWarning */ .b4)(`turned off by ${offBy}`) };
    const problem = await input.executor.sandboxProblem();
    if (!problem)
        return { sandboxed: true };
    if (input.enable) {
        const r = await input.enable(problem);
        if (r.ok)
            return { sandboxed: true, note: r.log };
        throw new _sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .SandboxUnavailableError */ .Mh(`${problem}; ${r.log}`);
    }
    throw new _sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .SandboxUnavailableError */ .Mh(problem);
}
/** Who turned the sandbox off in the environment (AUTOPILOT_SANDBOX=off), if anyone. */
function sandboxOffInEnv(env) {
    return env.AUTOPILOT_SANDBOX === 'off' ? 'AUTOPILOT_SANDBOX=off' : undefined;
}
/** Folders the caller shares read-write with every step (AUTOPILOT_SANDBOX_SHARE, absolute paths, `:`-separated). */
function sandboxShareInEnv(env) {
    return (env.AUTOPILOT_SANDBOX_SHARE ?? '').split(':').filter(p => p.startsWith('/'));
}


/***/ }),

/***/ 87572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ LANDABLE)
/* harmony export */ });
/* unused harmony export FINAL */
/**
 * The run manifest: the durable record of one run of a plan. Plain data,
 * serialised as JSON and rewritten atomically after every state change.
 */
/** Statuses whose patch may land on the branch. */
const LANDABLE = new Set(['succeeded', 'cached']);
/** Statuses that end a task for good in this run. */
const FINAL = new Set(['succeeded', 'cached', 'failed', 'denied', 'blocked', 'cancelled']);


/***/ })

};

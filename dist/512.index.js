export const id = 512;
export const ids = [512];
export const modules = {

/***/ 76607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ deliver)
/* harmony export */ });
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87572);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28812);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43154);
/* harmony import */ var _github_pull_request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52524);
/* harmony import */ var _github_issue_comment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63640);
/* harmony import */ var _github_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(71679);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _gates_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(50854);
/* harmony import */ var _git_branches_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(58774);









async function deliver(input) {
    const { runner, settings, plan, manifest, integration } = input;
    const outcome = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .runOutcome */ .CL)(manifest);
    let summary = input.mask((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummary */ .Br)({ plan, manifest, logLink: input.logLink, logsLocation: input.logsLocation }));
    if (integration.problem)
        summary += `\n**Not delivered:** ${input.mask(integration.problem)}\n`;
    const landed = Object.keys(integration.commits).length > 0 && !integration.problem;
    const repository = runner.context.repository;
    const octokit = repository && settings.token ? client(runner, settings.token) : undefined;
    let pullRequest;
    if (landed && !settings.dryRun) {
        const problem = (0,_gates_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .branchProblem */ .MT)({
            branch: manifest.branch,
            allowOutside: plan.pr['allow-branch-outside-autopilot'],
            defaultBranch: octokit && repository
                ? await defaultBranch(octokit, repository).catch((e) => {
                    runner.warning(`autopilot: could not read the default branch (${e.message}); refusing main and master instead`);
                    return undefined;
                })
                : await (0,_git_branches_js__WEBPACK_IMPORTED_MODULE_8__/* .originDefaultBranch */ .g)(input.checkout),
            checkedOut: [...(await (0,_git_branches_js__WEBPACK_IMPORTED_MODULE_8__/* .checkedOutBranches */ .S)(input.checkout)), ...(runner.context.refName ? [runner.context.refName] : [])]
        });
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AutopilotError */ .Wz(`autopilot will not push: ${problem}`, _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.taskFailed);
        await pushBranch(input, integration.head);
        if (repository && settings.prToken) {
            const base = plan.base ?? runner.context.refName ?? (await defaultBranch(client(runner, settings.prToken), repository));
            const pr = await (0,_github_pull_request_js__WEBPACK_IMPORTED_MODULE_3__/* .upsertPullRequest */ ._)(client(runner, settings.prToken), {
                ...repository,
                head: manifest.branch,
                base,
                title: plan.pr.title ?? `autopilot #${plan.issue}: ${plan.title}`,
                body: (0,_github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .truncateMarkdown */ .o)(summary, _github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b.pullRequestBodyChars, '\n\n_(truncated: see the job summary)_'),
                draft: plan.pr.draft || outcome !== 'succeeded',
                labels: plan.pr.labels
            });
            pullRequest = { number: pr.number, url: pr.url };
            runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`);
        }
    }
    if (octokit && repository) {
        const head = pullRequest ? `Pull request: ${pullRequest.url}\n\n` : '';
        await (0,_github_issue_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .upsertIssueComment */ .CV)(octokit, {
            ...repository,
            issueNumber: plan.issue,
            marker: (0,_github_issue_comment_js__WEBPACK_IMPORTED_MODULE_4__/* .issueMarker */ .Q_)(plan.issue),
            body: head + summary
        }).catch(e => runner.warning(`autopilot: could not update the issue comment: ${e.message}`));
    }
    await runner.summary((0,_github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .truncateMarkdown */ .o)(summary, _github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b.jobSummaryBytes, '\n\n_(truncated)_', 'bytes'));
    for (const t of plan.tasks) {
        const r = manifest.tasks[t.id];
        if (!r || _state_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .LANDABLE */ .M.has(r.status) || r.status === 'pending')
            continue;
        if (r.status === 'failed' || r.status === 'denied') {
            runner.error(input.mask(`task ${t.id} ${r.status}${r.failedStep ? ` at step "${r.failedStep}"` : ''}: ${(r.reason ?? '').split('\n')[0]}`), {
                title: `autopilot: task ${t.id} ${r.status}`
            });
        }
    }
    const status = integration.problem ? 'failed' : outcome;
    runner.setOutput('status', status);
    runner.setOutput('branch', landed ? manifest.branch : '');
    runner.setOutput('pull-request-number', pullRequest ? String(pullRequest.number) : '');
    runner.setOutput('pull-request-url', pullRequest?.url ?? '');
    runner.setOutput('usage', JSON.stringify((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .usageTotal */ .Mq)(manifest) ?? { calls: 0, inputTokens: 0, outputTokens: 0 }));
    return { status, pullRequest };
}
/** Pushes the integrated commits to the checkout's `origin`, authenticated with `pr-token`. */
async function pushBranch(input, head) {
    const { manifest, settings } = input;
    const origin = await input.checkout.text(['remote', 'get-url', 'origin']);
    const basic = Buffer.from(`x-access-token:${settings.prToken}`).toString('base64');
    input.runner.setSecret(basic);
    const auth = /^https?:\/\//.test(origin) && settings.prToken ? ['-c', `http.extraheader=AUTHORIZATION: basic ${basic}`] : [];
    // Force: the branch belongs to autopilot, and a re-run must replace it, not stack on it.
    const r = await input.repo.raw([...auth, 'push', '--quiet', '--force', origin, `${head}:refs/heads/${manifest.branch}`]);
    if (r.exitCode !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AutopilotError */ .Wz(`could not push ${manifest.branch}: ${input.mask(r.stderr.trim())}. The job needs \`permissions: contents: write\`, ` +
            'or a `pr-token` that may push.', _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.taskFailed);
    }
}
function client(runner, token) {
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createGitHubClient */ .L)({ token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } });
}
async function defaultBranch(octokit, repo) {
    const { data } = await octokit.rest.repos.get(repo);
    return data.default_branch;
}


/***/ }),

/***/ 21512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   finalizeJob: () => (/* binding */ finalizeJob)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _graph_graph_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1924);
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87572);
/* harmony import */ var _state_new_manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64281);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65655);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(28812);
/* harmony import */ var _run_workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80701);
/* harmony import */ var _run_integrate_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47782);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(53448);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85880);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(65621);
/* harmony import */ var _deliver_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(76607);
/**
 * `command: finalize` (runs even when tasks failed): collects every task's
 * result from this run's artifacts, integrates exactly as the local engine
 * does, runs the run-level gates, then delivers (push, PR, comment, summary).
 */













async function finalizeJob(settings, runner) {
    const { loaded, repoRoot, userGit, executor, planFile } = await (0,_open_js__WEBPACK_IMPORTED_MODULE_10__/* .openActionPlan */ .U)(settings, runner);
    const plan = loaded.plan;
    const graph = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .buildGraph */ .ZG)(plan.tasks);
    const order = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .topoOrder */ .LI)(graph);
    const baseCommit = await userGit.commitOf('HEAD');
    const store = (0,_store_js__WEBPACK_IMPORTED_MODULE_11__/* .openActionsStore */ .D)(runner, plan.issue);
    const manifest = (0,_state_new_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .startManifest */ .s)({ plan, planHash: loaded.hash, planPath: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(repoRoot, planFile), baseCommit });
    const results = new Map();
    await runner.group('collect task results', async () => {
        for (const id of order) {
            const r = await store.loadResult(id);
            if (r) {
                results.set(id, r);
                manifest.tasks[id] = r.record;
            }
            else {
                const failedDep = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .ancestors */ .T1)(graph, id).find(a => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(manifest.tasks[a].status));
                manifest.tasks[id] = {
                    ...manifest.tasks[id],
                    status: failedDep ? 'blocked' : 'cancelled',
                    reason: failedDep ? `needs ${failedDep}, which ${manifest.tasks[failedDep].status}` : 'its job did not run or left no result'
                };
            }
            runner.info(`${id}: ${manifest.tasks[id].status}`);
        }
    });
    const workspace = await (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .openWorkspace */ .O)(executor, repoRoot, (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultWorkRoot */ .p)(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-work') }));
    // The base commit's own date: re-running finalize rebuilds identical commits, so the push is a no-op.
    const date = await userGit.text(['log', '-1', '--format=%cI', baseCommit]);
    const mask = (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .planMasker */ .Z_)(plan, runner.env);
    const integration = await (0,_run_integrate_js__WEBPACK_IMPORTED_MODULE_7__/* .integrate */ .UZ)({
        plan, planPath: manifest.planPath, order, results, baseCommit, date, workspace, secrets: (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .namedSecrets */ .pr)(plan, runner.env), mask
    });
    manifest.commits = integration.commits;
    manifest.gates = integration.gates;
    manifest.finishedAt = new Date().toISOString();
    const repo = runner.context.repository;
    const runUrl = repo ? `${runner.context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runner.context.runId}` : undefined;
    const delivered = await (0,_deliver_js__WEBPACK_IMPORTED_MODULE_12__/* .deliver */ .c)({
        runner,
        settings,
        plan,
        manifest,
        integration,
        repo: workspace.repo,
        checkout: userGit,
        mask,
        logsLocation: runUrl ? `[task artifacts of this run](${runUrl}#artifacts)` : undefined
    });
    const notLanded = plan.tasks.filter(t => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(manifest.tasks[t.id].status)).map(t => t.id);
    const failed = notLanded.length > 0 || integration.problem !== undefined;
    await store
        .saveRunLogs({
        'summary.md': mask((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .renderSummary */ .Br)({ plan, manifest })),
        ...(failed ? { 'FAILED.log': mask((0,_report_text_js__WEBPACK_IMPORTED_MODULE_4__/* .renderFailedLog */ .cS)({ plan, manifest, planArg: String(plan.issue), problem: integration.problem })) } : {})
    })
        .catch(e => runner.warning(`autopilot: could not upload the run logs: ${e.message}`));
    if (failed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .TaskFailedError */ .zX(integration.problem ?? `autopilot #${plan.issue}: ${notLanded.length} task(s) did not land (${notLanded.join(', ')}); status ${delivered.status}`, notLanded[0] ?? '');
    }
}


/***/ }),

/***/ 65621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ openActionsStore)
});

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 83 modules
var artifact = __webpack_require__(56518);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 91 modules
var cache = __webpack_require__(18091);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/state/files.ts
var state_files = __webpack_require__(60766);
// EXTERNAL MODULE: ./src/state/local-store.ts
var local_store = __webpack_require__(87922);
;// CONCATENATED MODULE: ./src/state/actions-store.ts
/**
 * StateStore on GitHub Actions: each task's result is one artifact of the
 * workflow run (unique name: run id, attempt, task id), so later jobs of the
 * run can download it; content-addressed results and the per-day usage ledger
 * live in the Actions cache, so later runs can reuse them. Cache trouble is a
 * warning, never a failure.
 */





/** Artifact names: `autopilot-<issue>-<run>-<attempt>-<task>`. */
function artifactName(scope, runId, attempt, taskId) {
    return `autopilot-${scope}-${runId}-${attempt}-${taskId}`;
}
/** The task id and attempt an artifact name holds, if it is one of this run's results. */
function parseArtifactName(name, scope, runId) {
    const prefix = `autopilot-${scope}-${runId}-`;
    if (!name.startsWith(prefix))
        return undefined;
    const m = /^(\d+)-(.+)$/.exec(name.slice(prefix.length));
    return m && m[2] !== 'logs' ? { attempt: Number(m[1]), taskId: m[2] } : undefined;
}
// One relative path for every cache entry: the cache version hashes the path list.
const CACHE_PATH = 'entry';
class ActionsStateStore {
    o;
    manifestFile;
    // The cache client works relative to the process's cwd and GITHUB_WORKSPACE, which
    // withCacheDir changes: one cache operation at a time.
    cacheTurn = (0,p_limit/* default */.A)(1);
    listed;
    constructor(o) {
        this.o = o;
        this.manifestFile = (0,external_node_path_.join)(o.tempDir, 'autopilot-state', 'manifest.json');
    }
    loadManifest() {
        return (0,state_files/* readJson */.Vh)(this.manifestFile);
    }
    async saveManifest(manifest) {
        await (0,state_files/* writeAtomic */.vZ)(this.manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    }
    /** Uploads result.json, patch.diff and the task's logs as one artifact. */
    async saveResult(result, logDir) {
        const id = result.record.id;
        const root = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'upload', id);
        await (0,promises_.rm)(root, { recursive: true, force: true });
        await (0,local_store/* writeResult */.Zk)(root, result);
        if (logDir && (await (0,state_files/* exists */.t2)(logDir)))
            await (0,promises_.cp)(logDir, (0,external_node_path_.join)(root, id), { recursive: true });
        const files = await listFiles(root);
        await this.o.artifacts.uploadArtifact(artifactName(this.o.scope, this.o.runId, this.o.runAttempt, id), files, root, {
            retentionDays: 30
        });
    }
    /** The run's own reports (summary, failure report) as one artifact beside the task artifacts. */
    async saveRunLogs(files) {
        const root = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'run-logs');
        await (0,promises_.rm)(root, { recursive: true, force: true });
        for (const [name, text] of Object.entries(files))
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(root, name), text);
        // `.logs` cannot be a task id (no dots), so parseArtifactName never takes it for a result.
        const name = `autopilot-${this.o.scope}-${this.o.runId}-${this.o.runAttempt}.logs`;
        await this.o.artifacts.uploadArtifact(name, Object.keys(files).map(f => (0,external_node_path_.join)(root, f)), root, { retentionDays: 30 });
    }
    /** The latest attempt's result of `taskId` in this run, downloaded with its logs. */
    async loadResult(taskId) {
        const found = (await this.artifactsOfRun()).get(taskId);
        if (!found)
            return undefined;
        const dir = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'download', taskId);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        await this.o.artifacts.downloadArtifact(found.id, { path: dir });
        return await (0,local_store/* readResult */.Uv)(dir);
    }
    /** Where loadResult put a task's downloaded logs. */
    downloadedLogDir(taskId) {
        return (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'download', taskId, taskId);
    }
    async lookup(key) {
        const hit = await this.withCacheDir(`result-${key}`, async (dir) => {
            const k = await this.o.cache.restoreCache([CACHE_PATH], this.cacheKey(`result-${key}`));
            return k ? await (0,local_store/* readResult */.Uv)((0,external_node_path_.join)(dir, CACHE_PATH)) : undefined;
        });
        return hit ?? undefined;
    }
    async remember(key, result) {
        await this.withCacheDir(`save-${key}`, async (dir) => {
            await (0,local_store/* writeResult */.Zk)((0,external_node_path_.join)(dir, CACHE_PATH), result);
            const id = await this.o.cache.saveCache([CACHE_PATH], this.cacheKey(`result-${key}`));
            if (id === -1)
                this.o.warn(`autopilot: the result of task ${result.record.id} was not saved to the Actions cache`);
        });
    }
    async loadLedger() {
        const day = new Date().toISOString().slice(0, 10);
        const prefix = this.cacheKey(`ledger-${day}-`);
        const hit = await this.withCacheDir('ledger-load', async (dir) => {
            const k = await this.o.cache.restoreCache([CACHE_PATH], prefix, [prefix]);
            return k ? await (0,state_files/* readJson */.Vh)((0,external_node_path_.join)(dir, CACHE_PATH, 'ledger.json')) : undefined;
        });
        return hit ?? undefined;
    }
    async saveLedger(ledger) {
        // Cache entries are immutable: each save is a new key; restore picks the newest by prefix.
        const key = this.cacheKey(`ledger-${ledger.day}-${this.o.runId}-${this.o.runAttempt}-${Date.now()}`);
        await this.withCacheDir('ledger-save', async (dir) => {
            await (0,state_files/* writeAtomic */.vZ)((0,external_node_path_.join)(dir, CACHE_PATH, 'ledger.json'), JSON.stringify(ledger));
            await this.o.cache.saveCache([CACHE_PATH], key);
        });
    }
    cacheKey(suffix) {
        return `autopilot-${this.o.scope}-${suffix}`;
    }
    artifactsOfRun() {
        this.listed ??= (async () => {
            const { artifacts } = await this.o.artifacts.listArtifacts();
            const out = new Map();
            for (const a of artifacts) {
                const p = parseArtifactName(a.name, this.o.scope, this.o.runId);
                if (!p)
                    continue;
                const prev = out.get(p.taskId);
                if (!prev || p.attempt > prev.attempt)
                    out.set(p.taskId, { id: a.id, attempt: p.attempt });
            }
            return out;
        })();
        return this.listed;
    }
    /**
     * Runs `fn` with the process in a fresh scratch folder that is also
     * GITHUB_WORKSPACE: the cache client globs relative to the working directory
     * but stores (and restores) tar entries relative to GITHUB_WORKSPACE, so
     * both must be the folder for `entry` to come back where it was saved.
     * Any error becomes a warning: the cache is an optimisation.
     */
    withCacheDir(name, fn) {
        return this.cacheTurn(() => this.inCacheDir(name, fn));
    }
    async inCacheDir(name, fn) {
        const dir = (0,external_node_path_.join)(this.o.tempDir, 'autopilot-state', 'cache', name);
        const previous = process.cwd();
        const workspace = process.env.GITHUB_WORKSPACE;
        try {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            await (0,promises_.mkdir)(dir, { recursive: true });
            process.chdir(dir);
            process.env.GITHUB_WORKSPACE = dir;
            return await fn(dir);
        }
        catch (e) {
            this.o.warn(`autopilot: Actions cache unavailable (${e.message}); continuing without it`);
            return undefined;
        }
        finally {
            process.chdir(previous);
            if (workspace === undefined)
                delete process.env.GITHUB_WORKSPACE;
            else
                process.env.GITHUB_WORKSPACE = workspace;
        }
    }
}
async function listFiles(root) {
    const entries = await (0,promises_.readdir)(root, { recursive: true, withFileTypes: true });
    return entries.filter(e => e.isFile()).map(e => (0,external_node_path_.join)(e.parentPath, e.name));
}

;// CONCATENATED MODULE: ./src/action/store.ts
/** The Actions state store, wired to the real artifact and cache clients. */



function openActionsStore(runner, issue) {
    return new ActionsStateStore({
        artifacts: new artifact/* DefaultArtifactClient */.t9(),
        cache: cache,
        runId: runner.context.runId,
        runAttempt: runner.context.runAttempt,
        tempDir: runner.context.tempDir,
        scope: String(issue),
        warn: m => runner.warning(m)
    });
}


/***/ }),

/***/ 58774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ checkedOutBranches),
/* harmony export */   g: () => (/* binding */ originDefaultBranch)
/* harmony export */ });
/** The default branch as origin's HEAD names it, when the clone recorded it. */
async function originDefaultBranch(git) {
    const r = await git.raw(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
    const ref = r.exitCode === 0 ? r.stdout.toString('utf8').trim() : '';
    return ref.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : undefined;
}
/** Branches checked out in the repository and each of its worktrees. */
async function checkedOutBranches(git) {
    const r = await git.raw(['worktree', 'list', '--porcelain', '-z']);
    if (r.exitCode !== 0)
        return [];
    return r.stdout
        .toString('utf8')
        .split('\0')
        .filter((l) => l.startsWith('branch refs/heads/'))
        .map((l) => l.slice('branch refs/heads/'.length));
}


/***/ }),

/***/ 52524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ upsertPullRequest)
/* harmony export */ });
/* unused harmony export TRUNCATED_BODY_NOTE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71679);
// Opens autopilot's pull request, or updates the one already open for the branch: never a duplicate.


/** GitHub's answer when the workflow token may not open pull requests. */
const ACTIONS_MAY_NOT_CREATE = /not permitted to create or approve pull requests/i;
/** GitHub's answer when an open pull request already exists for head and base. */
const ALREADY_EXISTS = /pull request already exists/i;
const TRUNCATED_BODY_NOTE = '> [!NOTE]\n> This description was cut to fit GitHub\'s limit; the full report is in the run\'s artifacts.';
/**
 * Creates or updates the pull request from `head` into `base`: the open one
 * for `owner:head` is found first and its title, body and base updated;
 * otherwise one is created. Then `labels` are added.
 *
 * @throws AutopilotError when GitHub refuses because Actions may not create
 *   pull requests in this repository; the message names the setting and the
 *   `pr-token` alternative.
 */
async function upsertPullRequest(octokit, spec) {
    const { owner, repo, head, base, title } = spec;
    const body = (0,_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .truncateMarkdown */ .o)(spec.body, _limits_js__WEBPACK_IMPORTED_MODULE_1__/* .LIMITS */ .b.pullRequestBodyChars, TRUNCATED_BODY_NOTE);
    let found = await findOpen(octokit, spec);
    let created = false;
    if (!found) {
        try {
            const { data } = await octokit.rest.pulls.create({ owner, repo, head, base, title, body, draft: spec.draft ?? false });
            found = { number: data.number, url: data.html_url };
            created = true;
        }
        catch (error) {
            if (status(error) === 403 && ACTIONS_MAY_NOT_CREATE.test(message(error)))
                throw actionsMayNotCreate(owner, repo, error);
            // Someone (a parallel run) opened it since we looked: update that one instead.
            if (!(status(error) === 422 && ALREADY_EXISTS.test(message(error))))
                throw error;
            found = await findOpen(octokit, spec);
            if (!found)
                throw error;
        }
    }
    if (!created) {
        await octokit.rest.pulls.update({ owner, repo, pull_number: found.number, title, body, base });
    }
    if (spec.labels?.length) {
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: found.number, labels: spec.labels });
    }
    return { number: found.number, url: found.url, created };
}
async function findOpen(octokit, spec) {
    // `head` must be `owner:branch`; a bare branch name would match nothing.
    const { data } = await octokit.rest.pulls.list({
        owner: spec.owner,
        repo: spec.repo,
        state: 'open',
        head: `${spec.owner}:${spec.head}`,
        per_page: 100
    });
    // GitHub allows one open pull request per head and base; prefer ours, else any for the head.
    const pr = data.find((p) => p.base.ref === spec.base) ?? data[0];
    return pr ? { number: pr.number, url: pr.html_url } : undefined;
}
function actionsMayNotCreate(owner, repo, cause) {
    const error = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AutopilotError */ .Wz(`GitHub refused to open the pull request in ${owner}/${repo}: "${message(cause)}"\n` +
        'The workflow token may not create pull requests in this repository. Either allow it in ' +
        'Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests", ' +
        'or give autopilot a token that may (a fine-grained PAT or GitHub App token with "Pull requests: write") through the `pr-token` input.');
    error.cause = cause;
    return error;
}
function status(error) {
    return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 58593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wr: () => (/* binding */ suggestCommand)
/* harmony export */ });
/* unused harmony exports PACKAGE_NAME, DEFAULT_INVOCATION, invocationOf */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * How the user started autopilot, so every command autopilot suggests (the
 * resume line, `clean` hints) is one that works for them: `npx autopilot`
 * in a repository that installed the package, `npx autopilot-action` when it
 * ran from npx's cache without an install, `autopilot` when it is on PATH.
 * Issue 17: the README's `npx autopilot` ran an unrelated registry package.
 */

/** The name the package is published under (a test checks it against package.json). */
const PACKAGE_NAME = 'autopilot-action';
/** The prefix when nothing better is known: works with or without an install. */
const DEFAULT_INVOCATION = `npx ${PACKAGE_NAME}`;
/**
 * The command prefix that reruns autopilot the way `script` (process.argv[1])
 * was started from `cwd`. Pure: the caller passes the process's facts.
 */
function invocationOf(script, cwd) {
    if (!script)
        return DEFAULT_INVOCATION;
    const parts = script.split(sep);
    // npx without an install runs the bin from its own cache (~/.npm/_npx/<hash>/node_modules/.bin).
    if (parts.includes('_npx'))
        return DEFAULT_INVOCATION;
    // Installed in a project (npm i -D): npx finds node_modules/.bin/autopilot.
    if (parts.includes('node_modules'))
        return 'npx autopilot';
    // Installed globally or linked: the bin is on PATH by its own name.
    if (basename(script) === 'autopilot')
        return 'autopilot';
    // A checkout of autopilot itself (`node bin/autopilot.js`, the demo): the same path again.
    if (basename(script) === 'autopilot.js') {
        const rel = relative(cwd, script);
        return `node ${rel.startsWith('..') || isAbsolute(rel) ? script : rel}`;
    }
    return DEFAULT_INVOCATION;
}
/** A full command line to suggest: `<invocation> <args>`. */
function suggestCommand(invocation, args) {
    return `${invocation ?? DEFAULT_INVOCATION} ${args}`.trimEnd();
}


/***/ }),

/***/ 65655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ statusLine),
/* harmony export */   bh: () => (/* binding */ finalTable),
/* harmony export */   cS: () => (/* binding */ renderFailedLog)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28812);
/* harmony import */ var _invocation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58593);
/* harmony import */ var _clip_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62050);



/** One line of status-<ts>.log. */
function statusLine(at, id, status, reason) {
    const why = reason ? ` ${reason.split('\n')[0]}` : '';
    return `${at.toISOString()} ${id} ${status}${why}`;
}
/** The table printed at the end of a run. */
function finalTable(plan, m) {
    const rows = plan.tasks.map(t => {
        const r = m.tasks[t.id];
        return [t.id, r?.status ?? 'pending', String(r?.attempts ?? 0), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(r?.durationMs), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatUsage */ .pK)(r?.usage), (0,_clip_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$)((r?.reason ?? '').split('\n')[0], 80)];
    });
    const head = ['TASK', 'STATUS', 'TRIES', 'TIME', 'USAGE', 'DETAILS'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)));
    const fmt = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    return [fmt(head), ...rows.map(fmt)].join('\n');
}
/** FAILED-<ts>.log: what failed, where, its output tail, and how to resume. */
function renderFailedLog(input) {
    const { manifest } = input;
    const lines = [`autopilot run of issue #${manifest.issue} did not complete`, `plan: ${manifest.planPath}`, `base: ${manifest.baseCommit}`];
    if (manifest.breaker)
        lines.push(`stopped by circuit breaker: ${manifest.breaker}`);
    if (input.problem)
        lines.push(`integration: ${input.problem}`);
    for (const t of input.plan.tasks) {
        const r = manifest.tasks[t.id];
        if (!r || r.status === 'succeeded' || r.status === 'cached')
            continue;
        lines.push('', `task ${t.id}: ${r.status}`);
        if (r.failedStep) {
            const step = r.steps.find(s => s.name === r.failedStep);
            lines.push(`  step: ${r.failedStep}`, `  exit code: ${step?.exitCode ?? 'none'}`);
            if (step?.log)
                lines.push(`  step log: ${step.log}`);
        }
        for (const g of r.gates.filter(g => !g.allowed)) {
            lines.push(`  gate ${g.gate} denied: ${g.reason}${g.optIn ? `\n    to allow: ${g.optIn}` : ''}`);
            for (const f of g.findings ?? [])
                lines.push(`    ${f}`);
        }
        // A denial's reason repeats its gates, listed above.
        if (r.reason && !r.gates.some(g => !g.allowed))
            lines.push('  reason:', ...r.reason.split('\n').map(l => `    ${l}`));
        if (r.log)
            lines.push(`  task log: ${r.log}`);
    }
    lines.push('', 'to resume: fix the cause, then run the same command again:', `  ${(0,_invocation_js__WEBPACK_IMPORTED_MODULE_1__/* .suggestCommand */ .Wr)(input.invocation, `run ${input.planArg}`)}`, 'finished tasks are kept; failed, blocked and cancelled ones run again. Add --fresh to start over.');
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 47782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UZ: () => (/* binding */ integrate)
/* harmony export */ });
/* unused harmony exports conflictPaths, patchPaths */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87572);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10308);
/* harmony import */ var _git_changes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74321);
/* harmony import */ var _gates_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98472);
/**
 * Integration: the landable patches applied in topological order onto a new
 * branch from the base, one commit per task, then the run-level gates on the
 * whole change. Nothing is written to the branch unless every patch applied.
 */






async function integrate(input) {
    const { workspace, plan } = input;
    const git = await workspace.addWorktree('integrate', input.baseCommit);
    const tmp = await workspace.freshTmp('integrate');
    const commits = {};
    const touched = new Map();
    // Nothing is delivered: no commits, the base as head.
    const refused = (problem) => ({ commits: {}, head: input.baseCommit, gates: [], problem });
    try {
        for (const id of input.order) {
            const result = input.results.get(id);
            if (!result || !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(result.record.status))
                continue;
            const task = plan.tasks.find(t => t.id === id);
            if (result.patch.length > 0) {
                const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(tmp, `${id}.patch`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, result.patch);
                try {
                    await git.apply(file);
                }
                catch (e) {
                    if (!(e instanceof _git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .GitError */ .XS))
                        throw e;
                    const paths = conflictPaths(e.stderr);
                    const others = [...touched].filter(([, ps]) => ps.some(p => paths.includes(p))).map(([t]) => t);
                    return refused(`conflict: the patch of task "${id}" does not apply on top of ` +
                        (others.length ? `task(s) ${others.map(o => `"${o}"`).join(', ')}` : 'the tasks before it') +
                        ` (${paths.join(', ') || e.stderr.trim()}). Give the tasks disjoint paths or make one need the other.`);
                }
                touched.set(id, patchPaths(result.patch));
                // The task's gates again, on exactly what lands: a result reused from a cache (which a
                // compromised job could have written) is held to the same rules as a fresh one.
                const changes = await (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_4__/* .collectChanges */ .K9)(git.runner(), 'HEAD', (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_4__/* .changeLimits */ .xW)(plan));
                const denied = (await (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_5__/* .evaluateTaskGates */ .li)({ task, plan, changes, secrets: input.secrets }))
                    .filter(d => !d.allowed)
                    .map(d => (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_5__/* .maskDecision */ .z6)(d, input.mask));
                if (denied.length) {
                    return refused(`the patch of task "${id}" is denied as it lands: ${denied.map(d => `${d.gate}: ${d.reason}`).join('; ')}`);
                }
            }
            const message = `${task.name ?? id} (autopilot #${plan.issue}: ${id})\n\n` +
                `Plan: ${input.planPath}\nTask: ${id}\nPatch: sha256:${result.record.patchDigest}\n`;
            commits[id] = await git.commit(message, input.date);
        }
        const head = Object.keys(commits).length ? await git.text(['rev-parse', 'HEAD']) : input.baseCommit;
        const changes = await (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_4__/* .collectChanges */ .K9)(git.runner(), input.baseCommit, (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_4__/* .changeLimits */ .xW)(plan, 'run'));
        const decisions = (await (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_5__/* .evaluateRunGates */ .vZ)({ plan, changes, secrets: input.secrets })).map(d => (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_5__/* .maskDecision */ .z6)(d, input.mask));
        const gates = decisions.map(d => ({ gate: d.gate, allowed: d.allowed, reason: d.reason, optIn: d.optIn, findings: d.findings }));
        const denied = decisions.filter(d => !d.allowed);
        return {
            commits,
            head,
            gates,
            problem: denied.length
                ? `run-level gate denied the integrated branch: ${denied.map(d => `${d.gate}: ${d.reason}${d.optIn ? ` (to allow: ${d.optIn})` : ''}`).join('; ')}`
                : undefined
        };
    }
    finally {
        await workspace.removeWorktree('integrate').catch(() => { });
    }
}
/** Paths git names in "error: patch failed: <path>:<line>" / "error: <path>: ..." lines. */
function conflictPaths(stderr) {
    const out = new Set();
    for (const m of stderr.matchAll(/^error: (?:patch failed: )?(.+?)(?::\d+)?(?:: .*)?$/gm))
        out.add(m[1]);
    return [...out];
}
/** Paths a patch touches, from its `diff --git a/x b/y` headers. */
function patchPaths(patch) {
    const out = [];
    for (const m of patch.toString('utf8').matchAll(/^diff --git a\/(.+?) b\/(.+)$/gm))
        out.push(m[1], m[2]);
    return [...new Set(out)];
}


/***/ })

};

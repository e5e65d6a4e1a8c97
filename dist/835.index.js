export const id = 835;
export const ids = [835];
export const modules = {

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
// EXTERNAL MODULE: ./src/action/setup-job.ts + 1 modules
var setup_job = __webpack_require__(7440);
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
    const { loaded, repoRoot, userGit, planFile, executor, sandboxOffBy } = opened;
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
    // Setup runs once here and its layer goes to the Actions cache: the task jobs restore it instead of installing.
    if (!settings.dryRun)
        await (0,setup_job/* planJobSetup */.E)({ plan, planFile, repoRoot, baseCommit: base, executor, sandboxOffBy, runner });
    runner.info(`plan ${loaded.file}: ${plan.tasks.length} tasks in ${lv.length} levels, base ${base}`);
    runner.setOutput('status', settings.dryRun ? 'dry-run' : 'succeeded');
}


/***/ }),

/***/ 7440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ planJobSetup),
  c: () => (/* binding */ preparePlanFiles)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 91 modules
var cache = __webpack_require__(18091);
// EXTERNAL MODULE: ./src/plan/plan-files.ts
var plan_files = __webpack_require__(63602);
// EXTERNAL MODULE: ./src/run/plan-dir.ts
var plan_dir = __webpack_require__(23804);
// EXTERNAL MODULE: ./src/run/setup.ts
var run_setup = __webpack_require__(41688);
// EXTERNAL MODULE: ./src/run/workspace.ts + 1 modules
var run_workspace = __webpack_require__(80701);
// EXTERNAL MODULE: ./src/run/sandbox-gate.ts
var sandbox_gate = __webpack_require__(62588);
// EXTERNAL MODULE: ./src/run/enable-namespaces.ts
var enable_namespaces = __webpack_require__(81151);
// EXTERNAL MODULE: ./src/run/secrets.ts
var secrets = __webpack_require__(53448);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/state/actions-store.ts + 1 modules
var actions_store = __webpack_require__(53124);
;// CONCATENATED MODULE: ./src/state/actions-layer-cache.ts
/**
 * The setup layer (src/run/setup-layer.ts) in the Actions cache: the plan job
 * runs setup once and saves the layer; every task job restores it instead of
 * installing. One entry per setup key, saved and restored as the same
 * relative path (`<key>`) from the layers folder, so the cache version (a hash
 * of the path list) is the same in every job.
 */



/** Cache key of a layer: shared by every plan whose setup and key files are the same. */
const layerCacheKey = (key) => `autopilot-setup-${key}`;
function actionsLayerCache(o) {
    return {
        async restore(key, root) {
            const hit = await (0,actions_store/* inCacheDir */.$M)(root, false, async () => {
                // A half-restored folder from an earlier try would look like the layer's content.
                await (0,promises_.rm)((0,external_node_path_.join)(root, key), { recursive: true, force: true });
                return (await o.cache.restoreCache([key], layerCacheKey(key))) !== undefined;
            }, o.warn);
            o.onRestore?.(hit === true);
            return hit === true;
        },
        async save(key, root) {
            const id = await (0,actions_store/* inCacheDir */.$M)(root, false, () => o.cache.saveCache([key], layerCacheKey(key)), o.warn);
            if ((id === undefined || id === -1) && o.warnOnFailedSave) {
                o.warn(`autopilot: the setup layer ${key.slice(0, 12)} was not saved to the Actions cache; each task job will run setup itself`);
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/action/setup-job.ts
/**
 * The plan folder and the plan's `setup` on Actions (issue 13). The plan job
 * runs setup once and saves its layer to the Actions cache, so the legs of a
 * level do not install in parallel; every task job takes the plan folder's
 * copy and restores the layer from the cache (keyed like the local layer), and
 * on a miss runs setup itself, with a warning.
 */










/** Where a job keeps setup layers: the same relative layout in every job, so the cache entry restores there. */
const layersRoot = (runner) => (0,external_node_path_.join)(runner.context.tempDir, 'autopilot-setup');
/**
 * The plan folder's copy (shared read-only with every step of `workspace`) and the setup layer:
 * restored from the cache in a task job (`role: 'task'`), or built and saved by the plan job.
 */
async function preparePlanFiles(input) {
    const { runner, workspace } = input;
    const folder = (0,plan_files/* planFolderOf */.Zv)(input.planFile, input.repoRoot);
    const planDir = await (0,plan_dir/* snapshotPlanDir */.hQ)(input.repoRoot, folder, (0,external_node_path_.join)(workspace.root, 'plan-dir'), (0,external_node_path_.relative)((0,external_node_path_.join)(input.repoRoot, folder), input.planFile));
    workspace.shared.push({ source: planDir.dir, dest: planDir.dir });
    const plan = (0,plan_dir/* withPlanDir */.jT)(input.plan, planDir);
    let restored;
    const reporter = { event: e => e.type === 'note' && runner.info(e.message) };
    const setup = await (0,run_setup/* prepareSetup */.X)({
        plan,
        baseCommit: input.baseCommit,
        workspace,
        executor: input.executor,
        callerEnv: runner.env,
        mask: (0,secrets/* planMasker */.Z_)(plan, runner.env),
        reporter: {
            event: e => {
                // A task job that finds no layer installs on its own: worth a warning (the plan job should have saved it).
                if (input.role === 'task' && restored === false && e.type === 'note' && e.message.startsWith('setup: step 1 ')) {
                    runner.warning('autopilot: the setup layer is not in the Actions cache (the plan job did not save it); this job runs setup itself');
                }
                reporter.event(e);
            }
        },
        layersRoot: layersRoot(runner),
        logDir: (0,external_node_path_.join)(runner.context.tempDir, 'autopilot-logs', '_setup'),
        cache: actionsLayerCache({
            cache: cache,
            warn: m => runner.warning(m),
            onRestore: hit => (restored = hit),
            warnOnFailedSave: input.role === 'plan'
        }),
        signal: input.signal
    });
    return { plan, planDir, setup };
}
/**
 * The plan job's part: run the setup once (in the sandbox, as tasks will) and save its layer, so the
 * task jobs restore it instead of installing. Nothing to do for a plan without setup.
 */
async function planJobSetup(input) {
    const { plan, runner, executor } = input;
    if (plan.setup.length === 0)
        return;
    const sandbox = await (0,sandbox_gate/* decideSandbox */.MF)({ executor, plan, offBy: input.sandboxOffBy, enable: (0,enable_namespaces/* hostEnabler */.wE)(executor) });
    if (sandbox.note)
        (sandbox.sandboxed ? runner.info : runner.warning).call(runner, sandbox.note);
    const workspace = await (0,run_workspace/* openWorkspace */.O)(executor, input.repoRoot, (0,run_workspace/* defaultWorkRoot */.p)(input.repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,external_node_path_.join)(runner.context.tempDir, 'autopilot-work') }));
    await runner.group('setup', () => preparePlanFiles({ ...input, role: 'plan', plan: sandbox.sandboxed ? plan : { ...plan, sandbox: 'off' }, workspace }));
}


/***/ }),

/***/ 64281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ startManifest)
/* harmony export */ });
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47684);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87572);
/** A run's first manifest, carrying over what a resumed run already finished. */


function startManifest(input) {
    const { plan, previous, baseCommit } = input;
    const now = new Date().toISOString();
    const resume = previous && previous.baseCommit === baseCommit ? previous : undefined;
    const tasks = {};
    for (const t of plan.tasks) {
        const prev = resume?.tasks[t.id];
        tasks[t.id] = prev && _manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .LANDABLE */ .M.has(prev.status) ? prev : { id: t.id, status: 'pending', attempts: 0, steps: [], gates: [] };
    }
    return {
        version: 1,
        issue: plan.issue,
        planPath: input.planPath,
        planHash: input.planHash,
        baseCommit,
        branch: (0,_plan_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .branchName */ .at)(plan),
        // Kept across resumes: commit dates come from it, so a resumed run builds the same commits.
        startedAt: resume?.startedAt ?? now,
        updatedAt: now,
        tasks
    };
}


/***/ })

};

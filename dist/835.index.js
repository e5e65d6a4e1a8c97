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
            out.push(levels[k] ? [...levels[k]] : []);
        else
            out.push([levels.slice(k).flat().join(' ')]);
    }
    return out;
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


/***/ })

};

export const id = 512;
export const ids = [512];
export const modules = {

/***/ 76607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ originHome),
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
    const repository = runner.context.repository;
    const octokit = repository && settings.token ? client(runner, settings.token) : undefined;
    let pullRequest;
    let problem = integration.problem;
    let landed = Object.keys(integration.commits).length > 0 && !problem;
    if (landed && !settings.dryRun) {
        const refusal = (0,_gates_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .branchProblem */ .MT)({
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
        if (refusal) {
            problem = `autopilot will not push: ${refusal}`;
            landed = false;
        }
        else {
            problem = await pushBranch(input, integration.head);
            landed = !problem;
            if (landed)
                await input.recordDelivered?.(integration.head);
        }
    }
    const render = (pullRequest) => {
        const text = input.mask((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSummary */ .Br)({ plan, manifest, logLink: input.logLink, logsLocation: input.logsLocation, pullRequest }));
        return problem ? `${text}\n**Not delivered:** ${input.mask(problem).replace(/\n/g, '\n> ')}\n` : text;
    };
    const summary = render(false);
    if (landed && !settings.dryRun && repository && settings.prToken) {
        const base = plan.base ?? runner.context.refName ?? (await defaultBranch(client(runner, settings.prToken), repository));
        const pr = await (0,_github_pull_request_js__WEBPACK_IMPORTED_MODULE_3__/* .upsertPullRequest */ ._)(client(runner, settings.prToken), {
            ...repository,
            head: manifest.branch,
            base,
            title: plan.pr.title ?? `autopilot #${plan.issue}: ${plan.title}`,
            body: (0,_github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .truncateMarkdown */ .o)(render(true), _github_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .LIMITS */ .b.pullRequestBodyChars, '\n\n_(truncated: see the job summary)_'),
            draft: plan.pr.draft || outcome !== 'succeeded',
            labels: plan.pr.labels
        });
        pullRequest = { number: pr.number, url: pr.url };
        runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`);
    }
    if (octokit && repository && !settings.dryRun) {
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
    if (problem && problem !== integration.problem)
        runner.error(input.mask(problem), { title: 'autopilot: branch not delivered' });
    const status = problem ? 'failed' : outcome;
    runner.setOutput('status', status);
    runner.setOutput('branch', landed ? manifest.branch : '');
    runner.setOutput('pull-request-number', pullRequest ? String(pullRequest.number) : '');
    runner.setOutput('pull-request-url', pullRequest?.url ?? '');
    runner.setOutput('usage', JSON.stringify((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .usageTotal */ .Mq)(manifest) ?? { calls: 0, inputTokens: 0, outputTokens: 0 }));
    return { status, pullRequest, problem };
}
/** Where the branch lives on Actions: the checkout's `origin`, reached with `token` (the `pr-token` input). */
async function originHome(checkout, token, runner) {
    const remote = await checkout.remoteUrl();
    if (!/^https?:\/\//.test(remote) || !token)
        return { remote };
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    runner.setSecret(basic);
    return { remote, configArgs: ['-c', `http.extraheader=AUTHORIZATION: basic ${basic}`] };
}
/**
 * Pushes the integrated commits to `origin` with a lease on the branch as the
 * guard saw it: if anyone pushed since, git refuses and nothing is
 * overwritten. Returns the refusal, or undefined when pushed.
 */
async function pushBranch(input, head) {
    const { manifest, settings } = input;
    const home = await originHome(input.checkout, settings.prToken, input.runner);
    const r = await input.repo.pushRef(home.remote, head, `refs/heads/${manifest.branch}`, { lease: input.lease ?? '', configArgs: home.configArgs });
    if (r.exitCode === 0)
        return undefined;
    const why = input.mask(r.stderr.trim());
    if (/\[rejected\]|stale info/.test(why)) {
        return (`branch ${manifest.branch} changed on origin while autopilot ran (expected ${input.lease ? input.lease.slice(0, 12) : 'no branch'}); ` +
            `autopilot did not overwrite it. Run the workflow again: the branch guard will list any commits autopilot did not make (${why})`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AutopilotError */ .Wz(`could not push ${manifest.branch}: ${why}. The job needs \`permissions: contents: write\`, or a \`pr-token\` that may push.`, _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.taskFailed);
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
/* harmony export */   dryRunReport: () => (/* binding */ dryRunReport),
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
/* harmony import */ var _run_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(18337);
/* harmony import */ var _run_secrets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(53448);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(83916);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85880);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(85743);
/* harmony import */ var _deliver_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(76607);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2634);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(70370);
/**
 * `command: finalize` (runs even when tasks failed): collects every task's
 * result from this run's artifacts, integrates exactly as the local engine
 * does, runs the run-level gates, then delivers (push, PR, comment, summary).
 */















async function finalizeJob(settings, runner) {
    const { loaded, repoRoot, userGit, executor, planFile } = await (0,_open_js__WEBPACK_IMPORTED_MODULE_10__/* .openActionPlan */ .U)(settings, runner);
    const plan = loaded.plan;
    if (settings.dryRun)
        return await dryRunReport(plan, runner);
    const graph = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .buildGraph */ .ZG)(plan.tasks);
    const order = (0,_graph_graph_js__WEBPACK_IMPORTED_MODULE_1__/* .topoOrder */ .LI)(graph);
    const baseCommit = await userGit.commitOf('HEAD');
    const store = (0,_store_js__WEBPACK_IMPORTED_MODULE_11__/* .openActionsStore */ .D)(runner, plan.issue);
    const manifest = (0,_state_new_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .startManifest */ .s)({ plan, planHash: loaded.hash, planPath: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(repoRoot, planFile), baseCommit });
    const results = new Map();
    await runner.group('collect task results', async () => {
        // Downloads side by side (a 300-task level spent minutes on them one at a time), read in order.
        const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_14__/* ["default"] */ .A)(8);
        const downloaded = await Promise.all(order.map(id => limit(() => store.loadResult(id))));
        for (const [i, id] of order.entries()) {
            const r = downloaded[i];
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
    // Every leg's agent usage (their artifacts) into one cache book, so later runs today count all of it.
    await store.consolidateLedger();
    const workspace = await (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .openWorkspace */ .O)(executor, repoRoot, (0,_run_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultWorkRoot */ .p)(repoRoot, plan.issue, { AUTOPILOT_WORK_DIR: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(runner.context.tempDir, 'autopilot-work') }));
    // The base commit's own date: re-running finalize rebuilds identical commits, so the push is a no-op.
    const date = await userGit.commitDate(baseCommit);
    const mask = (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .planMasker */ .Z_)(plan, runner.env);
    const integration = await (0,_run_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .integrateGuarded */ .Wg)({
        plan,
        planPath: manifest.planPath,
        order,
        results,
        baseCommit,
        date,
        workspace,
        identity: (0,_identity_js__WEBPACK_IMPORTED_MODULE_13__/* .actionIdentity */ .L)(settings, plan, runner.env),
        home: await (0,_deliver_js__WEBPACK_IMPORTED_MODULE_12__/* .originHome */ .W)(userGit, settings.prToken, runner),
        branch: manifest.branch,
        recorded: await store.loadDelivered(),
        choice: settings,
        how: _run_branch_guard_js__WEBPACK_IMPORTED_MODULE_7__/* .ACTION_HINTS */ .gw,
        secrets: (0,_run_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .namedSecrets */ .pr)(plan, runner.env),
        mask
    });
    manifest.commits = integration.commits;
    manifest.diffstats = integration.diffstats;
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
        logsLocation: runUrl ? `[task artifacts of this run](${runUrl}#artifacts)` : undefined,
        lease: integration.tip,
        recordDelivered: head => store.saveDelivered({ branch: manifest.branch, head, at: new Date().toISOString() })
    });
    const notLanded = plan.tasks.filter(t => !_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(manifest.tasks[t.id].status)).map(t => t.id);
    const problem = delivered.problem;
    const failed = notLanded.length > 0 || problem !== undefined;
    await store
        .saveRunLogs({
        'summary.md': mask((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .renderSummary */ .Br)({ plan, manifest })),
        ...(failed ? { 'FAILED.log': mask((0,_report_text_js__WEBPACK_IMPORTED_MODULE_4__/* .renderFailedLog */ .cS)({ plan, manifest, planArg: String(plan.issue), problem })) } : {})
    })
        .catch(e => runner.warning(`autopilot: could not upload the run logs: ${e.message}`));
    if (failed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .TaskFailedError */ .zX(problem ?? `autopilot #${plan.issue}: ${notLanded.length} task(s) did not land (${notLanded.join(', ')}); status ${delivered.status}`, notLanded[0] ?? '');
    }
}
/** `dry-run: true`: the job summary says what would run; no comment, pull request or push. */
async function dryRunReport(plan, runner) {
    const { renderDryRun } = await __webpack_require__.e(/* import() */ 132).then(__webpack_require__.bind(__webpack_require__, 87132));
    const text = renderDryRun(plan);
    runner.info(text);
    await runner.summary(`## autopilot #${plan.issue}: dry run\n\nNothing ran; no branch, pull request or comment was written.\n\n\`\`\`text\n${text}\n\`\`\`\n`);
    runner.setOutput('status', 'dry-run');
}


/***/ }),

/***/ 2634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ actionIdentity)
/* harmony export */ });
/* unused harmony export ACTIONS_BOT */
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10308);

/** The identity GitHub shows for commits made by the Actions bot. */
const ACTIONS_BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
function actionIdentity(settings, plan, env) {
    const author = (0,_git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIdentity */ .aZ)(settings.commitAuthor) ?? (0,_git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .parseIdentity */ .aZ)(plan.pr.author) ?? ACTIONS_BOT;
    const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR;
    const trailers = [];
    // A login is [A-Za-z0-9-] (bots end in [bot]); anything else is not put into a commit message.
    if (plan.pr['co-author'] && actor && /^[A-Za-z0-9-]+(\[bot\])?$/.test(actor) && actor !== 'github-actions[bot]') {
        const id = /^\d+$/.test(env.GITHUB_ACTOR_ID ?? '') && actor === env.GITHUB_ACTOR ? `${env.GITHUB_ACTOR_ID}+` : '';
        trailers.push(`Co-authored-by: ${actor} <${id}${actor}@users.noreply.github.com>`);
    }
    return { author, trailers };
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
    lines.push('', 'to resume: fix the cause, then run the same command again:', `  ${(0,_invocation_js__WEBPACK_IMPORTED_MODULE_1__/* .suggestCommand */ .Wr)(input.invocation, `run ${input.planArg}`)}`, 'finished tasks are kept; failed, blocked and cancelled ones run again. If the fix is a commit (the base moved),', 'add --rebase: the run moves onto the new HEAD, keeping finished tasks whose changes still apply. Add --fresh to start over.');
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 18337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ cliHints),
/* harmony export */   Wg: () => (/* binding */ integrateGuarded),
/* harmony export */   gw: () => (/* binding */ ACTION_HINTS)
/* harmony export */ });
/* unused harmony exports planBranch, refusal */
/* harmony import */ var _integrate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47782);

/**
 * Decides how to build `branch`. `repo` must already hold `tip`'s history (the
 * caller fetched it). `recorded` is the head autopilot last delivered, if it
 * was recorded; without it, commits lacking this issue's `Autopilot-Issue`
 * trailer count as someone else's.
 */
async function planBranch(repo, input) {
    const { tip, base, choice } = input;
    const none = { parent: base, tip, onBranch: new Map(), foreign: [] };
    if (!tip)
        return none;
    const recorded = input.recorded && (await repo.hasCommit(input.recorded)) ? input.recorded : undefined;
    const ours = (c) => c.issue.split(',').includes(String(input.issue));
    const all = await repo.commitsBeyond(tip, [base]);
    // New since the recorded delivery: every commit (even one carrying autopilot's trailers, e.g. an amended one);
    // without a record, every commit lacking this issue's trailer.
    const foreign = recorded ? await repo.commitsBeyond(tip, [recorded]) : all.filter(c => !ours(c));
    // Someone else's commits autopilot already stacked on in an earlier delivery (`onto-branch`): keep stacking.
    const accepted = recorded ? (await repo.commitsBeyond(recorded, [base])).filter(c => !ours(c)) : [];
    if (choice.force)
        return { ...none, foreign };
    if (foreign.length && !choice.ontoBranch)
        return { ...none, foreign, problem: refusal(input.branch, foreign, recorded, input.how) };
    if (foreign.length === 0 && accepted.length === 0)
        return none;
    const onBranch = new Map();
    // Oldest first, so a task landed twice maps to its newest commit.
    for (const c of [...all].reverse()) {
        if (ours(c) && c.task)
            onBranch.set(c.task, { sha: c.sha, patch: c.patch });
    }
    return { parent: tip, tip, onBranch, foreign };
}
/** The command-line words for the two ways forward. */
function cliHints(planArg) {
    const cmd = (flag) => `\`${['autopilot run', planArg, flag].filter(Boolean).join(' ')}\``;
    return { ontoBranch: cmd('--onto-branch'), force: cmd('--force') };
}
const ACTION_HINTS = { ontoBranch: 'the action input `onto-branch: true`', force: 'the action input `force: true`' };
/** The refusal: the commits that would be lost and the two ways forward. */
function refusal(branch, foreign, recorded, how) {
    const since = recorded ? ` after the head autopilot last delivered (${recorded.slice(0, 12)})` : '';
    const list = foreign.slice(0, 20).map(c => `  - ${c.sha.slice(0, 12)} ${c.subject} (${c.author})`);
    if (foreign.length > 20)
        list.push(`  - ... and ${foreign.length - 20} more`);
    return (`branch ${branch} holds ${foreign.length} commit(s) autopilot did not make${since}:\n${list.join('\n')}\n` +
        'autopilot did not move the branch, so they are not lost. To go on, either\n' +
        `  - keep them and add the new task commits on top: ${how.ontoBranch}, or\n` +
        `  - replace the branch, dropping them: ${how.force}.`);
}
/**
 * Integration behind the branch guard: inspects the branch where it lives,
 * then either refuses (nothing is built) or integrates onto the right parent.
 * `tip` in the result is the branch as inspected: the lease for the push.
 * `streamed` is an integration onto the base fed while the tasks ran (the
 * local run): used as is when the branch plan builds on the base, as it does
 * unless the user stacks on someone else's commits.
 */
async function integrateGuarded(input) {
    const repo = input.workspace.repo;
    const tip = await repo.fetchRemoteBranch(input.home.remote, input.branch, input.home.configArgs);
    const recorded = input.recorded?.branch === input.branch ? input.recorded.head : undefined;
    const bp = await planBranch(repo, { branch: input.branch, issue: input.plan.issue, base: input.baseCommit, tip, recorded, choice: input.choice, how: input.how });
    if (bp.problem)
        return { commits: {}, head: input.baseCommit, gates: [], problem: bp.problem, tip };
    if (input.streamed && bp.parent === input.baseCommit && bp.onBranch.size === 0)
        return { ...(await input.streamed.finish()), tip };
    return { ...(await (0,_integrate_js__WEBPACK_IMPORTED_MODULE_0__/* .integrate */ .UZ)({ ...input, parent: bp.parent, onBranch: bp.onBranch })), tip };
}


/***/ }),

/***/ 47782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UZ: () => (/* binding */ integrate),
/* harmony export */   f8: () => (/* binding */ startIntegration)
/* harmony export */ });
/* unused harmony exports commitMessage, conflictPaths, patchPaths */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _state_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87572);
/* harmony import */ var _state_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87469);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10308);
/* harmony import */ var _git_changes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74321);
/* harmony import */ var _gates_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(35611);
/**
 * Integration: the landable patches applied in topological order onto a new
 * branch from the base, one commit per task, then the run-level gates on the
 * whole change. Nothing is written to the branch unless every patch applied.
 *
 * No worktree: each patch is applied to a private index (`apply --cached`),
 * its tree committed with `commit-tree`. Tasks land as they finish (`offer`),
 * in topological order, while later ones still run; a resumed run reuses the
 * commits it built before instead of rebuilding them.
 */







function startIntegration(input) {
    const { plan, workspace } = input;
    const repo = workspace.repo;
    const index = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace.root, 'tmp', 'integrate.index');
    const git = repo.withIndex(index);
    const commits = {};
    const checked = [];
    const diffstats = {};
    const touched = new Map();
    const final = new Map();
    const parent = input.parent ?? input.baseCommit;
    let head = parent;
    let indexAt;
    let next = 0;
    let problem;
    let chain = Promise.resolve();
    // An error of git itself (not a conflict): kept until `finish`, which throws it.
    let broken;
    const land = async (id, result) => {
        const task = plan.tasks.find(t => t.id === id);
        const already = input.onBranch?.get(id);
        // Already on the branch `parent` is the tip of: kept where it is (the branch's later commits stay above it).
        if (already && already.patch === `sha256:${result.record.patchDigest}`) {
            commits[id] = already.sha;
            return;
        }
        // A task that changed nothing (checks only) lands no commit: the report lists it as checked.
        if (result.patch.length === 0) {
            checked.push(id);
            return;
        }
        const message = commitMessage({ plan, planPath: input.planPath, id, name: task.name, patchDigest: result.record.patchDigest, extra: input.identity?.trailers });
        const before = input.previous?.[id];
        // The patch must still be the one its record names: a swapped patch is applied and gated again.
        if (before && (0,_state_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256 */ .sc)(result.patch) === result.record.patchDigest && (await repo.commitMatches(before, head, message))) {
            // Built by an earlier run of this plan on the same parent with the same patch: its gates passed then.
            diffstats[id] = input.previousDiffstats?.[id] ?? (await repo.diffstat(head, before));
            commits[id] = head = before;
            return;
        }
        {
            if (indexAt !== head)
                await git.readTree(head);
            indexAt = undefined;
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspace.root, 'tmp', `integrate-${id}.patch`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, result.patch);
            try {
                await git.applyToIndex(file);
            }
            catch (e) {
                if (!(e instanceof _git_git_js__WEBPACK_IMPORTED_MODULE_4__/* .GitError */ .XS))
                    throw e;
                const paths = conflictPaths(e.stderr);
                const others = [...touched].filter(([, ps]) => ps.some(p => paths.includes(p))).map(([t]) => t);
                problem =
                    `conflict: the patch of task "${id}" does not apply on top of ` +
                        (others.length ? `task(s) ${others.map(o => `"${o}"`).join(', ')}` : parent === input.baseCommit ? 'the tasks before it' : 'the branch') +
                        ` (${paths.join(', ') || e.stderr.trim()}). Give the tasks disjoint paths or make one need the other.`;
                return;
            }
            finally {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(file, { force: true });
            }
            touched.set(id, patchPaths(result.patch));
            // The task's gates again, on exactly what lands: a result reused from a cache (which a
            // compromised job could have written) is held to the same rules as a fresh one.
            const changes = await (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_5__/* .collectChanges */ .K9)(git.runner(), head, (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_5__/* .changeLimits */ .xW)(plan));
            const no = (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .denied */ .wk)(await (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .evaluateTaskGates */ .li)({ task, plan, changes, secrets: input.secrets })).map(d => (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .maskDecision */ .z6)(d, input.mask));
            if (no.length) {
                problem = `the patch of task "${id}" is denied as it lands: ${(0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .denialText */ .p_)(no)}`;
                return;
            }
        }
        const commit = await git.commitTree(await git.writeTree(), [head], message, input.date, input.identity?.author);
        diffstats[id] = await repo.diffstat(head, commit);
        commits[id] = head = commit;
        indexAt = head;
    };
    // Lands every task whose turn has come: all tasks before it in topological order are final.
    const advance = async () => {
        while (!problem && next < input.order.length) {
            const id = input.order[next];
            const f = final.get(id);
            if (!f)
                return;
            next++;
            if (_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .LANDABLE */ .M.has(f.status) && f.result)
                await land(id, f.result);
        }
    };
    return {
        offer(id, status, result) {
            if (!_state_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .FINAL */ .X.has(status))
                return chain;
            final.set(id, { status, result });
            chain = chain.then(advance).catch(e => void (broken ??= e));
            return chain;
        },
        async finish() {
            // Tasks that never reached a final status (an interrupted run) are passed over.
            for (const id of input.order)
                if (!final.has(id))
                    final.set(id, { status: 'cancelled' });
            chain = chain.then(advance);
            await chain;
            if (broken)
                throw broken;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(index, { force: true });
            // Nothing is delivered: no commits, the parent as head.
            if (problem)
                return { commits: {}, head: parent, gates: [], problem };
            const changes = await runChange(repo.withIndex(index), parent, head, (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_5__/* .changeLimits */ .xW)(plan, 'run'));
            const gates = (await (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .evaluateRunGates */ .vZ)({ plan, changes, secrets: input.secrets })).map(d => (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .maskDecision */ .z6)(d, input.mask));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(index, { force: true });
            const no = (0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .denied */ .wk)(gates);
            return {
                commits,
                checked,
                diffstats,
                head,
                gates,
                problem: no.length ? `run-level gate denied the integrated branch: ${(0,_gates_index_js__WEBPACK_IMPORTED_MODULE_6__/* .denialText */ .p_)(no)}` : undefined
            };
        }
    };
}
/** The whole change from `base` to `head`, read through a private index holding `head`. */
async function runChange(git, base, head, limits) {
    await git.readTree(head);
    return await (0,_git_changes_js__WEBPACK_IMPORTED_MODULE_5__/* .collectChanges */ .K9)(git.runner(), base, limits);
}
/** Integrates every result at once (the Action's finalize job, where all tasks have finished). */
async function integrate(input) {
    const integration = startIntegration(input);
    for (const id of input.order) {
        const r = input.results.get(id);
        if (r)
            await integration.offer(id, r.record.status, r);
    }
    return await integration.finish();
}
/**
 * A task's commit message: its name as the subject, then the trailers a
 * reviewer (and the branch guard) reads: `Autopilot-Issue`, `Autopilot-Task`,
 * `Autopilot-Patch` (the digest a re-run compares), and any extra ones.
 */
function commitMessage(c) {
    const trailers = [`Autopilot-Issue: ${c.plan.issue}`, `Autopilot-Task: ${c.id}`, `Autopilot-Patch: sha256:${c.patchDigest ?? ''}`, ...(c.extra ?? [])];
    return `${c.name ?? c.id} (autopilot #${c.plan.issue}: ${c.id})\n\nPlan: ${c.planPath}\n\n${trailers.join('\n')}\n`;
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

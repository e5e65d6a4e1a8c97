export const id = 450;
export const ids = [450];
export const modules = {

/***/ 67450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ deliver)
});

// EXTERNAL MODULE: ./src/state/manifest.ts
var state_manifest = __webpack_require__(87572);
// EXTERNAL MODULE: ./src/report/markdown.ts + 1 modules
var markdown = __webpack_require__(28812);
// EXTERNAL MODULE: ./src/github/client.ts + 1 modules
var client = __webpack_require__(43154);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/limits.ts
var limits = __webpack_require__(71679);
;// CONCATENATED MODULE: ./src/github/pull-request.ts
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
    const body = (0,limits/* truncateMarkdown */.o)(spec.body, limits/* LIMITS */.b.pullRequestBodyChars, TRUNCATED_BODY_NOTE);
    let found = await findOpen(octokit, spec);
    let created = false;
    if (!found) {
        try {
            const { data } = await octokit.rest.pulls.create({ owner, repo, head, base, title, body, draft: spec.draft ?? false });
            found = { number: data.number, url: data.html_url };
            created = true;
        }
        catch (error) {
            if (pull_request_status(error) === 403 && ACTIONS_MAY_NOT_CREATE.test(message(error)))
                throw actionsMayNotCreate(owner, repo, error);
            // Someone (a parallel run) opened it since we looked: update that one instead.
            if (!(pull_request_status(error) === 422 && ALREADY_EXISTS.test(message(error))))
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
    const error = new errors/* AutopilotError */.Wz(`GitHub refused to open the pull request in ${owner}/${repo}: "${message(cause)}"\n` +
        'The workflow token may not create pull requests in this repository. Either allow it in ' +
        'Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests", ' +
        'or give autopilot a token that may (a fine-grained PAT or GitHub App token with "Pull requests: write") through the `pr-token` input.');
    error.cause = cause;
    return error;
}
function pull_request_status(error) {
    return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/github/issue-comment.ts
var issue_comment = __webpack_require__(63640);
;// CONCATENATED MODULE: ./src/action/deliver.ts







async function deliver(input) {
    const { runner, settings, plan, manifest, integration } = input;
    const outcome = (0,markdown/* runOutcome */.CL)(manifest);
    let summary = input.mask((0,markdown/* renderSummary */.Br)({ plan, manifest, logLink: input.logLink, logsLocation: input.logsLocation }));
    if (integration.problem)
        summary += `\n**Not delivered:** ${input.mask(integration.problem)}\n`;
    const landed = Object.keys(integration.commits).length > 0 && !integration.problem;
    const repository = runner.context.repository;
    const octokit = repository && settings.token ? deliver_client(runner, settings.token) : undefined;
    let pullRequest;
    if (landed && !settings.dryRun) {
        await pushBranch(input, integration.head);
        if (repository && settings.prToken) {
            const base = plan.base ?? runner.context.refName ?? (await defaultBranch(deliver_client(runner, settings.prToken), repository));
            const pr = await upsertPullRequest(deliver_client(runner, settings.prToken), {
                ...repository,
                head: manifest.branch,
                base,
                title: plan.pr.title ?? `autopilot #${plan.issue}: ${plan.title}`,
                body: (0,limits/* truncateMarkdown */.o)(summary, limits/* LIMITS */.b.pullRequestBodyChars, '\n\n_(truncated: see the job summary)_'),
                draft: plan.pr.draft || outcome !== 'succeeded',
                labels: plan.pr.labels
            });
            pullRequest = { number: pr.number, url: pr.url };
            runner.info(`pull request ${pr.created ? 'created' : 'updated'}: ${pr.url}`);
        }
    }
    if (octokit && repository) {
        const head = pullRequest ? `Pull request: ${pullRequest.url}\n\n` : '';
        await (0,issue_comment/* upsertIssueComment */.CV)(octokit, {
            ...repository,
            issueNumber: plan.issue,
            marker: (0,issue_comment/* issueMarker */.Q_)(plan.issue),
            body: head + summary
        }).catch(e => runner.warning(`autopilot: could not update the issue comment: ${e.message}`));
    }
    await runner.summary((0,limits/* truncateMarkdown */.o)(summary, limits/* LIMITS */.b.jobSummaryBytes, '\n\n_(truncated)_', 'bytes'));
    for (const t of plan.tasks) {
        const r = manifest.tasks[t.id];
        if (!r || state_manifest/* LANDABLE */.M.has(r.status) || r.status === 'pending')
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
    runner.setOutput('usage', JSON.stringify((0,markdown/* usageTotal */.Mq)(manifest) ?? { calls: 0, inputTokens: 0, outputTokens: 0 }));
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
        throw new errors/* AutopilotError */.Wz(`could not push ${manifest.branch}: ${input.mask(r.stderr.trim())}. The job needs \`permissions: contents: write\`, ` +
            'or a `pr-token` that may push.', errors/* EXIT */.dc.taskFailed);
    }
}
function deliver_client(runner, token) {
    return (0,client/* createGitHubClient */.L)({ token, baseUrl: runner.context.apiUrl, log: { warning: m => runner.warning(m) } });
}
async function defaultBranch(octokit, repo) {
    const { data } = await octokit.rest.repos.get(repo);
    return data.default_branch;
}


/***/ }),

/***/ 43154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ createGitHubClient)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./src/github/client.ts
// Builds the Octokit autopilot talks to GitHub with: @actions/github plus retry and throttling.



/**
 * An Octokit for `token`. Built on demand, never at import time: callers pass
 * it to the adapters (`upsertPullRequest`, `upsertIssueComment`).
 */
function createGitHubClient(opts) {
    const log = opts.log;
    const retries = opts.retries ?? 2;
    const maxWait = opts.maxRetryAfterSeconds ?? 300;
    const pace = opts.pace ?? true;
    const unit = pace ? 1000 : 1;
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const what = `${options.method} ${options.url}`;
        if (retryCount >= retries || retryAfter > maxWait) {
            log?.warning(`GitHub ${kind} hit on ${what}; not retrying (retry after ${retryAfter} s, attempt ${retryCount + 1}).`);
            return false;
        }
        log?.warning(`GitHub ${kind} hit on ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries}).`);
        return true;
    };
    const throttle = {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        retryAfterBaseValue: unit,
        ...(pace ? {} : { write: unpacedGroup(), notifications: unpacedGroup(), search: unpacedGroup() })
    };
    return (0,github/* getOctokit */.Q)(opts.token, {
        ...(opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : {}),
        log: {
            debug: (m) => log?.debug?.(m),
            info: (m) => log?.debug?.(m),
            warn: (m) => log?.warning(m),
            error: (m) => log?.warning(m)
        },
        retry: { retries, retryAfterBaseValue: unit },
        throttle
    }, dist_bundle/* retry */.L, throttling);
}
/**
 * A stand-in for a Bottleneck group that runs jobs at once. The throttling
 * plugin only calls `group.key(id).schedule(options, fn, ...args)`.
 */
function unpacedGroup() {
    const limiter = {
        schedule: (_options, fn, ...args) => Promise.resolve(fn(...args))
    };
    return { key: () => limiter };
}


/***/ }),

/***/ 63640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ upsertIssueComment),
/* harmony export */   Q_: () => (/* binding */ issueMarker)
/* harmony export */ });
/* unused harmony exports TRUNCATED_COMMENT_NOTE, markedCommentBody */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71679);

const TRUNCATED_COMMENT_NOTE = '> [!NOTE]\n> This comment was cut to fit GitHub\'s limit; the full report is in the run\'s summary and artifacts.';
/** The marker of autopilot's comment on issue `issueNumber`: `<!-- autopilot:issue-<n> -->`. */
function issueMarker(issueNumber) {
    return `<!-- autopilot:issue-${issueNumber} -->`;
}
/** The body as posted: the marker on the first line, then `body` cut to fit what is left. */
function markedCommentBody(marker, body) {
    const rest = body.startsWith(marker) ? body.slice(marker.length).replace(/^\n/, '') : body;
    return `${marker}\n${(0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o)(rest, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b.commentChars - marker.length - 1, TRUNCATED_COMMENT_NOTE)}`;
}
/**
 * Updates the issue's comment that carries `marker` (searching every page of
 * comments), or creates it. Re-running never adds a second comment.
 */
async function upsertIssueComment(octokit, spec) {
    const { owner, repo, issueNumber, marker } = spec;
    const body = markedCommentBody(marker, spec.body);
    const existing = await findMarked(octokit, spec);
    if (existing !== undefined) {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body });
        return { id: data.id, url: data.html_url, created: false };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { id: data.id, url: data.html_url, created: true };
}
async function findMarked(octokit, spec) {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: spec.owner,
        repo: spec.repo,
        issue_number: spec.issueNumber,
        per_page: 100
    });
    for await (const { data } of pages) {
        const hit = data.find((c) => c.body?.includes(spec.marker));
        if (hit)
            return hit.id;
    }
    return undefined;
}


/***/ }),

/***/ 71679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ LIMITS),
/* harmony export */   o: () => (/* binding */ truncateMarkdown)
/* harmony export */ });
// GitHub's size caps on text we post, and the one truncation every renderer output goes through.
/** Size caps GitHub enforces on what autopilot writes. */
const LIMITS = {
    /** `$GITHUB_STEP_SUMMARY` per step, in bytes (UTF-8): larger summaries are rejected. */
    jobSummaryBytes: 1024 * 1024,
    /** Issue and pull-request comment body, in characters. */
    commentChars: 65_536,
    /** Pull-request body, in characters. */
    pullRequestBodyChars: 65_536
};
/**
 * Returns `text` unchanged when it fits in `max`, otherwise a prefix cut at a
 * line end, with an unclosed code fence closed, followed by `note` on its own
 * paragraph; the result never exceeds `max`. Counting UTF-16 code units
 * over-counts astral characters, so a `chars` result also fits GitHub's count.
 */
function truncateMarkdown(text, max, note, unit = 'chars') {
    const size = unit === 'chars' ? (s) => s.length : (s) => Buffer.byteLength(s, 'utf8');
    if (size(text) <= max)
        return text;
    const tail = `\n\n${note}`;
    const budget = max - size(tail);
    if (budget <= 0)
        return prefixWithin(note, max, size);
    let cut = prefixWithin(text, budget, size);
    // Prefer a whole line, unless that would throw away much of the budget.
    const nl = cut.lastIndexOf('\n');
    if (nl >= cut.length * 0.8)
        cut = cut.slice(0, nl);
    // Close a code fence left open, shrinking the cut until the closer fits too.
    for (;;) {
        const fence = openFence(cut);
        const close = fence ? `\n${fence}` : '';
        if (size(cut) + size(close) <= budget)
            return cut + close + tail;
        cut = prefixWithin(cut, budget - size(close), size);
    }
}
/** Longest prefix of `text` whose size is at most `max`, never splitting a surrogate pair. */
function prefixWithin(text, max, size) {
    let lo = 0;
    let hi = Math.min(text.length, max);
    // Sizes grow with length, so binary-search the longest fitting prefix.
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (size(text.slice(0, mid)) <= max)
            lo = mid;
        else
            hi = mid - 1;
    }
    const code = text.charCodeAt(lo - 1);
    if (lo > 0 && code >= 0xd800 && code <= 0xdbff)
        lo -= 1;
    return text.slice(0, lo);
}
/** The opening fence (``` or ~~~, any length) when `markdown` ends inside a fenced code block. */
function openFence(markdown) {
    let open;
    for (const line of markdown.split('\n')) {
        const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (!fence)
            continue;
        if (open === undefined)
            open = fence;
        else if (fence[0] === open[0] && fence.length >= open.length)
            open = undefined;
    }
    return open;
}


/***/ })

};

/**
 * Section 1: 2,000 Oliver task updates (PUT /staff_tasks/{id}, body {title}) three ways against one fake
 * Oliver: our node's Staff Task → Update and n8n's own HTTP Request node (authenticated with our oliverApi
 * credential as a predefined credential type), both inside a real n8n, and a plain sequential keep-alive
 * loop in Node. The fake's request log proves every update arrived each time.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OliverFake, OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from '../test/fakes/oliver';
import type { RecordedRequest } from '../test/fakes/kit';
import { Expression } from 'n8n-workflow';
import { Engine, runNode } from '../test/engine/harness';
import type { N8nRun } from '../test/e2e/harness/runData';
import { chainWorkflow, type N8nNode } from '../test/e2e/harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from '../test/e2e/harness/instance';
import { median } from './measure';
import { formatCount, formatMs, formatRatio, type Figure, type Section } from './report';

const UPDATES = 2_000;
/**
 * Each approach runs this many times, alternating, and its median counts: one n8n process start is noisy (the
 * HTTP Request node's two runs once took 16.3 s and 21.6 s), and a median of two is only their mean.
 */
const ROUNDS = 3;
const CREDENTIAL = { id: 'benchOliver', name: 'Oliver bench' };
/** The same title for the same item from every approach: the run's tag and the item's number. */
const TITLE_EXPRESSION = '={{ "bench " + $execution.id + " #" + $json.n }}';

type Approach = 'ourNode' | 'httpRequestNode' | 'plainLoop';
const APPROACH_NAMES: Record<Approach, string> = {
	ourNode: 'our Oliver node (Staff Task → Update)',
	httpRequestNode: "n8n's HTTP Request node",
	plainLoop: 'plain Node loop',
};

/** How many times one item's expressions were resolved, in all and per expression (most first). */
interface ExpressionCount {
	perItem: number;
	/** Of perItem, those our node's own code resolved; the others n8n-core resolved itself. */
	byOurCodePerItem: number;
	byExpression: Array<{ expression: string; perItem: number }>;
}

/**
 * Counts the expressions our Update resolves per item, in n8n-core's engine (test/engine/harness/): every
 * one goes through Expression.renderExpression, which n8n 2.x runs in its isolated-vm expression engine.
 */
async function countOurExpressions(items: number): Promise<ExpressionCount> {
	const fake = new OliverFake();
	await fake.start();
	const counts = new Map<string, number>();
	let byOurCode = 0;
	// renderExpression is private in n8n-workflow's types; it is where every expression is evaluated.
	const expressionClass = Expression.prototype as unknown as {
		renderExpression: (expression: string, data: unknown) => unknown;
	};
	const render = expressionClass.renderExpression;
	const stackTraceLimit = Error.stackTraceLimit;
	Error.stackTraceLimit = 50;
	expressionClass.renderExpression = function (this: unknown, expression: string, data: unknown) {
		counts.set(expression, (counts.get(expression) ?? 0) + 1);
		// Our code's reads (input checks, URL, body) have the pack's nodes/ folder on their stack; n8n-core's own do not.
		// The credential's headers are n8n's work even when our request step asked for them (httpRequestWithAuthentication).
		const stack = new Error().stack ?? '';
		if (/[\\/]nodes[\\/](shared|Oliver)[\\/]/.test(stack) && !/authenticate/i.test(stack))
			byOurCode++;
		return render.call(this, expression, data);
	};
	try {
		const engine = new Engine();
		const credentialId = engine.credentials.add('oliverApi', {
			...fake.credentialData(),
			sessionToken: fake.issueToken(),
		}).id!;
		const input = Array.from({ length: items }, (_, n) => ({
			id: fake.addTask({ title: `task ${n}` }).id,
			n,
		}));
		const { error } = await runNode(
			engine,
			{
				type: 'oliver',
				credentialId,
				parameters: {
					resource: 'staffTask',
					operation: 'update',
					taskId: '={{ $json.id }}',
					updateFields: { title: TITLE_EXPRESSION },
				},
			},
			input,
		);
		if (error) throw new Error(`counting expressions: the Update failed: ${error.message}`);
	} finally {
		expressionClass.renderExpression = render;
		Error.stackTraceLimit = stackTraceLimit;
		await fake.stop();
	}
	const byExpression = [...counts.entries()]
		.map(([expression, count]) => ({ expression, perItem: count / items }))
		.sort((a, b) => b.perItem - a.perItem);
	return {
		perItem: byExpression.reduce((sum, entry) => sum + entry.perItem, 0),
		byOurCodePerItem: byOurCode / items,
		byExpression,
	};
}

/** One timed run: the node's own execution time in n8n (or the loop's), and when its requests reached the fake. */
interface Timing {
	ms: number;
	/** Node start to the first update's arrival at the fake: preparing requests (n8n runs only). */
	leadInMs?: number;
	/** First to last update's arrival at the fake. */
	spreadMs: number;
	signIns: number;
}

/** The 2,000 input items: a Code node returning each task id with its number. */
function itemsNode(taskIds: string[]): N8nNode {
	return {
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return ${JSON.stringify(taskIds)}.map((id, n) => ({ json: { id, n } }));`,
		},
	};
}

function ourNodeWorkflow(n8n: N8nInstance, taskIds: string[]) {
	return chainWorkflow('benchOurNode', [
		itemsNode(taskIds),
		{
			name: 'Update',
			type: n8n.nodeType('oliver'),
			parameters: {
				resource: 'staffTask',
				operation: 'update',
				taskId: '={{ $json.id }}',
				updateFields: { title: TITLE_EXPRESSION },
			},
			credentials: { oliverApi: CREDENTIAL },
		},
	]);
}

/** The same calls by hand: URL, JSON body and headers as our node sends them; auth from our credential type. */
function httpRequestWorkflow(apiUrl: string, taskIds: string[]) {
	return chainWorkflow('benchHttpRequest', [
		itemsNode(taskIds),
		{
			name: 'Update',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'PUT',
				url: `=${apiUrl}/staff_tasks/{{ encodeURIComponent($json.id) }}`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'oliverApi',
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
				sendBody: true,
				contentType: 'json',
				specifyBody: 'keypair',
				bodyParameters: { parameters: [{ name: 'title', value: TITLE_EXPRESSION }] },
				options: {},
			},
			credentials: { oliverApi: CREDENTIAL },
		},
	]);
}

/**
 * Every one of the 2,000 tasks got exactly one PUT of the title its number calls for, under one tag, and
 * the fake holds it: the count that arrived, or an error naming what went wrong.
 */
function checkArrived(
	fake: OliverFake,
	requests: RecordedRequest[],
	taskIds: string[],
): RecordedRequest[] {
	const taskPath = (id: string) => `${OLIVER_API_PREFIX}/staff_tasks/${id}`;
	const puts = requests.filter(
		(request) =>
			request.method === 'PUT' && request.path.startsWith(`${OLIVER_API_PREFIX}/staff_tasks/`),
	);
	const byPath = new Map(puts.map((request) => [request.path, request]));
	const tags = new Set<string>();
	const wrong = taskIds.filter((id, n) => {
		const body = byPath.get(taskPath(id))?.body as { title?: string } | undefined;
		const match = /^(.*) #(\d+)$/.exec(body?.title ?? '');
		if (match) tags.add(match[1]);
		return (
			!match ||
			Number(match[2]) !== n ||
			Object.keys(body!).length !== 1 ||
			fake.tasks.get(id)?.title !== body!.title
		);
	});
	if (
		puts.length !== taskIds.length ||
		byPath.size !== taskIds.length ||
		wrong.length ||
		tags.size !== 1
	) {
		throw new Error(
			`the fake did not receive the ${taskIds.length} expected updates: ${puts.length} PUTs to ${byPath.size} tasks, ` +
				`${wrong.length} wrong or missing (first: ${wrong[0] ?? 'none'}), ${tags.size} title tags`,
		);
	}
	return puts;
}

function arrivalSpread(puts: RecordedRequest[]): { first: number; last: number } {
	const times = puts.map((request) => request.at);
	return { first: Math.min(...times), last: Math.max(...times) };
}

/**
 * `n8n execute` of a stored workflow, its run data read back from n8n's database. Not `execute()` of
 * test/e2e/harness/cli.ts (N8nCli): that parses the run data n8n prints, and with 2,000 items (megabytes of JSON) n8n's
 * process sometimes exits before the pipe has taken all of it.
 */
async function executeAndRead(n8n: N8nInstance, workflowId: string): Promise<N8nRun['data']> {
	const result = await n8n.run(['execute', `--id=${workflowId}`], { timeoutMs: 5 * 60_000 });
	const [stored] = await n8n.query<{ status: string; data: string }>(
		'select e.status, d.data from execution_entity e join execution_data d on d.executionId = e.id where e.workflowId = ? order by e.id desc limit 1',
		[workflowId],
	);
	if (stored?.status !== 'success') {
		throw new Error(
			`n8n execute ${workflowId} did not succeed (exit ${result.exitCode ?? result.signal}, stored status ${stored?.status ?? 'none'}): ${n8n.redact(result.stderr.slice(-2000))}`,
		);
	}
	// n8n stores run data with flatted (shared references kept); its own copy reads it.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(path.join(n8n.install.dir, 'node_modules/flatted')) as {
		parse: (text: string) => N8nRun['data'];
	};
	return flatted.parse(stored.data);
}

/** The Update node's own run in n8n's run data: its execution time and start. */
function updateNodeRun(data: N8nRun['data']): { startTime: number; executionTime: number } {
	const task = data.resultData.runData.Update?.[0];
	if (!task) throw new Error('the Update node did not run');
	if (task.data?.main?.[0]?.length !== UPDATES)
		throw new Error(
			`the Update node put out ${task.data?.main?.[0]?.length ?? 0} items, not ${UPDATES}`,
		);
	return task;
}

async function runPlainLoop(n8n: N8nInstance, job: object, workDir: string): Promise<number> {
	const file = path.join(workDir, 'plain-loop-job.json');
	await fs.writeFile(file, JSON.stringify(job), { mode: 0o600 });
	// n8n's own Node, so the loop and n8n run on the same runtime.
	const { stdout } = await promisify(execFile)(
		n8n.install.nodeBin,
		[path.join(__dirname, 'plainHttpLoop.js'), file],
		{ maxBuffer: 1 << 20 },
	);
	return (JSON.parse(stdout) as { ms: number }).ms;
}

export async function benchUpdates(packageDir: string): Promise<Section> {
	const fake = new OliverFake();
	await fake.start();
	let n8n: N8nInstance | undefined;
	try {
		const taskIds = Array.from(
			{ length: UPDATES },
			(_, n) => fake.addTask({ title: `task ${n}` }).id,
		);
		// A live token in the credential: the runs time the updates, not a sign-in.
		const token = fake.issueToken();
		const apiUrl = `${fake.url}${OLIVER_API_PREFIX}`;
		n8n = await createN8nInstance({ packageDir });
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'oliverApi', data: { ...fake.credentialData(), sessionToken: token } },
		]);
		const [ourWorkflow, httpWorkflow] = await n8n.importWorkflows([
			ourNodeWorkflow(n8n, taskIds),
			httpRequestWorkflow(apiUrl, taskIds),
		]);

		const timings: Record<Approach, Timing[]> = { ourNode: [], httpRequestNode: [], plainLoop: [] };
		const measure = async (approach: Approach, round: number) => {
			fake.server.clearRequests();
			let ms: number;
			let nodeStart: number | undefined;
			if (approach === 'plainLoop') {
				const updates = taskIds.map((id, n) => ({ id, title: `bench plain-${round} #${n}` }));
				ms = await runPlainLoop(
					n8n!,
					{ apiUrl, token, locationId: fake.options.locationId, updates },
					n8n!.root,
				);
			} else {
				const node = updateNodeRun(
					await executeAndRead(n8n!, approach === 'ourNode' ? ourWorkflow : httpWorkflow),
				);
				ms = node.executionTime;
				nodeStart = node.startTime;
			}
			const puts = checkArrived(fake, fake.requests, taskIds);
			const { first, last } = arrivalSpread(puts);
			timings[approach].push({
				ms,
				leadInMs: nodeStart === undefined ? undefined : first - nodeStart,
				spreadMs: last - first,
				signIns: fake.requests.filter((request) => request.path === OLIVER_SIGN_IN_PATH).length,
			});
		};
		for (let round = 1; round <= ROUNDS; round++) {
			for (const approach of ['ourNode', 'httpRequestNode', 'plainLoop'] as const)
				await measure(approach, round);
		}
		return updatesSection(timings, await countOurExpressions(100));
	} finally {
		await n8n?.cleanup();
		await fake.stop();
	}
}

function updatesSection(
	timings: Record<Approach, Timing[]>,
	expressions: ExpressionCount,
): Section {
	const typical = (
		approach: Approach,
		pick: (timing: Timing) => number | undefined = (timing) => timing.ms,
	) => median(timings[approach].map(pick).filter((value): value is number => value !== undefined));
	const ours = typical('ourNode');
	const http = typical('httpRequestNode');
	const plain = typical('plainLoop');

	const figures: Figure[] = (['ourNode', 'httpRequestNode', 'plainLoop'] as const).map(
		(approach) => ({
			label: `${formatCount(UPDATES)} updates through ${APPROACH_NAMES[approach]}`,
			value: `${formatMs(typical(approach))} (runs: ${timings[approach].map((timing) => formatMs(timing.ms)).join(', ')})`,
			goal: `all ${formatCount(UPDATES)} arrive at the fake, every run`,
			// checkArrived throws otherwise, so a section that got here saw them all.
			met: true,
		}),
	);
	const ourVsHttp: Figure = {
		label: 'our node ÷ HTTP Request node',
		value: formatRatio(ours / http),
		goal: 'at most 1.00× (our node no slower for the same calls)',
		met: ours <= http,
	};
	const expressionNote =
		`In n8n-core's engine (test/engine/harness/, 100 items) our Update resolved ${expressions.perItem.toFixed(1)} expressions per item: ` +
		expressions.byExpression
			.map((entry) => `\`${entry.expression}\` ×${entry.perItem.toFixed(1)}`)
			.join(', ') +
		" (the item's own expressions are only the Task ID and the title). " +
		`Of those, our node's code resolved ${expressions.byOurCodePerItem.toFixed(1)} per item (its one read of each parameter, for the input checks, the URL and the body); ` +
		`n8n-core resolved the other ${(expressions.perItem - expressions.byOurCodePerItem).toFixed(1)} itself: its declarative RoutingNode resolves every parameter of the node on two passes per item ` +
		"(building the request, then checking its base URL against the credential), the base URL on both, and the credential's headers; the HTTP Request node, being programmatic, reads each parameter once.";
	if (!ourVsHttp.met) ourVsHttp.why = `${whyOursIsSlower(timings)} ${expressionNote}`;
	figures.push(
		ourVsHttp,
		{ label: 'our node ÷ plain loop', value: formatRatio(ours / plain) },
		{ label: 'HTTP Request node ÷ plain loop', value: formatRatio(http / plain) },
	);

	const signIns = (['ourNode', 'httpRequestNode', 'plainLoop'] as const).map((approach) =>
		timings[approach].reduce((sum, timing) => sum + timing.signIns, 0),
	);
	return {
		title: `${formatCount(UPDATES)} Oliver task updates: our node, n8n's HTTP Request node, a plain loop`,
		method: [
			`One fake Oliver (test/fakes/oliver/, in the bench's process) seeded with ${formatCount(UPDATES)} tasks; each run sets every task's title, ` +
				'so each run is `PUT /services/core/open_api/v1/staff_tasks/{id}` with body `{"title": "bench <run> #<n>"}` for all of them.',
			'Our node and the HTTP Request node run inside a real n8n (`n8n execute`, the built package installed as a community package): ' +
				'Manual Trigger → Code node (the 2,000 items) → Update. The HTTP Request node sends the same URL, JSON body and Accept header, ' +
				'authenticated with our `oliverApi` credential as a predefined credential type (n8n applies its Bearer token and X-Client-Id).',
			'The credential holds a live token, so no run signs in: sign-ins seen at the fake: ' +
				`our node ${signIns[0]}, HTTP Request node ${signIns[1]}, plain loop ${signIns[2]}.`,
			"Times for the two nodes are the Update node's own `executionTime` in n8n's run data as n8n stored it (not n8n's start-up or the Code node); " +
				"the plain loop (bench/plainHttpLoop.js, its own process on n8n's Node) times itself around its loop: sequential, one keep-alive connection.",
			`Each approach ran ${ROUNDS} times, alternating; the median is compared. After every run the fake's request log is checked: ` +
				`exactly one PUT per task with that run's title, and the fake's task holds it.`,
			"Both nodes send all their items' requests at once (n8n-core's RoutingNode and the HTTP Request node start every item's request before awaiting any); the plain loop sends one at a time.",
		],
		figures,
		notes: ourVsHttp.met ? [expressionNote] : [],
	};
}

/** The phase in which our node lost time against the HTTP Request node, from when requests reached the fake. */
function whyOursIsSlower(timings: Record<Approach, Timing[]>): string {
	const phase = (approach: Approach, pick: (timing: Timing) => number | undefined) =>
		median(timings[approach].map(pick).filter((value): value is number => value !== undefined));
	const phases = [
		{
			name: 'before its first request reached Oliver (resolving parameters and building 2,000 requests)',
			pick: (t: Timing) => t.leadInMs,
		},
		{
			name: 'between the first and the last request reaching Oliver (sending)',
			pick: (t: Timing) => t.spreadMs,
		},
		{
			name: 'after the last request reached Oliver (answers and output items)',
			pick: (t: Timing) => (t.leadInMs === undefined ? undefined : t.ms - t.leadInMs - t.spreadMs),
		},
	].map(({ name, pick }) => ({
		name,
		ours: phase('ourNode', pick),
		http: phase('httpRequestNode', pick),
	}));
	const worst = phases.reduce((a, b) => (b.ours - b.http > a.ours - a.http ? b : a));
	return (
		`most of the difference is ${worst.name}: ${formatMs(worst.ours)} for our node against ${formatMs(worst.http)} for the HTTP Request node ` +
		`(${phases.map((p) => `${p.name.split(' (')[0]}: ${formatMs(p.ours)} vs ${formatMs(p.http)}`).join('; ')}).`
	);
}

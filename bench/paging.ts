/**
 * Section 2: Oliver Staff Task → Get Many with Return All over 1,000, 10,000 and 50,000 tasks, run by
 * n8n-core's engine (test/engine/harness/) against the fake Oliver: time, pages requested (counted at the
 * fake) against the fewest Oliver's paging allows, and the heap the run needs per task.
 */
import http from 'node:http';
import { OliverFake, OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from '../test/fakes/oliver';
import { Engine, runNode } from '../test/engine/harness';
import { heapDuring, timed } from './measure';
import { formatBytes, formatCount, formatMs, type Figure, type Section } from './report';

const SIZES = [1_000, 10_000, 50_000];
/** Oliver's largest page (per_page), documented; the fake refuses a larger one by default. */
const LARGEST_PAGE = 100;
/** Per-task heap may shrink as n grows (fixed costs spread thinner) but not grow by more than this. */
const LINEAR_TOLERANCE = 1.25;
const LIST_PATH = `${OLIVER_API_PREFIX}/staff_tasks`;

interface SizeRun {
	tasks: number;
	items: number;
	ms: number;
	/** The same page requests from a plain keep-alive loop: what the fake itself costs. */
	plainMs: number;
	pages: number[];
	totalPages: number;
	peakGrowthBytes: number;
	retainedBytes: number;
}

/** GET one list page with the token and the headers Oliver asks of every request, over `agent`, parsed as a client would. */
function getPage(agent: http.Agent, url: string, token: string, locationId: string): Promise<void> {
	return new Promise((resolve, reject) => {
		http
			.get(
				url,
				{
					agent,
					headers: {
						accept: 'application/json',
						'content-type': 'application/json',
						authorization: `Bearer ${token}`,
						'x-client-id': locationId,
					},
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () => {
						JSON.parse(Buffer.concat(chunks).toString('utf8'));
						if (response.statusCode === 200) resolve();
						else reject(new Error(`GET ${url}: ${response.statusCode}`));
					});
				},
			)
			.on('error', reject);
	});
}

async function runSize(engine: Engine, fake: OliverFake, tasks: number): Promise<SizeRun> {
	fake.reset();
	for (let n = 0; n < tasks; n++) fake.addTask({ title: `task ${n}` });
	// Signed in before the measured run, so its requests are the list pages only.
	const token = fake.issueToken();
	const credentialId = engine.credentials.add('oliverApi', {
		...fake.credentialData(),
		sessionToken: token,
	}).id!;
	fake.server.clearRequests();

	const heap = await heapDuring(() =>
		runNode(engine, {
			type: 'oliver',
			credentialId,
			parameters: { resource: 'staffTask', operation: 'getAll', returnAll: true },
		}),
	);
	const { items, error } = heap.result;
	if (error) throw new Error(`Get Many over ${tasks} tasks failed: ${error.message}`);
	if (fake.requests.some((request) => request.path === OLIVER_SIGN_IN_PATH))
		throw new Error('the measured run signed in');
	const pages = fake.requests
		.filter((request) => request.method === 'GET' && request.path === LIST_PATH)
		.map((request) => Number(request.query.page));
	const sizes = new Set(fake.requests.map((request) => request.query.per_page));
	if (sizes.size !== 1 || !sizes.has(String(LARGEST_PAGE)))
		throw new Error(`pages were asked for with per_page ${[...sizes].join(', ')}`);

	// The same requests again, from a plain sequential keep-alive loop: the fake's share of the time.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const plain = await timed(async () => {
		for (const page of pages)
			await getPage(
				agent,
				`${fake.url}${LIST_PATH}?page=${page}&per_page=${LARGEST_PAGE}`,
				token,
				fake.options.locationId,
			);
	});
	agent.destroy();

	return {
		tasks,
		items: items.length,
		ms: heap.ms,
		plainMs: plain.ms,
		pages,
		totalPages: Math.ceil(tasks / LARGEST_PAGE),
		peakGrowthBytes: heap.peakGrowthBytes,
		retainedBytes: heap.retainedBytes,
	};
}

export async function benchPaging(): Promise<Section> {
	const fake = new OliverFake();
	await fake.start();
	try {
		const engine = new Engine();
		const runs: SizeRun[] = [];
		for (const tasks of SIZES) runs.push(await runSize(engine, fake, tasks));
		return pagingSection(runs);
	} finally {
		await fake.stop();
	}
}

function pagingSection(runs: SizeRun[]): Section {
	const figures: Figure[] = [];
	for (const run of runs) {
		const size = formatCount(run.tasks);
		figures.push({
			label: `${size} tasks: items out`,
			value: formatCount(run.items),
			goal: `${size} (every task, once)`,
			met: run.items === run.tasks,
			why: `the node put out ${formatCount(run.items)} items for ${size} tasks.`,
		});
		figures.push({
			label: `${size} tasks: time`,
			value: `${formatMs(run.ms)} (the same requests from a plain loop: ${formatMs(run.plainMs)})`,
		});
		const beyond = run.pages.filter((page) => page >= run.totalPages);
		figures.push({
			label: `${size} tasks: pages requested`,
			value: formatCount(run.pages.length),
			goal: `${formatCount(run.totalPages)} = ceil(${size} / ${LARGEST_PAGE})`,
			met: run.pages.length === run.totalPages,
			why:
				beyond.length > 0
					? `${beyond.length} request(s) asked for page ${beyond.join(', ')} (0-based) although every answer said total_pages = ${run.totalPages}: ` +
						'the node stops at a page shorter than per_page, and the last page was full, so it asked once more and got an empty page.'
					: `pages requested: ${run.pages.join(', ')}.`,
		});
	}
	for (const run of runs) {
		figures.push({
			label: `${formatCount(run.tasks)} tasks: peak heap growth (per task)`,
			value: `${formatBytes(run.peakGrowthBytes)} (${formatBytes(run.peakGrowthBytes / run.tasks)})`,
		});
	}
	// Linear (or better): the peak per task never grows from one size to the next by more than the tolerance.
	for (let i = 1; i < runs.length; i++) {
		const [smaller, larger] = [runs[i - 1], runs[i]];
		const ratio = larger.peakGrowthBytes / larger.tasks / (smaller.peakGrowthBytes / smaller.tasks);
		figures.push({
			label: `peak heap per task, ${formatCount(larger.tasks)} ÷ ${formatCount(smaller.tasks)} tasks`,
			value: `${ratio.toFixed(2)}×`,
			goal: `at most ${LINEAR_TOLERANCE.toFixed(2)}× (memory grows at most linearly with the tasks)`,
			met: ratio <= LINEAR_TOLERANCE,
			why:
				`the heap held after the run, with its output, grew from ${formatBytes(smaller.retainedBytes / smaller.tasks)} to ${formatBytes(larger.retainedBytes / larger.tasks)} per task ` +
				`${larger.retainedBytes / larger.tasks > (smaller.retainedBytes / smaller.tasks) * LINEAR_TOLERANCE ? '(the output itself costs more per task)' : '(the output does not: the extra peak is garbage not yet collected while paging)'}.`,
		});
	}
	return {
		title: 'Oliver Get Many with Return All over 1,000, 10,000 and 50,000 tasks',
		method: [
			"Staff Task → Get Many, Return All on, run by n8n-core's own engine (test/engine/harness/run.ts `runNode`: WorkflowExecute and RoutingNode, " +
				"the expression engine n8n-core falls back to outside n8n) against the fake Oliver on loopback, in the bench's process.",
			`The fewest requests Oliver allows: its largest page is ${LARGEST_PAGE} tasks (per_page), pages are numbered from 0, and every answer ` +
				'carries total_pages, so a client that reads it needs exactly ceil(n / 100) pages and never an empty one. Pages are counted at the fake ' +
				'(GET /staff_tasks; the credential holds a live token, so no sign-in is among them); every request was checked to ask per_page=100.',
			"Time: wall clock around the node's run. The fake answers each page by filtering and slicing all n of its tasks, so its own cost grows with n; " +
				'"the same requests from a plain loop" replays the node\'s page requests from a sequential keep-alive loop to show that cost.',
			"Memory: V8 heap in use, sampled every free millisecond during the run, above the heap after a full GC just before it (the fake's seeded tasks " +
				'are in that baseline; the pages it serialises are garbage made during the run and count). Heap held after a full GC with the output still ' +
				`referenced is in the notes. Linear means the peak per task at one size is at most ${LINEAR_TOLERANCE}× the peak per task at the size below it.`,
		],
		figures,
		notes: runs.map(
			(run) =>
				`${formatCount(run.tasks)} tasks: heap held after the run with its ${formatCount(run.items)} output items: ${formatBytes(run.retainedBytes)} ` +
				`(${formatBytes(run.retainedBytes / run.tasks)} per task).`,
		),
	};
}

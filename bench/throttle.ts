/**
 * Section 4: Open Dental's Remote API allows one request per second per customer key. 30 Task → Get calls
 * in one node run (engine layer), with a credential paced for Remote, against the fake Open Dental that
 * refuses any request arriving sooner than a second after the last one it accepted (with a 400 and text by
 * default: Open Dental does not document the answer, and a 429 is not among its codes).
 */
import { OpenDentalFake, OPEN_DENTAL_API_PREFIX } from '../test/fakes/openDental';
import { Engine, runNode } from '../test/engine/harness';
import { formatCount, formatMs, formatPercent, type Figure, type Section } from './report';

const CALLS = 30;
/** What the fake allows (its Remote default) and the credential's Rate Limit "One Request per Second" paces to. */
const ALLOWED_PER_SECOND = 1;
const GOAL_SHARE = 0.9;

export async function benchThrottle(): Promise<Section> {
	const fake = new OpenDentalFake({ connection: 'remote' });
	if (fake.options.throttle?.perSecond !== ALLOWED_PER_SECOND)
		throw new Error('the fake Open Dental no longer throttles Remote at 1 request per second');
	await fake.start();
	try {
		const engine = new Engine();
		const user = fake.addUser({ UserName: 'Admin' });
		const list = fake.addTaskList({ Descript: 'Front Desk' });
		const tasks = Array.from({ length: CALLS }, (_, n) =>
			fake.addTask({ TaskListNum: list.TaskListNum, Descript: `Task ${n}`, UserNum: user.UserNum }),
		);
		// The custom base URL reaches the fake; Rate Limit "perSecond" is what a Remote connection uses.
		const credentialId = engine.credentials.add('openDentalApi', {
			...fake.credentialData(),
			rateLimit: 'perSecond',
		}).id!;
		fake.resetThrottle();
		fake.server.clearRequests();

		// Continue On Fail: a refused call becomes an error item instead of ending the run, so all 30 are made and counted.
		const { items, error } = await runNode(
			engine,
			{
				type: 'openDental',
				credentialType: 'openDentalApi',
				credentialId,
				continueOnFail: true,
				parameters: { resource: 'task', operation: 'get', taskNum: '={{ $json.taskNum }}' },
			},
			tasks.map((task) => ({ taskNum: String(task.TaskNum) })),
		);
		if (error) throw new Error(`the run failed: ${error.message}`);
		const refusedItems = items.filter(
			(item) => item.json.error !== undefined || item.error !== undefined,
		);
		const gets = fake.requests.filter(
			(request) =>
				request.method === 'GET' && request.path.startsWith(`${OPEN_DENTAL_API_PREFIX}/tasks/`),
		);
		return throttleSection(
			gets.map((request) => request.at),
			refusedItems.length,
			items.length,
		);
	} finally {
		await fake.stop();
	}
}

function throttleSection(arrivals: number[], refused: number, outputItems: number): Section {
	const sorted = [...arrivals].sort((a, b) => a - b);
	const spanMs = sorted[sorted.length - 1] - sorted[0];
	const gaps = sorted.slice(1).map((at, i) => at - sorted[i]);
	// The rate used between the first and last call, as a share of the allowed rate.
	const share = ((sorted.length - 1) * 1000) / ALLOWED_PER_SECOND / spanMs;
	const shortestGap = Math.min(...gaps);
	const longestGap = Math.max(...gaps);
	const meanGap = spanMs / gaps.length;
	const spacingMs = 1000 / ALLOWED_PER_SECOND;

	const figures: Figure[] = [
		{
			label: 'calls that reached the fake',
			value: formatCount(sorted.length),
			goal: formatCount(CALLS),
			met: sorted.length === CALLS,
			why: `${outputItems} items came out of the node.`,
		},
		{
			label: 'share of the allowed rate used',
			value: `${formatPercent(share)} (${sorted.length - 1} intervals in ${formatMs(spanMs)})`,
			goal: `at least ${formatPercent(GOAL_SHARE)}`,
			met: share >= GOAL_SHARE,
			why:
				`the mean interval between arrivals was ${formatMs(meanGap)} against the ${formatMs(spacingMs)} allowed; ` +
				(longestGap - shortestGap > spacingMs / 10
					? `intervals ranged from ${formatMs(shortestGap)} to ${formatMs(longestGap)}, so some calls waited far longer than the throttle needs.`
					: `every interval was about ${formatMs(meanGap)}, so the pacing waits ${formatMs(meanGap - spacingMs)} more than needed before each call.`),
		},
		{
			label: 'calls throttled (refused) by the fake',
			value: formatCount(refused),
			goal: '0',
			met: refused === 0,
			why: `the shortest interval between two arrivals was ${formatMs(shortestGap)}, under the ${formatMs(spacingMs)} the fake requires.`,
		},
	];
	return {
		title: 'Open Dental, throttled: 30 calls at 1 request per second per customer key',
		method: [
			'The fake Open Dental (test/fakes/openDental/, `connection: "remote"`) refuses (a 400 with text, its default) any request that arrives less than 1,000 ms after ' +
				'the last request it accepted for the same customer key (refused ones do not restart the wait).',
			'The node (nodes/OpenDental/requests.ts `paced`, nodes/shared/pacing.ts `oneAtATime`) sends one request per customer key at a time, ' +
				'each at least 1,000 ms after the previous one was answered, with the credential\'s Rate Limit "One Request per Second" ' +
				'(a Custom Base URL pointing at the fake: a Remote connection always calls api.opendental.com).',
			`${CALLS} items into Task → Get, one node run by n8n-core's engine (test/engine/harness/), Continue On Fail on so a refused call is an error item ` +
				"and the run goes on. Arrival times are the fake's request log; refused calls are the error items.",
			'Share of the allowed rate = (calls − 1) × 1,000 ms ÷ (last arrival − first arrival).',
		],
		figures,
		notes: [
			`Intervals between arrivals: shortest ${formatMs(shortestGap)}, mean ${formatMs(meanGap)}, longest ${formatMs(longestGap)}.`,
		],
	};
}

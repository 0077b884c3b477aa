/**
 * Section 6: the requests each polling trigger (Oliver, Open Dental, Humanity) makes in one poll when it
 * watches 100, 1,000 and 10,000 tasks, run by n8n-core's engine (test/engine/harness/ `pollTrigger`) against
 * the fakes: counted at the fake beside the fewest the vendor's documented paging allows, with the poll's
 * time, whether the one new task came out exactly once, and the static data the trigger keeps.
 */
import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import type { RecordedRequest, VendorFake } from '../test/fakes/kit';
import { OliverFake, OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from '../test/fakes/oliver';
import { OpenDentalFake, OPEN_DENTAL_API_PREFIX } from '../test/fakes/openDental';
import { HumanityFake, HUMANITY_API_PREFIX, HUMANITY_TOKEN_PATH } from '../test/fakes/humanity';
import { Engine, pollTrigger, type NodeSpec } from '../test/engine/harness';
import { timed } from './measure';
import { formatCount, formatMs, formatRatio, type Figure, type Section } from './report';

const SIZES = [100, 1_000, 10_000];
/** Oliver's largest page (per_page), documented; every answer carries total_count. */
const OLIVER_PAGE = 100;
/** Oliver: the seeded tasks were created this far apart, a history rather than a burst (see the method lines). */
const SEEDED_TASK_SPACING_MS = 60_000;
/** Open Dental's rows per list call on Remote (the fakes' default connection); no total is answered. */
const OPEN_DENTAL_PAGE = 100;
/** Humanity: tasks per shift, so n tasks lie on n / 10 shifts. */
const TASKS_PER_SHIFT = 10;
/** Humanity: the trigger's default window, 1 day before today to 7 after; the shifts are spread over it. */
const HUMANITY_WINDOW = { daysBefore: 1, daysAfter: 7 };

interface PollRun {
	trigger: string;
	tasks: number;
	/** The measured poll's requests, sign-in and token requests left out. */
	requests: RecordedRequest[];
	/** Sign-in or token requests the measured poll made (left out of `requests`). */
	authRequests: number;
	/** The fewest requests the vendor's documented paging allows, and how that number is reached. */
	fewest: number;
	fewestRule: string;
	ms: number;
	/** Times the new task came out of the measured poll, and how many other items came with it. */
	emitted: number;
	otherItems: number;
	/** Times the new task came out of the poll after. */
	emittedAgain: number;
	staticDataChars: number;
	/** What the requests were, by route, for the notes. */
	pattern: string;
}

/** How one trigger is set up against its fake: what it watches, and how its requests are told apart. */
interface TriggerCase {
	trigger: string;
	fake: VendorFake;
	/** A fresh vendor holding `count` watched tasks; the node to poll, with a credential in `engine`. */
	seed(engine: Engine, count: number): NodeSpec;
	/** Adds one watched task; its id as the trigger's items carry it. */
	addTask(): string;
	idOf(item: IDataObject): string;
	isAuth(request: RecordedRequest): boolean;
	routeOf(request: RecordedRequest): string;
	fewest(count: number): { fewest: number; rule: string };
}

/** The requests grouped by route, in the order first seen: "GET /staff_tasks × 10". */
function patternOf(requests: RecordedRequest[], routeOf: (request: RecordedRequest) => string) {
	const counts = new Map<string, number>();
	for (const request of requests) {
		const route = routeOf(request);
		counts.set(route, (counts.get(route) ?? 0) + 1);
	}
	return [...counts].map(([route, count]) => `${route} × ${formatCount(count)}`).join(', ');
}

/**
 * A baseline poll over count − 1 tasks, one task added, then the measured poll (which so watches `count`
 * tasks), then one more poll to see the new task is not emitted again.
 */
async function measurePoll(watched: TriggerCase, count: number): Promise<PollRun> {
	const engine = new Engine();
	const spec = watched.seed(engine, count - 1);
	const staticData: IDataObject = {};
	const baseline = await pollTrigger(engine, spec, staticData);
	if (baseline !== null)
		throw new Error(`${watched.trigger}: the baseline poll emitted ${baseline.length} items`);
	const newId = watched.addTask();
	watched.fake.server.clearRequests();

	const { result: items, ms } = await timed(() => pollTrigger(engine, spec, staticData));
	const received = [...watched.fake.requests];
	const staticDataChars = JSON.stringify(staticData).length;
	const ids = (items ?? []).map((item) => watched.idOf(item.json));
	const again = ((await pollTrigger(engine, spec, staticData)) ?? []).map((item) =>
		watched.idOf(item.json),
	);

	const requests = received.filter((request) => !watched.isAuth(request));
	const { fewest, rule } = watched.fewest(count);
	return {
		trigger: watched.trigger,
		tasks: count,
		requests,
		authRequests: received.length - requests.length,
		fewest,
		fewestRule: rule,
		ms,
		emitted: ids.filter((id) => id === newId).length,
		otherItems: ids.filter((id) => id !== newId).length,
		emittedAgain: again.filter((id) => id === newId).length,
		staticDataChars,
		pattern: patternOf(requests, watched.routeOf),
	};
}

// ---- the three triggers ----

function oliverCase(): TriggerCase {
	// The fake's clock: the seeded tasks were made a minute apart up to now, the new task a second later.
	let now = Date.now();
	const fake = new OliverFake({ clock: () => new Date(now) });
	return {
		trigger: 'Oliver Trigger (Staff Task Created)',
		fake,
		seed(engine, count) {
			fake.reset();
			now = Date.now() - count * SEEDED_TASK_SPACING_MS;
			for (let n = 0; n < count; n++) {
				now += SEEDED_TASK_SPACING_MS;
				fake.addTask({ title: `task ${n}` });
			}
			const credentialId = engine.credentials.add('oliverApi', fake.credentialData()).id!;
			return { type: 'oliverTrigger', credentialId, parameters: { event: 'taskCreated' } };
		},
		addTask() {
			now += 1000;
			return fake.addTask({ title: 'the new task' }).id;
		},
		idOf: (item) => String(item.id),
		isAuth: (request) => request.path === OLIVER_SIGN_IN_PATH,
		routeOf: (request) => `${request.method} ${request.path.replace(OLIVER_API_PREFIX, '')}`,
		fewest: (count) => ({
			fewest: Math.ceil(count / OLIVER_PAGE),
			rule: `ceil(${formatCount(count)} / ${OLIVER_PAGE})`,
		}),
	};
}

function openDentalCase(): TriggerCase {
	// Throttle off: this section counts requests, section 4 measures the pacing.
	const fake = new OpenDentalFake({ throttle: null });
	let list = 0;
	let user = 0;
	return {
		trigger: 'Open Dental Trigger (Task Created)',
		fake,
		seed(engine, count) {
			fake.reset();
			list = fake.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
			user = fake.addUser({ UserName: 'Admin' }).UserNum;
			for (let n = 0; n < count; n++)
				fake.addTask({ TaskListNum: list, Descript: `task ${n}`, UserNum: user });
			const credentialId = engine.credentials.add('openDentalApi', {
				...fake.credentialData(),
				rateLimit: 'none',
			}).id!;
			return {
				type: 'openDentalTrigger',
				credentialType: 'openDentalApi',
				credentialId,
				parameters: { event: 'taskCreated' },
			};
		},
		addTask: () =>
			String(fake.addTask({ TaskListNum: list, Descript: 'the new task', UserNum: user }).TaskNum),
		idOf: (item) => String(item.TaskNum),
		// The keys travel in every request's Authorization header: there is no sign-in.
		isAuth: () => false,
		routeOf: (request) => `${request.method} ${request.path.replace(OPEN_DENTAL_API_PREFIX, '')}`,
		// No total and no "more" flag: a client reads until a page is short, so a full last page costs one more.
		fewest: (count) => ({
			fewest: Math.floor(count / OPEN_DENTAL_PAGE) + 1,
			rule: `floor(${formatCount(count)} / ${OPEN_DENTAL_PAGE}) + 1`,
		}),
	};
}

function humanityCase(): TriggerCase {
	const fake = new HumanityFake();
	let masterId = '';
	let lastShift = 0;
	return {
		trigger: 'Humanity Trigger (Shift Task Added)',
		fake,
		seed(engine, count) {
			fake.reset();
			const location = fake.addLocation({ name: 'Main Street Café' });
			const positionId = fake.addPosition({ name: 'Barista', locationId: location.id }).id;
			masterId = fake.addMasterTask({ name: 'Checklist item', positionIds: [positionId] }).id;
			// count + 1 tasks once the new one is added: ten a shift, the shifts spread over the window's days.
			const shifts = Math.ceil((count + 1) / TASKS_PER_SHIFT);
			const days = HUMANITY_WINDOW.daysBefore + HUMANITY_WINDOW.daysAfter + 1;
			const today = DateTime.now().setZone(engine.timezone);
			for (let s = 0; s < shifts; s++) {
				const day = today
					.plus({ days: (s % days) - HUMANITY_WINDOW.daysBefore })
					.toFormat('yyyy-MM-dd');
				lastShift = fake.addShift({
					start: `${day} 09:00`,
					end: `${day} 17:00`,
					positionId,
					title: `Shift ${s}`,
				}).id;
				const onThisShift = Math.min(TASKS_PER_SHIFT, count - s * TASKS_PER_SHIFT);
				for (let n = 0; n < onThisShift; n++)
					fake.addShiftTask({ shiftId: lastShift, taskId: masterId, name: `Item ${s}-${n}` });
			}
			const credentialId = engine.credentials.add('humanityApi', {
				...fake.credentialData(),
				accessToken: '',
				accessTokenExpiresAt: '',
			}).id!;
			return {
				type: 'humanityTrigger',
				credentialType: 'humanityApi',
				credentialId,
				parameters: { event: 'shiftTaskAdded', ...HUMANITY_WINDOW },
			};
		},
		addTask: () => fake.addShiftTask({ shiftId: lastShift, taskId: masterId, name: 'New' }).id,
		idOf: (item) => String(item.id),
		isAuth: (request) => request.path === HUMANITY_TOKEN_PATH,
		routeOf: (request) =>
			(fake.endpointOf(request) ?? `${request.method} ${request.path}`).replace(
				HUMANITY_API_PREFIX,
				'',
			),
		// One read of the window's shifts (no paging documented), one of their tasks by comma-separated ids.
		fewest: () => ({ fewest: 2, rule: '1 shift list + 1 task read of all shift ids' }),
	};
}

export async function benchPollRequests(): Promise<Section> {
	const runs: PollRun[] = [];
	for (const watched of [oliverCase(), openDentalCase(), humanityCase()]) {
		await watched.fake.start();
		try {
			for (const count of SIZES) runs.push(await measurePoll(watched, count));
		} finally {
			await watched.fake.stop();
		}
	}
	return pollSection(runs);
}

/** The shift ids in each of the measured poll's Humanity task reads (none for the other vendors). */
function shiftIdsPerRead(run: PollRun): string[][] {
	return run.requests
		.filter((request) => /\/shifts\/[^/]+\/tasks$/.test(request.path))
		.map((request) => decodeURIComponent(request.path.split('/').at(-2) ?? '').split(','));
}

function requestsWhy(run: PollRun): string {
	const reads = shiftIdsPerRead(run);
	if (reads.length < 2) return `the poll sent ${run.pattern}.`;
	const ids = reads.flat();
	const mostPerRead = Math.max(...reads.map((read) => read.length));
	const longest = Math.max(...run.requests.map((request) => request.path.length));
	const oneRead = `${HUMANITY_API_PREFIX}/shifts/${ids.join(',')}/tasks`.length;
	return (
		`the poll sent ${run.pattern}: the tasks of ${formatCount(ids.length)} shifts, at most ${mostPerRead} shifts per call ` +
		`(nodes/Humanity/HumanityTrigger.node.ts SHIFTS_PER_READ, to keep the URL short; its longest path was ${formatCount(longest)} characters). ` +
		`Humanity documents no limit on the ids; one read of all of them would be a path of ${formatCount(oneRead)} characters.`
	);
}

function pollSection(runs: PollRun[]): Section {
	const figures: Figure[] = [];
	for (const run of runs) {
		const label = `${run.trigger}, ${formatCount(run.tasks)} tasks`;
		figures.push({
			label: `${label}: requests per poll`,
			value: formatCount(run.requests.length),
			goal: `${formatCount(run.fewest)} = ${run.fewestRule}`,
			met: run.requests.length === run.fewest,
			why: requestsWhy(run),
		});
		const once = run.emitted === 1 && run.otherItems === 0 && run.emittedAgain === 0;
		figures.push({
			label: `${label}: the new task emitted`,
			value: once
				? 'once'
				: `${run.emitted}× (with ${run.otherItems} other items), ${run.emittedAgain}× at the next poll`,
			goal: 'once, alone, and not again at the next poll',
			met: once,
			why: `the measured poll put out the new task ${run.emitted} time(s) and ${run.otherItems} other item(s); the poll after it put the new task out ${run.emittedAgain} time(s).`,
		});
		figures.push({ label: `${label}: poll time`, value: formatMs(run.ms) });
		figures.push({
			label: `${label}: static data after the poll`,
			value: `${formatCount(run.staticDataChars)} characters of JSON`,
		});
	}
	const auth = runs.filter((run) => run.authRequests > 0);
	const triggers = [...new Set(runs.map((run) => run.trigger))];
	const notes = triggers.map((trigger) => {
		const [fewest, most] = [SIZES[0], SIZES[SIZES.length - 1]].map(
			(size) => runs.find((run) => run.trigger === trigger && run.tasks === size)!,
		);
		const growth = most.staticDataChars / fewest.staticDataChars;
		return (
			`${trigger}: static data ${formatCount(fewest.staticDataChars)} characters at ${formatCount(fewest.tasks)} tasks, ` +
			`${formatCount(most.staticDataChars)} at ${formatCount(most.tasks)} (${formatRatio(growth)} for ${formatCount(most.tasks / fewest.tasks)}× the tasks; ` +
			`${(most.staticDataChars / most.tasks).toFixed(2)} characters per watched task at ${formatCount(most.tasks)}).`
		);
	});
	return {
		title: 'Polling triggers: requests per poll at 100, 1,000 and 10,000 watched tasks',
		method: [
			"Each trigger polled by n8n-core's PollContext (test/engine/harness/run.ts `pollTrigger`) against its fake on loopback, in the bench's process, " +
				'with a fresh fake and workflow static data for each size n: a baseline poll over n − 1 watched tasks, one watched task added, then the ' +
				'measured poll (watching n tasks), then one more poll to check the new task is not emitted again.',
			'Events: Oliver "Staff Task Created" (every task, no filter; the seeded tasks created one a minute up to the baseline, so the ' +
				'5-minute re-check window below the mark holds about 5 of them), Open Dental "Task Created" (default 14-day look-back; every task created now), ' +
				`Humanity "Shift Task Added" with its default window (${HUMANITY_WINDOW.daysBefore} day before today to ${HUMANITY_WINDOW.daysAfter} after): ` +
				`${TASKS_PER_SHIFT} tasks a shift on n / ${TASKS_PER_SHIFT} shifts (${SIZES.map((size) => formatCount(size / TASKS_PER_SHIFT)).join(', ')}), ` +
				`spread evenly over the window's ${HUMANITY_WINDOW.daysBefore + HUMANITY_WINDOW.daysAfter + 1} days, the new task on the last shift.`,
			'Requests: every request the fake received during the measured poll, except sign-in and token requests (Oliver POST ' +
				`${OLIVER_SIGN_IN_PATH}, Humanity POST ${HUMANITY_TOKEN_PATH}; Open Dental has none: its keys go in every request's header). ` +
				(auth.length
					? `Left out: ${auth.map((run) => `${run.trigger} at ${formatCount(run.tasks)}: ${run.authRequests}`).join('; ')}.`
					: 'No measured poll made one: the token from the baseline poll was reused.') +
				' Throttles off: the fake Open Dental built with `throttle: null` and the credential\'s Rate Limit "none" (section 4 measures the pacing); ' +
				"the fake Humanity's throttle is off by default (no v2 rate limit is documented); the fake Oliver has none.",
			`Fewest requests the documents allow: Oliver, per_page at most ${OLIVER_PAGE} and total_count in every answer, and no time filter on the list ` +
				`(so every task is read): ceil(n / ${OLIVER_PAGE}). Open Dental (Remote, the fake's default), ${OPEN_DENTAL_PAGE} rows per call and no total: ` +
				'read until a short page, floor(n / 100) + 1 (the Local API and API Service allow 1,000 rows: floor(n / 1,000) + 1). ' +
				'Humanity: GET /shifts for the window (no paging documented) and GET /shifts/{ids}/tasks, which takes comma-separated shift ids with no ' +
				'documented limit: 2, whatever n; per-shift reads are not inherent.',
			"Time: wall clock around the measured poll, the fakes' own work included (they filter all their tasks on every call). Static data: " +
				'the length of JSON.stringify of the workflow static data after the measured poll.',
		],
		figures,
		notes,
	};
}

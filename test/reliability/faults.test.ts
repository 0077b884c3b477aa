/**
 * The fault matrix: every vendor × every fault × a read, a create and an update, each run through n8n-core's
 * engine against the vendor's fake with the fault injected by the kit. Each case checks what a user would
 * notice: the requests the vendor received (how many, and when, for Retry-After), the items or the error
 * (the vendor's words and status, and what was tried), and the fake's state afterwards (no record written
 * twice, none lost, an update applied exactly as asked). The outcomes observed are written to
 * docs/RELIABILITY.md (section 10).
 */
import type { IDataObject } from 'n8n-workflow';
import type { Fault, RecordedRequest } from '../fakes/kit';
import { Engine, runNode, type NodeRun } from '../engine/harness';
import { retryPolicy } from '../../nodes/shared/retry';
import { markdownTable, writeSection } from './report';
import {
	ASKED_VALUE,
	CREATED_NAME,
	OP_KINDS,
	type OpKind,
	type Operation,
	type VendorAdapter,
} from './vendorAdapters/adapter';
import { VENDORS } from './vendorAdapters';

jest.setTimeout(30_000);

/** The policy as shipped, read before this file changes anything. */
const SHIPPED_POLICY = { ...retryPolicy };
/** Waits between retries are shortened where their length is not the point; Retry-After stays real. */
const RUN_POLICY = { baseDelayMs: 50, maxDelayMs: 400 };
/** A timeout case: the node gives up on an answer after this, the fake answers only after FAULT_DELAY_MS. */
const TIMEOUT_MS = 300;
const FAULT_DELAY_MS = 900;

type FaultClass = 'refused' | 'unsure' | 'final' | 'token' | 'persistent';

interface FaultCase {
	id: string;
	/** The report's row name. */
	label: string;
	class: FaultClass;
	/** The kit fault for this vendor and operation (none: the case changes the vendor instead, e.g. the token). */
	fault?: (vendor: VendorAdapter, kind: OpKind) => Fault;
	/** An HTTP failure: its status and the vendor's words, which the error must carry. */
	http?: { status: number; words: string };
	times?: number;
	/** The vendor carried the request out although its answer failed (the delayed answer, the lost answer). */
	reachesHandler?: boolean;
	/** It did so before the answer failed (the lost answer), so a read-back right after finds the write done. */
	actedBeforeFailing?: boolean;
	/** Waits after the run for a delayed handler to finish before the fake's state is read. */
	settleMs?: number;
	/** Policy values for this case only. */
	policy?: Partial<typeof retryPolicy>;
	kinds?: OpKind[];
}

/** An HTTP failure in the vendor's own shape. */
const httpFault = (status: number, words: string, headers: Record<string, string> = {}) => ({
	http: { status, words },
	fault: (vendor: VendorAdapter): Fault => {
		const failure = vendor.httpFailure(status, words);
		return { status, body: failure.body, headers: { ...failure.headers, ...headers } };
	},
});

const FAULTS: FaultCase[] = [
	{
		id: '429',
		label: '429 with Retry-After: 1',
		class: 'refused',
		...httpFault(429, 'Too many requests, slow down', { 'retry-after': '1' }),
	},
	{ id: '500', label: '500', class: 'unsure', ...httpFault(500, 'Internal server error') },
	{ id: '502', label: '502', class: 'unsure', ...httpFault(502, 'Bad gateway') },
	{
		id: '503',
		label: '503',
		class: 'unsure',
		...httpFault(503, 'Service temporarily unavailable'),
	},
	{
		id: 'timeout',
		label: `timeout (node waits ${TIMEOUT_MS} ms, vendor answers after ${FAULT_DELAY_MS} ms)`,
		class: 'unsure',
		fault: () => ({ delayMs: FAULT_DELAY_MS }),
		reachesHandler: true,
		settleMs: FAULT_DELAY_MS + 100,
		policy: { timeoutMs: TIMEOUT_MS },
	},
	{
		id: 'drop',
		label: 'connection dropped (before the vendor acts)',
		class: 'unsure',
		fault: () => ({ drop: true }),
	},
	{
		id: 'dropAfterHandling',
		label: 'answer lost (vendor acted, then the connection dropped)',
		class: 'unsure',
		fault: () => ({ dropAfterHandling: true }),
		reachesHandler: true,
		actedBeforeFailing: true,
	},
	{
		id: 'malformed',
		label: 'malformed JSON under 200',
		class: 'unsure',
		fault: (vendor) => ({ malformedBody: vendor.malformedBody, status: 200 }),
	},
	{
		id: 'envelope',
		label: 'failure envelope under 200 (Open Dental: a 400 with text, it has no envelope)',
		class: 'final',
		fault: (vendor, kind) => {
			const failure = vendor.failureEnvelope(kind);
			return { status: failure.status, body: failure.body };
		},
	},
	{ id: 'token', label: 'expired token (or revoked key)', class: 'token' },
	{
		id: 'persistent',
		label: '503 that persists (times: Infinity)',
		class: 'persistent',
		...httpFault(503, 'Service temporarily unavailable'),
		times: Infinity,
		kinds: ['update'],
	},
];

interface Observation {
	/** Requests to the faulted request (method and path). */
	attempts: number;
	/** Reads of the operation's readBack after the first attempt: checks before sending again. */
	readBacks: number;
	/** ms between them. */
	gaps: number[];
	/** Requests other than sign-ins and token requests. */
	apiCalls: number;
	signIns: number;
	items: IDataObject[];
	error?: { message: string; httpCode: string; description: string };
	created: number;
	value: unknown;
	restKept: boolean;
	secretsLeaked: string[];
	/** ms from the start of the run to its end. */
	tookMs: number;
	note?: string;
}

/** vendor → fault id → kind → the outcome, in words, as observed. */
const outcomes = new Map<string, Map<string, Partial<Record<OpKind, string>>>>();
/** The cases that broke the policy, with the check that failed. */
const failures: string[] = [];
/** vendor → kind → the operation's label. */
const operationLabels = new Map<string, Partial<Record<OpKind, string>>>();
const started = Date.now();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const secondsOf = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const shorten = (text: string, max = 90) =>
	text.length > max ? `${text.slice(0, max - 1)}…` : text;
const timesWord = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function describeOutcome(
	fault: FaultCase,
	kind: OpKind,
	seen: Observation,
	original: unknown,
): string {
	const parts: string[] = [];
	const description = seen.error?.description ?? '';
	const notSentTwice = /not sent twice/i.test(description);
	if (fault.class === 'token') {
		if (seen.signIns > 0)
			parts.push(
				`refused, signed in again ${timesWord(seen.signIns)}, sent again (${seen.apiCalls} calls)`,
			);
		else
			parts.push(
				`sent ${timesWord(seen.apiCalls)}${seen.apiCalls === 2 ? ' (n8n-core re-sends once after a 401)' : ''}, not retried by the node`,
			);
	} else if (seen.attempts === 1 && seen.readBacks > 0) {
		parts.push('read back: carried out, so not re-sent');
	} else if (seen.attempts === 1) {
		parts.push(notSentTwice ? 'not re-sent' : 'sent once, not retried');
	} else if (seen.attempts === 2) {
		parts.push(`retried once after ${secondsOf(seen.gaps[0])}`);
	} else {
		parts.push(`${seen.attempts} tries (waits ${seen.gaps.map(secondsOf).join(', ')})`);
	}
	if (seen.attempts > 1 && seen.readBacks > 0)
		parts.push(`read back ${timesWord(seen.readBacks)}, each re-send built on the read before it`);
	parts.push(
		seen.error
			? `error ${seen.error.httpCode || '(no status)'} '${shorten(seen.error.message)}'`
			: `ok (${seen.items.length} item${seen.items.length === 1 ? '' : 's'})`,
	);
	if (notSentTwice) parts.push('error says check');
	const tried = /Tried (\d+) times/.exec(description);
	if (tried) parts.push(`error says tried ${tried[1]} times`);
	if (kind === 'create')
		parts.push(`${seen.created} task${seen.created === 1 ? '' : 's'} at the fake`);
	if (kind === 'add')
		parts.push(`${seen.created} new task${seen.created === 1 ? '' : 's'} on the shift`);
	if (kind === 'update')
		parts.push(
			seen.value === ASKED_VALUE
				? 'update applied as asked'
				: seen.value === original
					? 'task unchanged'
					: `value now ${JSON.stringify(seen.value)}`,
		);
	if (kind === 'read')
		parts.push(seen.created === 0 && seen.restKept ? 'nothing changed' : 'STATE CHANGED');
	if (!seen.restKept) parts.push('OTHER RECORDS CHANGED OR LOST');
	if (seen.note) parts.push(seen.note);
	if (fault.id === 'timeout') parts.push(`run took ${secondsOf(seen.tookMs)}`);
	if (seen.secretsLeaked.length > 0)
		parts.push(`SECRET IN OUTPUT (${seen.secretsLeaked.join(', ')})`);
	return parts.join('; ');
}

function record(vendor: VendorAdapter, fault: FaultCase, kind: OpKind, text: string): void {
	const byFault = outcomes.get(vendor.name) ?? new Map<string, Partial<Record<OpKind, string>>>();
	outcomes.set(vendor.name, byFault);
	byFault.set(fault.id, { ...byFault.get(fault.id), [kind]: text });
}

function matches(request: RecordedRequest, target: { method: string; path: string }): boolean {
	return request.method === target.method && request.path.replace(/\/$/, '') === target.path;
}

/** What the user would expect, by the retry rules: the tries of the faulted request, and the read-backs before them. */
function expectedOf(
	vendor: VendorAdapter,
	fault: FaultCase,
	kind: OpKind,
	operation: Operation,
): { ok: boolean; attempts?: number; readBacks: number } {
	const checked = operation.readBack !== undefined;
	switch (fault.class) {
		case 'refused':
			return { ok: true, attempts: 2, readBacks: 0 };
		case 'unsure':
			// A POST is not sent again; a GET, PUT or PATCH is. A write built from a read is read back first, and is not
			// sent again when the read finds it done.
			if (kind === 'create') return { ok: false, attempts: 1, readBacks: 0 };
			if (checked) return { ok: true, attempts: fault.actedBeforeFailing ? 1 : 2, readBacks: 1 };
			return { ok: true, attempts: 2, readBacks: 0 };
		case 'final':
			return { ok: false, attempts: 1, readBacks: 0 };
		case 'token':
			return { ok: vendor.renewsToken, attempts: undefined, readBacks: 0 };
		case 'persistent':
			return {
				ok: false,
				attempts: 1 + retryPolicy.maxRetries,
				readBacks: checked ? retryPolicy.maxRetries : 0,
			};
	}
}

async function runCase(vendor: VendorAdapter, fault: FaultCase, kind: OpKind): Promise<void> {
	const engine = new Engine();
	const ctx = vendor.setup(engine);
	const spec = (parameters: IDataObject) => ({
		type: vendor.nodeType,
		credentialType: vendor.credentialType,
		credentialId: ctx.credentialId,
		parameters,
	});
	if (fault.class === 'token')
		await vendor.expireToken(
			engine,
			ctx,
			async (parameters) => await runNode(engine, spec(parameters)),
		);
	const operation = vendor.operations(ctx)[kind]!;
	operationLabels.set(vendor.name, {
		...operationLabels.get(vendor.name),
		[kind]: operation.label,
	});
	const before = vendor.state(ctx);
	const original = before.value;
	vendor.fake.server.clearRequests();
	if (fault.fault)
		vendor.fake.server.fault({
			fault: fault.fault(vendor, kind),
			times: fault.times ?? 1,
			method: operation.target.method,
			path: operation.target.path,
		});

	const saved = { ...retryPolicy };
	Object.assign(retryPolicy, fault.policy ?? {});
	let run: NodeRun;
	const runStarted = Date.now();
	try {
		run = await runNode(engine, spec(operation.parameters));
	} finally {
		Object.assign(retryPolicy, saved);
	}
	const tookMs = Date.now() - runStarted;
	if (fault.settleMs) await sleep(fault.settleMs);
	vendor.fake.server.clearFaults();

	// ---- what happened
	const requests = [...vendor.fake.requests];
	const targeted = requests.filter((request) => matches(request, operation.target));
	const firstAttemptAt = targeted.length > 0 ? requests.indexOf(targeted[0]) : requests.length;
	const readBack = operation.readBack;
	const after = vendor.state(ctx);
	const errorText = JSON.stringify(run.run);
	const secrets = [...vendor.fake.configuredSecrets, ...vendor.fake.issuedSecrets];
	const seen: Observation = {
		attempts: targeted.length,
		readBacks: readBack
			? requests.slice(firstAttemptAt).filter((request) => matches(request, readBack)).length
			: 0,
		gaps: targeted.slice(1).map((request, i) => request.at - targeted[i].at),
		apiCalls: requests.filter((request) => !vendor.isSignIn(request)).length,
		signIns: requests.filter((request) => vendor.isSignIn(request)).length,
		items: run.items.map((item) => item.json),
		error: run.error
			? {
					message: String(run.error.message),
					httpCode: String(run.error.httpCode ?? ''),
					description: String(run.error.description ?? ''),
				}
			: undefined,
		created: after.created,
		value: after.value,
		restKept: JSON.stringify(after.rest) === JSON.stringify(before.rest),
		secretsLeaked: [
			...new Set(
				secrets
					.filter((secret) => secret.value && errorText.includes(secret.value))
					.map((secret) => secret.kind),
			),
		],
		tookMs,
		note: after.note,
	};
	record(vendor, fault, kind, describeOutcome(fault, kind, seen, original));

	// ---- what a user would expect
	const expected = expectedOf(vendor, fault, kind, operation);
	// Nothing else at the vendor changed or went missing (a Humanity shift keeps every task), and nothing leaked.
	expect(seen.secretsLeaked).toEqual([]);
	expect(after.rest).toEqual(before.rest);
	// A timeout case: the node stops waiting after retryPolicy.timeoutMs, well before the fake's late answer.
	if (fault.policy?.timeoutMs !== undefined) expect(seen.tookMs).toBeLessThan(FAULT_DELAY_MS);

	if (expected.ok) {
		expect(seen.error).toBeUndefined();
		expect(seen.items.length).toBeGreaterThan(0);
		expect(seen.items.every((item) => item.error === undefined)).toBe(true);
		if (kind === 'create' || kind === 'add')
			expect(JSON.stringify(seen.items)).toContain(CREATED_NAME);
		if (kind === 'update') expect(JSON.stringify(seen.items)).toContain(ASKED_VALUE);
	} else {
		expect(seen.error).toBeDefined();
		expect(seen.items).toEqual([]);
	}

	// The requests the vendor received: the faulted one as often as the rules say, every other one once.
	if (expected.attempts !== undefined) {
		expect(seen.attempts).toBe(expected.attempts);
		expect(seen.readBacks).toBe(expected.readBacks);
		expect(seen.apiCalls).toBe(seen.attempts + operation.cleanCalls - 1 + seen.readBacks);
	}
	if (fault.class === 'refused') {
		// Retry-After: 1 is waited out in full.
		expect(seen.gaps[0]).toBeGreaterThanOrEqual(1000);
	}
	if (fault.class === 'persistent') {
		// Capped exponential backoff between the tries.
		seen.gaps.forEach((gap, i) =>
			expect(gap).toBeGreaterThanOrEqual(
				Math.min(retryPolicy.maxDelayMs, retryPolicy.baseDelayMs * 2 ** i),
			),
		);
	}
	if (fault.class === 'token') {
		if (vendor.renewsToken) {
			// Refused once, one new sign-in, the refused call sent again.
			expect(seen.signIns).toBe(1);
			expect(seen.apiCalls).toBe(operation.cleanCalls + 1);
		} else {
			// Not retried by the node. n8n-core itself sends a request refused with 401 once more after its credential
			// step (httpRequestWithAuthentication), unless the node reads failures as answers (Open Dental): 1 or 2, no more.
			expect(seen.signIns).toBe(0);
			expect(seen.apiCalls).toBeGreaterThanOrEqual(1);
			expect(seen.apiCalls).toBeLessThanOrEqual(2);
			expect(seen.error?.httpCode).toBe('401');
			expect(seen.error?.message).toMatch(new RegExp(`^${vendor.name}: \\S`));
		}
	}

	// The error: the vendor's words and status, and what was tried.
	if (seen.error) {
		if (fault.class === 'final') {
			const failure = vendor.failureEnvelope(kind);
			expect(seen.error.message).toBe(failure.message);
			expect(seen.error.httpCode).toBe(String(failure.status));
		}
		if (fault.http) {
			expect(seen.error.message).toBe(
				vendor.httpFailure(fault.http.status, fault.http.words).message,
			);
			expect(seen.error.httpCode).toBe(String(fault.http.status));
		}
		if (fault.class === 'unsure') {
			// A create whose outcome is unknown: not sent twice, and the user is told to check.
			expect(seen.error.description).toMatch(
				new RegExp(`may still have reached ${vendor.name}: check there`),
			);
			expect(seen.error.description).toMatch(/not sent twice/);
		}
		if (fault.class === 'persistent')
			expect(seen.error.description).toContain(`Tried ${1 + retryPolicy.maxRetries} times.`);
	}

	// The fake's final state: no duplicate write, nothing lost, the update exactly as asked.
	const reached = expected.ok || Boolean(fault.reachesHandler);
	if (kind === 'create' || kind === 'add') expect(seen.created).toBe(reached ? 1 : 0);
	else expect(seen.created).toBe(0);
	if (kind === 'update') expect(seen.value).toBe(reached ? ASKED_VALUE : original);
	if (kind === 'read') expect(seen.value).toBe(original);
}

beforeAll(async () => {
	Object.assign(retryPolicy, RUN_POLICY);
	for (const vendor of VENDORS) await vendor.fake.start();
});

afterAll(async () => {
	Object.assign(retryPolicy, SHIPPED_POLICY);
	for (const vendor of VENDORS) await vendor.fake.stop();
	writeReport();
});

for (const vendor of VENDORS) {
	describe(vendor.name, () => {
		for (const fault of FAULTS) {
			for (const kind of (fault.kinds ?? OP_KINDS).filter((candidate) =>
				vendor.kinds.includes(candidate),
			)) {
				it(`${fault.label} × ${kind}`, async () => {
					try {
						await runCase(vendor, fault, kind);
					} catch (error) {
						// The report says which cases broke the policy, with the check that failed.
						const check = String((error as Error).message)
							.replace(/\u001b\[[0-9;]*m/g, '')
							.split('\n')
							.map((line) => line.trim())
							.filter(Boolean)
							.slice(0, 3)
							.join(' ');
						failures.push(`${vendor.name} · ${fault.label} × ${kind}: ${check}`);
						const cell = outcomes.get(vendor.name)?.get(fault.id)?.[kind];
						if (cell !== undefined) record(vendor, fault, kind, `**FAILS** — ${cell}`);
						throw error;
					}
				});
			}
		}
	});
}

function caseCount(): number {
	return [...outcomes.values()].reduce(
		(sum, byFault) =>
			sum + [...byFault.values()].reduce((count, cells) => count + Object.keys(cells).length, 0),
		0,
	);
}

/** Section 10 of docs/RELIABILITY.md, from what the cases observed. */
function writeReport(): void {
	const shipped = SHIPPED_POLICY;
	const policy = [
		'## Faults: every vendor, every fault, a read, a create and an update (Humanity: also a Shift Task Add)',
		'',
		`Retry policy as shipped (\`retryPolicy\` in nodes/shared/retry.ts): at most ${shipped.maxRetries} retries after the first try; ` +
			`when the vendor gives no Retry-After the wait starts at ${shipped.baseDelayMs} ms and doubles, capped at ${shipped.maxDelayMs} ms; ` +
			`a Retry-After up to ${shipped.maxRetryAfterMs / 1000} s is waited out (a longer one is an error at once); ` +
			`a request without an answer after ${shipped.timeoutMs / 1000} s counts as a lost answer. ` +
			'A 429 (or a refused connection) is sent again for any method; a 5xx, a timeout, a dropped connection or an unreadable answer only for GET, PUT and PATCH; ' +
			'a failure envelope is never sent again. ' +
			"Humanity's shift-task writes (a PUT of the whole list, built from a read) are not sent again as they were: after an unknown outcome the shift is read back; " +
			'a write found done is not repeated, one not found is rebuilt on that read and sent.',
		'',
		`In this run the waits were shortened where their length is not the point: backoff from ${RUN_POLICY.baseDelayMs} ms, capped at ${RUN_POLICY.maxDelayMs} ms; ` +
			`the timeout cases waited ${TIMEOUT_MS} ms for a fake that answers after ${FAULT_DELAY_MS} ms. Retry-After was kept real (1 s). ` +
			"Each fault was aimed at the operation's own request (Humanity's Shift Task Update: at its PUT, after the read of the shift), once unless said. " +
			`The fake's state was checked after every case: records other than the one written are compared field by field (edit times aside). ` +
			`Whole file: ${secondsOf(Date.now() - started)}.`,
	];
	const sections = [...outcomes.entries()].map(([vendorName, byFault]) => {
		const labels = operationLabels.get(vendorName) ?? {};
		const kinds = OP_KINDS.filter((kind) => labels[kind] !== undefined);
		const header = ['fault', ...kinds.map((kind) => `${kind}: ${labels[kind]}`)];
		const rows = FAULTS.filter((fault) => byFault.has(fault.id)).map((fault) => [
			fault.label,
			...kinds.map((kind) => byFault.get(fault.id)?.[kind] ?? '—'),
		]);
		return [`### ${vendorName}`, '', markdownTable(header, rows)].join('\n');
	});
	const verdict =
		failures.length === 0
			? [`All ${caseCount()} cases did what the policy says.`]
			: [
					`${failures.length} of ${caseCount()} cases did not do what the policy says (marked **FAILS** below):`,
					'',
					...failures.map((failure) => `- ${failure}`),
				];
	writeSection(
		10,
		'faults',
		[...policy, '', ...verdict, '', ...sections.flatMap((section) => [section, ''])].join('\n'),
	);
}

/**
 * The fake's [inferred] options no sheet line decides (or the sheet calls unknown), each run with both answers:
 * the node must not pass under one answer only. (Others tested both ways stay with their behaviour: firstPage
 * and nullOnOptionalText in staffTask.test.ts, listOrder and refinalizeOnSameStatus in trigger.test.ts,
 * lookupNotFoundStatus in client.test.ts.)
 */
import type { IDataObject } from 'n8n-workflow';
import type { OliverFakeOptions } from '../../fakes/oliver';
import { searchList } from '../harness';
import { apiCalls, credentialData, credentialId, engine, fake, oliver, useOliver } from './setup';

useOliver();

const defaults = { ...fake.options };
/** The shared fake answers with `options` for one test. */
const answerWith = (options: OliverFakeOptions) => Object.assign(fake.options, options);
afterEach(() => {
	Object.assign(fake.options, defaults);
});

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe.each([401, 403])(
	'[inferred] wrongLocationStatus %s (sheet Unknown: the status for a wrong X-Client-Id)',
	(wrongLocationStatus) => {
		it('a wrong location fails with Oliver’s status, after one sign-in retry at most', async () => {
			answerWith({ wrongLocationStatus });
			engine.credentials.update(credentialId, credentialData({ locationId: 'another-practice' }));
			const { error } = await oliver({
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: true,
			});
			expect(error?.httpCode).toBe(String(wrongLocationStatus));
			expect(fake.signInCount).toBeLessThanOrEqual(2);
		});
	},
);

describe.each(['reject', 'clamp'] as const)(
	'[inferred] perPageAboveMax %s (no sheet line decides per_page above 100)',
	(perPageAboveMax) => {
		it('Get Many with Return All reads all 150 tasks once, never asking above 100 per page', async () => {
			answerWith({ perPageAboveMax });
			const all = Array.from({ length: 150 }, (_, i) => fake.addTask({ title: `t${i}` }).id);
			const { items, error } = await oliver({
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: true,
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.id)).toEqual(all);
			for (const call of apiCalls()) expect(Number(call.query.per_page)).toBeLessThanOrEqual(100);
		});
	},
);

describe.each(['reject', 'ignore'] as const)(
	'[inferred] invalidListQuery %s (the list documents no 400)',
	(invalidListQuery) => {
		it('Get Many filtered by status sends a status Oliver knows and outputs only those tasks', async () => {
			answerWith({ invalidListQuery });
			const done = fake.addTask({ title: 'done', status: 'completed' });
			fake.addTask({ title: 'open' });
			const { items, error } = await oliver({
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'completed' },
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.id)).toEqual([done.id]);
			expect(apiCalls()[0].query.status).toBe('completed');
		});
	},
);

describe.each([
	['reject', true],
	['ignore', false],
] as const)(
	'[inferred] unknownFields %s, strictTypes %s (no sheet line decides extra fields or numbers for strings)',
	(unknownFields, strictTypes) => {
		it('Create and Update with every field send only documented fields, ids and text as strings', async () => {
			answerWith({ unknownFields, strictTypes });
			const client = fake.addClient({ name: 'Dana Smith' });
			const patient = fake.addPatient({ name: 'Rex', client_id: client.id });
			const fields = {
				description: '={{ 42 }}',
				taskType: 'rx_refill',
				clientId: rl(client.id),
				patientId: rl(patient.id),
				referenceTimeAt: '2026-12-01T09:30:00Z',
			};
			const created = await oliver({
				resource: 'staffTask',
				operation: 'create',
				title: '={{ 7 }}',
				additionalFields: fields,
			});
			expect(created.error).toBeUndefined();
			const id = created.items[0].json.id as string;
			const updated = await oliver({
				resource: 'staffTask',
				operation: 'update',
				taskId: id,
				updateFields: { title: '={{ 8 }}', ...fields },
			});
			expect(updated.error).toBeUndefined();
			for (const call of apiCalls()) {
				const body = call.body as IDataObject;
				for (const key of ['title', 'description', 'client_id', 'patient_id'])
					expect(typeof body[key]).toBe('string');
			}
			expect(fake.tasks.get(id)).toMatchObject({ title: '8', description: '42' });
		});
	},
);

describe.each([
	[400, 'Oliver: client_id: client cl_404 not found'],
	[null, undefined],
] as const)(
	'[inferred] unknownReferenceStatus %s (no sheet line decides a client_id naming nothing)',
	(unknownReferenceStatus, message) => {
		it('Create naming a client Oliver does not know: Oliver’s answer is what the node reports', async () => {
			answerWith({ unknownReferenceStatus });
			const { error } = await oliver({
				resource: 'staffTask',
				operation: 'create',
				title: 'x',
				additionalFields: { clientId: rl('cl_404') },
			});
			expect(error?.message).toBe(message);
			expect(fake.tasks.size).toBe(message === undefined ? 1 : 0);
		});
	},
);

describe.each([
	[true, 'Oliver: Staff task st_1 cannot be canceled'],
	[false, undefined],
] as const)(
	'[inferred] enforceCancellationAllowed %s (no sheet line says what cancellation_allowed: false does)',
	(enforceCancellationAllowed, message) => {
		it('Delete of a task that does not allow cancelling: Oliver’s answer is what the node reports', async () => {
			answerWith({ enforceCancellationAllowed });
			const task = fake.addTask({ title: 'Locked', cancellation_allowed: false });
			const { items, error } = await oliver({
				resource: 'staffTask',
				operation: 'delete',
				taskId: task.id,
			});
			expect(error?.message).toBe(message);
			expect(items.map((item) => item.json)).toEqual(
				message === undefined ? [{ id: task.id, deleted: true }] : [],
			);
		});
	},
);

describe.each([
	['ok', undefined],
	['reject', 'Oliver: Staff task st_1 is already canceled'],
] as const)(
	'[inferred] deleteCanceled %s (no sheet line decides a DELETE of a canceled task)',
	(deleteCanceled, message) => {
		it('Delete of a task already canceled: Oliver’s answer is what the node reports', async () => {
			answerWith({ deleteCanceled });
			const task = fake.addTask({ title: 'Gone', status: 'canceled' });
			const { error } = await oliver({
				resource: 'staffTask',
				operation: 'delete',
				taskId: task.id,
			});
			expect(error?.message).toBe(message);
			expect(fake.tasks.get(task.id)!.status).toBe('canceled');
		});
	},
);

describe.each(['refuse', 'accept'] as const)(
	'[inferred] blankTitle %s (no sheet line decides a blank title)',
	(blankTitle) => {
		it('a blank Title is refused by the node on Create and Update, before any request', async () => {
			answerWith({ blankTitle });
			const task = fake.addTask({ title: 'Keep' });
			const create = await oliver({
				resource: 'staffTask',
				operation: 'create',
				title: '={{ "  " }}',
			});
			const update = await oliver({
				resource: 'staffTask',
				operation: 'update',
				taskId: task.id,
				updateFields: { title: '={{ " " }}' },
			});
			for (const { error } of [create, update]) expect(error?.message).toMatch(/Title/);
			expect(apiCalls()).toEqual([]);
			expect(fake.tasks.get(task.id)!.title).toBe('Keep');
		});
	},
);

describe.each(['as-sent', 'utc'] as const)(
	'[inferred] referenceTimeAnswer %s (no sheet line decides how reference_time_at is answered)',
	(referenceTimeAnswer) => {
		it('the normalized due time is the same instant whichever way Oliver writes it', async () => {
			answerWith({ referenceTimeAnswer });
			const { items, error } = await oliver({
				resource: 'staffTask',
				operation: 'create',
				title: 'x',
				additionalFields: { referenceTimeAt: '2026-12-01T15:30:00+01:00' },
				outputFormat: 'normalized',
			});
			expect(error).toBeUndefined();
			expect(Date.parse(items[0].json.dueAt as string)).toBe(Date.parse('2026-12-01T14:30:00Z'));
		});
	},
);

describe.each([
	['contains', 'absent', 'all'],
	['prefix', 'match-all', 'any'],
	['exact', 'absent', 'any'],
] as const)(
	'[inferred] lookupMatch %s, emptySearchValue %s, searchFilters %s (no sheet line decides how a client search matches)',
	(lookupMatch, emptySearchValue, searchFilters) => {
		it('the client picker waits for a filter, sends what the user typed and lists what Oliver finds', async () => {
			answerWith({ lookupMatch, emptySearchValue, searchFilters });
			const dana = fake.addClient({ name: 'Dana Smith' });
			const spec = {
				type: 'oliver',
				credentialId,
				parameters: { resource: 'staffTask', operation: 'create' },
			};
			expect(await searchList(engine, spec, 'searchClients', '')).toEqual([]);
			expect(apiCalls()).toEqual([]);
			const results = await searchList(engine, spec, 'searchClients', 'Dana Smith');
			expect(apiCalls()[0].query).toEqual({ name: 'Dana Smith' });
			expect(results.map((result) => result.value)).toEqual([dana.id]);
		});
	},
);

describe.each(['token-first', 'location-first'] as const)(
	'[inferred] authOrder %s (no sheet line decides whether the token or the location is checked first)',
	(authOrder) => {
		it('a wrong location (answered 403): the run fails with the location’s status, without signing in again', async () => {
			answerWith({ authOrder, wrongLocationStatus: 403 });
			engine.credentials.update(credentialId, credentialData({ locationId: 'another-practice' }));
			const { error } = await oliver({
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: true,
			});
			expect(error?.httpCode).toBe('403');
			expect(fake.signInCount).toBeLessThanOrEqual(1);
		});
	},
);

describe.each([
	['empty', undefined],
	['reject', 'Oliver: client_id: client cl_gone not found'],
] as const)(
	'[inferred] unknownClientPatients %s (no sheet line decides the patients of a client naming nothing)',
	(unknownClientPatients, message) => {
		it('Patient Get Many for a client Oliver does not know: Oliver’s answer is what the node reports', async () => {
			answerWith({ unknownClientPatients });
			const { items, error } = await oliver({
				resource: 'patient',
				operation: 'getAll',
				clientId: rl('cl_gone'),
			});
			expect(error?.message).toBe(message);
			expect(items).toEqual([]);
			expect(apiCalls()[0].query.client_id).toBe('cl_gone');
		});
	},
);

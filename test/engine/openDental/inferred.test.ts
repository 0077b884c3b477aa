/**
 * The fake's [inferred] options no sheet line decides, each run with both answers: the node must not pass
 * under one answer only. (Older options tested both ways stay in the files about their behaviour.)
 */
import type { IDataObject } from 'n8n-workflow';
import type { OpenDentalFake, OpenDentalFakeOptions } from '../../fakes/openDental';
import { pollTrigger, testCredential } from '../harness';
import { engine, openDental, rl, useOpenDental, withFake } from './setup';

jest.setTimeout(30_000);

useOpenDental();

/** Another fake with the answer under test, its Front Desk list (74) and Maria (3). */
function withOffice(
	options: OpenDentalFakeOptions,
	body: (other: OpenDentalFake, credentialId: string) => Promise<void>,
) {
	return withFake(options, async (other, credentialId) => {
		other.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
		other.addUser({ UserNum: 3, UserName: 'Maria' });
		await body(other, credentialId);
	});
}

const addTask = (other: OpenDentalFake, partial: IDataObject = {}) =>
	other.addTask({ TaskListNum: 74, Descript: 'A task', UserNum: 3, ...partial });

const runIn = (credentialId: string, parameters: IDataObject) =>
	openDental(parameters, undefined, { credentialId });

/** The trigger watches a window back from the real now: a fake on the real clock. */
const realClock = { clock: () => new Date() };

const poll = (credentialId: string, staticData: IDataObject, event: string) =>
	pollTrigger(
		engine,
		{
			type: 'openDentalTrigger',
			credentialType: 'openDentalApi',
			credentialId,
			parameters: { event },
		},
		staticData,
		'trigger',
	);

const taskNums = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => item.json.TaskNum);

describe.each(['task-num', 'task-num-desc'] as const)(
	'[inferred] listOrder %s (no sheet line decides the order of GET /tasks)',
	(listOrder) => {
		it('Get Many with Return All outputs every task once, across pages', async () => {
			await withOffice({ listOrder }, async (other, credentialId) => {
				const all = Array.from({ length: 150 }, () => addTask(other).TaskNum);
				const { items, error } = await runIn(credentialId, {
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
				});
				expect(error).toBeUndefined();
				const output = items.map((item) => item.json.TaskNum as number);
				expect([...output].sort((a, b) => a - b)).toEqual(all);
			});
		});

		it('the trigger emits each new task once, oldest TaskNum first, across pages', async () => {
			await withOffice({ listOrder, ...realClock }, async (other, credentialId) => {
				for (let i = 0; i < 120; i++) addTask(other);
				const staticData: IDataObject = {};
				expect(await poll(credentialId, staticData, 'taskCreated')).toBeNull();
				const added = [addTask(other).TaskNum, addTask(other).TaskNum];
				expect(taskNums(await poll(credentialId, staticData, 'taskCreated'))).toEqual(added);
				expect(await poll(credentialId, staticData, 'taskCreated')).toBeNull();
			});
		});
	},
);

describe.each(['refuse', 'accept'] as const)(
	'[inferred] blankDescript %s (no sheet line decides whether Descript may be blank)',
	(blankDescript) => {
		it('a blank Description is refused by the node on Create and Update, before any request', async () => {
			await withOffice({ blankDescript }, async (other, credentialId) => {
				const task = addTask(other);
				const create = await runIn(credentialId, {
					resource: 'task',
					operation: 'create',
					taskListNum: rl(74),
					descript: '   ',
					userNum: rl(3),
				});
				const update = await runIn(credentialId, {
					resource: 'task',
					operation: 'update',
					taskNum: String(task.TaskNum),
					updateFields: { descript: ' ' },
				});
				for (const { error } of [create, update]) expect(error?.message).toMatch(/Description/);
				expect(other.requests).toEqual([]);
				expect(other.tasks.get(task.TaskNum)!.Descript).toBe('A task');
			});
		});
	},
);

describe.each(['every-put', 'change'] as const)(
	'[inferred] secDateTEditOn %s (no sheet line decides when SecDateTEdit moves)',
	(secDateTEditOn) => {
		it('task status changed: an Update that changes no status emits nothing; a status change emits once', async () => {
			await withOffice({ secDateTEditOn, ...realClock }, async (other, credentialId) => {
				const task = addTask(other, { Descript: 'Same' });
				const staticData: IDataObject = {};
				expect(await poll(credentialId, staticData, 'taskStatusChanged')).toBeNull();
				const update = await runIn(credentialId, {
					resource: 'task',
					operation: 'update',
					taskNum: String(task.TaskNum),
					updateFields: { descript: 'Same' },
				});
				expect(update.error).toBeUndefined();
				expect(await poll(credentialId, staticData, 'taskStatusChanged')).toBeNull();
				const viewed = await runIn(credentialId, {
					resource: 'task',
					operation: 'markViewed',
					taskNum: String(task.TaskNum),
				});
				expect(viewed.error).toBeUndefined();
				const emitted = await poll(credentialId, staticData, 'taskStatusChanged');
				expect(emitted?.map((item) => [item.json.TaskNum, item.json.previousTaskStatus])).toEqual([
					[task.TaskNum, 'New'],
				]);
			});
		});
	},
);

describe.each(['refuse', 'midnight'] as const)(
	'[inferred] dateOnlyDateTime %s (no sheet line decides whether a date alone is a date-time)',
	(dateOnlyDateTime) => {
		it('a date alone in Created After and Entry Time is sent as a full date-time, and Open Dental takes it', async () => {
			await withOffice({ dateOnlyDateTime }, async (other, credentialId) => {
				const listed = await runIn(credentialId, {
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { dateTimeOriginal: '2026-02-20' },
				});
				const created = await runIn(credentialId, {
					resource: 'task',
					operation: 'create',
					taskListNum: rl(74),
					descript: 'x',
					userNum: rl(3),
					additionalFields: { dateTimeEntry: '2026-03-02' },
				});
				expect([listed.error, created.error]).toEqual([undefined, undefined]);
				const fullDateTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
				expect(other.requests[0].query.DateTimeOriginal).toMatch(fullDateTime);
				expect((other.requests[1].body as IDataObject).DateTimeEntry).toMatch(fullDateTime);
				expect(other.tasks.size).toBe(1);
			});
		});
	},
);

describe.each(['content-type-first', 'auth-first'] as const)(
	'[inferred] gateOrder %s (no sheet line decides the order of the checks)',
	(gateOrder) => {
		it('Test button with a wrong customer key: the node sends Content-Type, so the key is what is refused', async () => {
			await withOffice({ gateOrder }, async (other) => {
				const verdict = await testCredential(engine, 'openDentalApi', {
					...other.credentialData(),
					customerApiKey: 'not-the-office',
				});
				expect(verdict).toEqual({
					status: 'Error',
					message: expect.stringContaining('Open Dental did not accept the keys'),
				});
			});
		});

		it('an office too old for Get: the documented words reach the error', async () => {
			await withOffice({ gateOrder, version: '24.4.0' }, async (_other, credentialId) => {
				const { error } = await runIn(credentialId, {
					resource: 'task',
					operation: 'get',
					taskNum: '1',
				});
				expect(error?.message).toMatch(
					/^Open Dental: The version of the dental office is not high enough/,
				);
			});
		});
	},
);

describe.each([
	['not-found', 'Open Dental: TaskList 999 not found.'],
	['empty', undefined],
] as const)(
	'[inferred] unknownTaskListFilter %s (GET /tasks documents a 404 without saying when)',
	(unknownTaskListFilter, message) => {
		it('Get Many filtered by a task list Open Dental does not know: its answer is what the node reports', async () => {
			await withOffice({ unknownTaskListFilter }, async (other, credentialId) => {
				addTask(other);
				const { items, error } = await runIn(credentialId, {
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { taskListNum: rl(999) },
				});
				expect(error?.message).toBe(message);
				expect(items).toEqual([]);
				expect(other.requests[0].query.TaskListNum).toBe('999');
			});
		});
	},
);

/**
 * Dates: n8n dates sent in the office's time zone from the credential (or the workflow's), and `<Field>Iso` beside
 * every raw date in the output.
 */
import type { IDataObject } from 'n8n-workflow';
import { UNSET_DATE_TIME } from '../../fakes/openDental';
import {
	addTask,
	credentialFor,
	engine,
	expectIsoBesideEveryDate,
	fake,
	ok,
	openDental,
	rl,
	setCredentialId,
	useOpenDental,
} from './setup';

useOpenDental();

describe('dates', () => {
	const create = (dateTimeEntry: string) =>
		ok({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74),
			descript: 'x',
			userNum: rl(3),
			additionalFields: { dateTimeEntry },
		});

	it('an n8n date with a zone is sent in the office’s time zone from the credential', async () => {
		engine.timezone = 'Asia/Tokyo';
		await create('2026-03-02T15:30:00Z');
		await create('2026-03-02T15:30:00.000+01:00');
		expect(fake.requests.map((request) => (request.body as IDataObject).DateTimeEntry)).toEqual([
			'2026-03-02 09:30:00',
			'2026-03-02 08:30:00',
		]);
	});

	it('a date without a zone is read in the workflow’s time zone', async () => {
		engine.timezone = 'Europe/Berlin';
		await create('2026-03-02T16:30:00');
		expect((fake.requests[0].body as IDataObject).DateTimeEntry).toBe('2026-03-02 09:30:00');
	});

	it('with no office time zone in the credential, the workflow’s zone is the office’s', async () => {
		engine.timezone = 'Europe/Berlin';
		setCredentialId(credentialFor(fake, { officeTimeZone: '' }));
		const [created] = await create('2026-03-02T15:30:00Z');
		expect((fake.requests[0].body as IDataObject).DateTimeEntry).toBe('2026-03-02 16:30:00');
		expect(created.DateTimeEntryIso).toBe('2026-03-02T16:30:00+01:00');
	});

	it('an office time zone luxon does not know is an error before any request', async () => {
		setCredentialId(credentialFor(fake, { officeTimeZone: 'America/Chicgo' }));
		const { error } = await openDental({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74),
			descript: 'x',
			userNum: rl(3),
			additionalFields: { dateTimeEntry: '2026-03-02T15:30:00Z' },
		});
		expect(error?.message).toContain('America/Chicgo');
		expect(fake.requests).toEqual([]);
	});

	it('outputs <Field>Iso beside every raw date: ISO 8601 with the office’s offset, null when unset', async () => {
		const task = addTask({
			DateTask: '2026-03-05',
			DateTimeEntry: '2026-02-27 08:05:00',
			DateTimeOriginal: '2026-02-27 08:00:00',
			SecDateTEdit: '2026-07-04 09:00:00',
			DateTimeFinished: UNSET_DATE_TIME,
		});

		const [item] = await ok({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) });

		expect(item).toMatchObject({
			DateTask: '2026-03-05',
			DateTaskIso: '2026-03-05',
			DateTimeEntryIso: '2026-02-27T08:05:00-06:00',
			DateTimeOriginalIso: '2026-02-27T08:00:00-06:00',
			SecDateTEditIso: '2026-07-04T09:00:00-05:00',
			DateTimeFinished: UNSET_DATE_TIME,
			DateTimeFinishedIso: null,
		});
		expect(expectIsoBesideEveryDate(item).sort()).toEqual([
			'DateTask',
			'DateTimeEntry',
			'DateTimeFinished',
			'DateTimeOriginal',
			'SecDateTEdit',
		]);
	});

	it('an unset DateTask (0001-01-01) outputs null', async () => {
		const task = addTask();
		const [item] = await ok({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) });
		expect([item.DateTask, item.DateTaskIso]).toEqual(['0001-01-01', null]);
	});

	it('optional fields added but left empty are left out of Create, and refused by Update, never sent empty (no document says empty clears)', async () => {
		const created = await ok({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74, 'id'),
			descript: 'Verify insurance',
			userNum: rl(3),
			additionalFields: { descriptOverride: '', dateTimeEntry: '' },
		});
		const task = addTask({ Descript: 'Old', DescriptOverride: 'keep' });
		const { error } = await openDental({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			keepDoneStatus: false,
			updateFields: { descript: 'New', descriptOverride: '' },
		});

		expect(created).toHaveLength(1);
		expect(fake.requests.map((request) => request.body)).toEqual([
			{ TaskListNum: 74, Descript: 'Verify insurance', UserNum: 3 },
		]);
		// Update: an empty Short Description is refused before any request, naming the field.
		expect(error?.message).toContain('Short Description');
		expect(fake.tasks.get(task.TaskNum)).toMatchObject({
			Descript: 'Old',
			DescriptOverride: 'keep',
		});
	});
});

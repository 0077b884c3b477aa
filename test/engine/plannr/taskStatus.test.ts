/**
 * Task statuses: Get Many, Create and Update (what Plannr receives, what n8n outputs, Plannr's refusals and
 * the fake's [inferred] options both ways), bad input refused before any request, and the status pickers
 * (all statuses; open ones for Reopen).
 */
import type { IDataObject } from 'n8n-workflow';
import { PlannrFake, type PlannrFakeOptions } from '../../fakes/plannr';
import { loadOptions, runNode, type NodeRun } from '../harness';
import {
	TOKEN,
	archived,
	calls,
	clock,
	doing,
	done,
	engine,
	fake,
	ok,
	plannr,
	queryOf,
	spec,
	todo,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

/** One run against another fake, with other [inferred] options, and the statuses every test starts with. */
async function withFake(
	options: PlannrFakeOptions,
	parameters: (other: PlannrFake) => IDataObject,
): Promise<{ other: PlannrFake; run: NodeRun }> {
	const other = new PlannrFake({ clock, personalAccessToken: TOKEN, ...options });
	await other.start();
	try {
		const credentialId = engine.credentials.add('plannrApi', other.credentialData()).id!;
		const run = await runNode(engine, {
			...spec(parameters(other)),
			credentialId,
		});
		return { other, run };
	} finally {
		await other.stop();
	}
}

describe('task status and account', () => {
	it('Task Status: Get Many lists the firm’s statuses in their order', async () => {
		const items = await ok({ resource: 'taskStatus', operation: 'getAll' });
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(queryOf(fake.requests[0])).toEqual({ sort: 'position', page: '1', per_page: '500' });
		expect(items.map((item) => [item.name, item.is_type_completed, item.is_archived])).toEqual([
			['To do', false, false],
			['In progress', false, false],
			['Completed', true, false],
			['Archived', false, true],
		]);
		expect(items[0]).toMatchObject({
			uuid: todo.uuid,
			colour: '#9CA3AF',
			position: 1,
			is_not_started: true,
		});
		expect(items[3].uuid).toBe(archived.uuid);
	});

	it('Task Status: Get Many and the status picker read every status whether Plannr answers {data} or a paged list ([inferred] both)', async () => {
		for (let i = 0; i < 16; i++) fake.addStatus({ name: `Stage ${String(i).padStart(2, '0')}` });
		for (const statusListPaginated of [false, true]) {
			fake.server.clearRequests();
			const items = await withOptions({ statusListPaginated }, async () => {
				const listed = await ok({ resource: 'taskStatus', operation: 'getAll' });
				const picked = await loadOptions(
					engine,
					spec({ resource: 'task', operation: 'create' }),
					'getStatuses',
				);
				expect(picked.map((option) => option.value)).toEqual(
					listed.filter((status) => status.is_archived !== true).map((status) => status.uuid),
				);
				return listed;
			});
			// More than Plannr's default page of 15: a single unpaged read would stop there.
			expect(items).toHaveLength(20);
			expect(new Set(items.map((status) => status.uuid)).size).toBe(20);
			expect(fake.requests.map(queryOf)).toEqual([
				{ sort: 'position', page: '1', per_page: '500' },
				{ sort: 'position', page: '1', per_page: '500' },
			]);
		}
	});
});

describe('pickers', () => {
	it('statuses: the firm’s, in order, archived ones left out', async () => {
		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'getStatuses',
		);
		expect(options).toEqual([
			{ name: 'To do', value: todo.uuid },
			{ name: 'In progress', value: doing.uuid },
			{ name: 'Completed', value: done.uuid },
		]);
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].query).toEqual({ sort: 'position', page: '1', per_page: '500' });
	});

	it('open statuses (Reopen): no completed-type and no archived status', async () => {
		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'reopen' }),
			'getOpenStatuses',
		);
		expect(options).toEqual([
			{ name: 'To do', value: todo.uuid },
			{ name: 'In progress', value: doing.uuid },
		]);
	});
});

describe('task status: create and update', () => {
	const create = { resource: 'taskStatus', operation: 'create' };
	const update = { resource: 'taskStatus', operation: 'update' };
	const statusShape = {
		uuid: expect.any(String),
		created_at: expect.any(String),
		updated_at: expect.any(String),
		is_archived: false,
		is_type_completed: false,
		is_not_started: false,
	};

	it('Create sends the name and the colour as JSON and outputs the new status', async () => {
		const items = await ok({
			...create,
			name: 'Waiting on client',
			additionalFields: { colour: '#ff0000' },
		});

		expect(calls()).toEqual([`POST ${v1('/task-status')}`]);
		expect(fake.requests[0].headers['content-type']).toMatch(/^application\/json/);
		expect(fake.requests[0].body).toEqual({ name: 'Waiting on client', colour: '#ff0000' });
		expect(items).toEqual([
			{
				...statusShape,
				name: 'Waiting on client',
				colour: '#ff0000',
				position: archived.position + 1,
			},
		]);
		expect(fake.statuses.get(items[0].uuid as string)).toEqual(items[0]);
	});

	it('Create with a name only sends the name only; once per input item, with expressions', async () => {
		const items = await ok({ ...create, name: '={{ $json.name }}' }, [
			{ name: 'Parked' },
			{ name: 'Awaiting signature' },
		]);
		expect(fake.requests.map((request) => request.body)).toEqual([
			{ name: 'Parked' },
			{ name: 'Awaiting signature' },
		]);
		expect(items.map((item) => item.name)).toEqual(['Parked', 'Awaiting signature']);
		expect(new Set(items.map((item) => item.uuid)).size).toBe(2);
	});

	it('Update sends only the fields set and outputs the status; the rest stays as it was', async () => {
		const before = { ...fake.statuses.get(doing.uuid)! };
		const items = await ok({
			...update,
			statusUuid: doing.uuid,
			updateFields: { name: 'Under way' },
		});

		expect(calls()).toEqual([`PUT ${v1(`/task-status/${doing.uuid}`)}`]);
		expect(fake.requests[0].body).toEqual({ name: 'Under way' });
		expect(items).toEqual([{ ...before, name: 'Under way', updated_at: expect.any(String) }]);
		expect(fake.statuses.get(doing.uuid)).toEqual(items[0]);
	});

	it('Update sends colour and position as given; a mapped whole number as a number', async () => {
		const [updated] = await ok({
			...update,
			statusUuid: `={{ " ${todo.uuid} " }}`,
			updateFields: { colour: '#00aa00', position: '={{ "4" }}' },
		});
		expect(calls()).toEqual([`PUT ${v1(`/task-status/${todo.uuid}`)}`]);
		expect(fake.requests[0].body).toEqual({ colour: '#00aa00', position: 4 });
		expect(updated).toMatchObject({
			uuid: todo.uuid,
			name: 'To do',
			colour: '#00aa00',
			position: 4,
		});
	});

	it('a completed-type status: a new name is refused with Plannr’s reason, and nothing changes', async () => {
		const before = { ...fake.statuses.get(done.uuid)! };
		const { error, items } = await plannr({
			...update,
			statusUuid: done.uuid,
			updateFields: { name: 'Finished', position: 0 },
		});

		expect(fake.requests[0].body).toEqual({ name: 'Finished', position: 0 });
		expect(error?.httpCode).toBe('422');
		expect(error?.message).toBe(
			'Plannr: name: The name of a completed status cannot be changed: only its position can.',
		);
		expect(items).toEqual([]);
		expect(fake.statuses.get(done.uuid)).toEqual(before);
	});

	it('a completed-type status: its position alone is changed', async () => {
		const [moved] = await ok({ ...update, statusUuid: done.uuid, updateFields: { position: 0 } });
		expect(fake.requests[0].body).toEqual({ position: 0 });
		expect(moved).toMatchObject({ uuid: done.uuid, name: 'Completed', position: 0 });
	});

	it('completedStatusDetails ignore: Plannr answers 200 with the name it kept, and the node outputs that', async () => {
		const { other, run } = await withFake({ completedStatusDetails: 'ignore' }, (target) => ({
			...update,
			statusUuid: target.addStatus({ name: 'Completed', is_type_completed: true }).uuid,
			updateFields: { name: 'Finished', position: 3 },
		}));
		expect(run.error).toBeUndefined();
		expect(other.requests.map((request) => request.body)).toEqual([
			{ name: 'Finished', position: 3 },
		]);
		expect(run.items.map((item) => [item.json.name, item.json.position])).toEqual([
			['Completed', 3],
		]);
	});

	it.each([200, 201] as const)(
		'an Update answered %i (apidocs labels it 201) outputs the status',
		async (statusUpdateStatus) => {
			const { run } = await withFake({ statusUpdateStatus }, (target) => ({
				...update,
				statusUuid: target.addStatus({ name: 'To do' }).uuid,
				updateFields: { name: 'Next up' },
			}));
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.name)).toEqual(['Next up']);
		},
	);

	it.each([
		['hex', 422],
		['any', 201],
	] as const)(
		'statusColourFormat %s: a colour name mapped in is sent as given; Plannr’s answer is %i',
		async (statusColourFormat, answered) => {
			const { other, run } = await withFake({ statusColourFormat }, () => ({
				...create,
				name: 'Parked',
				additionalFields: { colour: '={{ "red" }}' },
			}));
			expect(other.requests.map((request) => request.body)).toEqual([
				{ name: 'Parked', colour: 'red' },
			]);
			if (answered === 422) {
				expect(run.error?.httpCode).toBe('422');
				expect(run.error?.message).toBe(
					'Plannr: colour: The colour field must be a valid hexadecimal color.',
				);
			} else {
				expect(run.error).toBeUndefined();
				expect(run.items.map((item) => item.json.colour)).toEqual(['red']);
			}
		},
	);

	// A status that does not exist: inferred.test.ts (unknownStatusAnswer, 404 or 422).
});

describe('task status: bad input is refused before any request, naming the field', () => {
	const status = '57a70000-0000-4000-8000-000000000001';
	const create = { resource: 'taskStatus', operation: 'create', name: 'Parked' };
	const update = { resource: 'taskStatus', operation: 'update', statusUuid: status };

	it.each<[string, IDataObject, string]>([
		['a blank Name', { ...create, name: '={{ "   " }}' }, 'Name'],
		['a Name that is a whole record', { ...create, name: '={{ ({ name: "x" }) }}' }, 'Name'],
		['a Colour added but left empty', { ...create, additionalFields: { colour: '' } }, 'Colour'],
		[
			'a Colour that is a list',
			{ ...create, additionalFields: { colour: '={{ [1] }}' } },
			'Colour',
		],
		[
			'a blank Status',
			{ ...update, statusUuid: '={{ " " }}', updateFields: { name: 'x' } },
			'Status',
		],
		[
			'a Status that is not a UUID',
			{ ...update, statusUuid: '={{ "In progress" }}', updateFields: { name: 'x' } },
			'Status',
		],
		['empty Update Fields', { ...update, updateFields: {} }, 'Update Fields'],
		['a blank Name on Update', { ...update, updateFields: { name: ' ' } }, 'Name'],
		['a negative Position', { ...update, updateFields: { position: -1 } }, 'Position'],
		['a Position that is not whole', { ...update, updateFields: { position: 1.5 } }, 'Position'],
		[
			'a Position that is text',
			{ ...update, updateFields: { position: '={{ "first" }}' } },
			'Position',
		],
		[
			'a Colour added but left empty, on Update',
			{ ...update, updateFields: { colour: ' ' } },
			'Colour',
		],
	])('%s', async (_case, parameters, field) => {
		const { error, items } = await plannr(parameters);
		expect(error?.message).toContain(`"${field}"`);
		expect(error?.description).toBe(`Check the "${field}" field. Nothing was sent.`);
		expect(items).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	it.each<[string, IDataObject]>([
		['Name', { ...create, name: '' }],
		['Status Name or ID', { ...update, statusUuid: '', updateFields: { name: 'x' } }],
	])('an empty required %s: n8n names it and runs nothing', async (field, parameters) => {
		await expect(plannr(parameters)).rejects.toThrow(`Parameter "${field}" is required`);
		expect(fake.requests).toEqual([]);
	});
});

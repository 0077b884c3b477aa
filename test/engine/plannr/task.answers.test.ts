/**
 * Tasks where Plannr's documents leave the answer open (plannr.md, Unknown lines), the node run against each
 * answer the fake can give: a PUT that merges or replaces, custom fields answered as a list or an object,
 * one task answered bare or as `{data}`, due dates with or without a time.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { Plannr } from '../../../nodes/Plannr/Plannr.node';
import type { PlannrFakeOptions } from '../../fakes/plannr';
import {
	addTask,
	advisers,
	calls,
	engine,
	fake,
	james,
	ok,
	priya,
	rl,
	todo,
	tom,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

const update = (taskUuid: string, updateFields: IDataObject) =>
	ok({ resource: 'task', operation: 'update', taskUuid: rl(taskUuid), updateFields });

/** A task with a value in every field an update could clear. */
function fullTask() {
	const parent = addTask({ name: 'Annual review' });
	const task = addTask({
		name: 'Send pack',
		description: 'With the valuation',
		priority: 'high',
		due_at: '2026-03-05 09:00:00',
		parent_task_uuid: parent.uuid,
		assigned_to_uuids: [james.uuid, priya.uuid],
		group_uuids: [advisers.uuid],
		custom_fields: { compliance_check: 'Pending' },
	});
	return { task, before: { ...fake.tasks.get(task.uuid)! } };
}

describe.each<PlannrFakeOptions['taskUpdate']>(['merge', 'replace'])(
	'a PUT that %ss what it is not sent ([inferred] both)',
	(taskUpdate) => {
		it('Update of the name alone clears nothing else the node can read back', async () => {
			const { task, before } = fullTask();

			await withOptions({ taskUpdate }, () => update(task.uuid, { name: 'Send valuation pack' }));

			expect(fake.tasks.get(task.uuid)).toEqual({
				...before,
				name: 'Send valuation pack',
				// Plannr's task answers do not show groups, so the node cannot send them back (its help says so).
				group_uuids: taskUpdate === 'merge' ? [advisers.uuid] : [],
				updated_at: expect.any(String),
			});
		});

		it('Update with Group UUIDs named keeps every other field and the groups', async () => {
			const { task, before } = fullTask();

			await withOptions({ taskUpdate }, () =>
				update(task.uuid, { priority: 'low', groupUuids: advisers.uuid }),
			);

			expect(fake.tasks.get(task.uuid)).toEqual({
				...before,
				priority: 'low',
				updated_at: expect.any(String),
			});
		});

		it('a custom field named is added to the task’s others, never in their place', async () => {
			const { task } = fullTask();

			await withOptions({ taskUpdate }, () =>
				update(task.uuid, {
					customFields: { field: [{ name: 'provider_reference', value: 'AV-1' }] },
				}),
			);

			expect(fake.requests[1].body).toMatchObject({
				custom_fields: { compliance_check: 'Pending', provider_reference: 'AV-1' },
			});
			expect(fake.tasks.get(task.uuid)!.custom_fields).toEqual({
				compliance_check: 'Pending',
				provider_reference: 'AV-1',
			});
		});
	},
);

describe.each<PlannrFakeOptions['customFieldsAnswer']>(['list', 'object'])(
	'custom fields answered as a %s ([inferred] both)',
	(customFieldsAnswer) => {
		it('Update reads them back in that shape and sends them as an object', async () => {
			const { task } = fullTask();

			await withOptions({ customFieldsAnswer, taskUpdate: 'replace' }, () =>
				update(task.uuid, { name: 'Renamed' }),
			);

			expect(fake.requests[1].body).toMatchObject({
				custom_fields: { compliance_check: 'Pending' },
			});
			expect(fake.tasks.get(task.uuid)!.custom_fields).toEqual({ compliance_check: 'Pending' });
		});
	},
);

describe.each<PlannrFakeOptions['singleTaskAnswer']>(['bare', 'data'])(
	'one task answered %s ([inferred] bare or {data})',
	(singleTaskAnswer) => {
		it('Create, Get and Update output the task itself, and Update reads the current values from it', async () => {
			const { task } = fullTask();
			const items = await withOptions({ singleTaskAnswer, taskUpdate: 'replace' }, async () => [
				...(await ok({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) })),
				...(await ok({
					resource: 'task',
					operation: 'create',
					name: 'Call client',
					taskableType: 'client',
					taskableUuid: tom.uuid,
					taskStatusUuid: todo.uuid,
				})),
				...(await update(task.uuid, { name: 'Renamed' })),
			]);

			expect(items.map((item) => [item.name, item.data])).toEqual([
				['Send pack', undefined],
				['Call client', undefined],
				['Renamed', undefined],
			]);
			expect(fake.tasks.get(task.uuid)).toMatchObject({
				description: 'With the valuation',
				assigned_to_uuids: [james.uuid, priya.uuid],
			});
		});
	},
);

describe.each<PlannrFakeOptions['dueAtAnswer']>(['date-time', 'date'])(
	'due dates answered as %s ([inferred]; both documented)',
	(dueAtAnswer) => {
		it('Update sends the due date back exactly as Plannr wrote it; the normalized output reads it in the workflow’s zone', async () => {
			engine.timezone = 'America/New_York';
			const task = addTask({ name: 'Send pack', due_at: '2026-03-05 09:00:00' });

			const [updated] = await withOptions({ dueAtAnswer }, () =>
				ok({
					resource: 'task',
					operation: 'update',
					taskUuid: rl(task.uuid),
					updateFields: { priority: 'low' },
					outputFormat: 'normalized',
				}),
			);

			const written = dueAtAnswer === 'date' ? '2026-03-05' : '2026-03-05 09:00:00';
			expect(calls()).toEqual([
				`GET ${v1(`/task/${task.uuid}`)}`,
				`PUT ${v1(`/task/${task.uuid}`)}`,
			]);
			expect(fake.requests[1].body).toMatchObject({ due_at: written });
			// No zone is assumed but the workflow's: 09:00 (or midnight) in New York, not shifted.
			expect(updated.dueAt).toBe(
				dueAtAnswer === 'date' ? '2026-03-05T05:00:00Z' : '2026-03-05T14:00:00Z',
			);
		});
	},
);

describe('due dates in the editor', () => {
	it('every due-date field says which zone the node assumes and that it sends the value unconverted', () => {
		const collections = new Plannr().description.properties.filter((property) =>
			['additionalFields', 'updateFields', 'filters'].includes(property.name),
		);
		const dueFields = collections
			.flatMap((collection) => (collection.options ?? []) as INodeProperties[])
			.filter((field) => ['dueAt', 'dueAfter', 'dueBefore'].includes(field.name));

		expect(dueFields.map((field) => field.name).sort()).toEqual([
			'dueAfter',
			'dueAt',
			'dueAt',
			'dueBefore',
		]);
		for (const field of dueFields) {
			expect(field.description).toMatch(/workflow’s time zone/);
			expect(field.description).toMatch(/without converting/);
		}
	});
});

/**
 * Task bad input is refused before any request, naming the field: by the node, or by n8n itself for a
 * required field left empty.
 */
import type { IDataObject } from 'n8n-workflow';
import { fake, plannr, rl, usePlannr } from './setup';

usePlannr();

describe('bad input is refused before any request, naming the field', () => {
	const task = '7a5c0000-0000-4000-8000-0000000000aa';
	const create = {
		resource: 'task',
		operation: 'create',
		name: 'x',
		taskableType: 'client',
		taskableUuid: 'acc00000-0000-4000-8000-000000000002',
		taskStatusUuid: '57a70000-0000-4000-8000-000000000001',
	};
	const update = { resource: 'task', operation: 'update', taskUuid: rl(task) };
	const getAll = { resource: 'task', operation: 'getAll', returnAll: true };

	it.each<[string, IDataObject, string]>([
		['a blank Task', { resource: 'task', operation: 'get', taskUuid: rl('={{ "  " }}') }, 'Task'],
		[
			'a Task that is not a UUID',
			{ resource: 'task', operation: 'get', taskUuid: rl('Annual review') },
			'Task',
		],
		[
			'a Task from an empty expression, on Complete',
			{ resource: 'task', operation: 'complete', taskUuid: rl('={{ $json.missing }}', 'list') },
			'Task',
		],
		[
			'a Task that is not a UUID, on Reopen',
			{
				resource: 'task',
				operation: 'reopen',
				taskUuid: rl('42'),
				reopenStatusUuid: '57a70000-0000-4000-8000-000000000001',
			},
			'Task',
		],
		[
			'a blank Back to Status',
			{
				resource: 'task',
				operation: 'reopen',
				taskUuid: rl(task),
				reopenStatusUuid: '={{ "" }}',
			},
			'Back to Status',
		],
		[
			'a Back to Status that is not a UUID',
			{
				resource: 'task',
				operation: 'reopen',
				taskUuid: rl(task),
				reopenStatusUuid: '={{ "In progress" }}',
			},
			'Back to Status',
		],
		['a blank Name', { ...create, name: '={{ "   " }}' }, 'Name'],
		['an unknown Linked To', { ...create, taskableType: '={{ "contact" }}' }, 'Linked To'],
		[
			'a missing Linked Record UUID',
			{ ...create, taskableUuid: '={{ $json.missing }}' },
			'Linked Record UUID',
		],
		[
			'a Linked Record UUID that is not a UUID',
			{ ...create, taskableUuid: 'Tom Hughes' },
			'Linked Record UUID',
		],
		['a missing Status', { ...create, taskStatusUuid: '={{ "" }}' }, 'Status'],
		['a Status that is not a UUID', { ...create, taskStatusUuid: '={{ "To do" }}' }, 'Status'],
		[
			'an unknown Priority',
			{ ...create, additionalFields: { priority: '={{ "urgent" }}' } },
			'Priority',
		],
		[
			'an invalid Due Date',
			{ ...create, additionalFields: { dueAt: '={{ "next tuesday-ish" }}' } },
			'Due Date',
		],
		[
			'a Parent Task UUID that is not a UUID',
			{ ...create, additionalFields: { parentTaskUuid: 'Annual review' } },
			'Parent Task UUID',
		],
		['empty Update Fields', { ...update, updateFields: {} }, 'Update Fields'],
		[
			'Update Fields holding only empty list fields',
			{ ...update, updateFields: { assignedToUuids: [], groupUuids: '', customFields: {} } },
			'Update Fields',
		],
		[
			'Update Fields holding only a Due Date left empty',
			{ ...update, updateFields: { dueAt: '' } },
			'Update Fields',
		],
		['a blank Name on Update', { ...update, updateFields: { name: ' ' } }, 'Name'],
		[
			'a Status added but not chosen, on Update',
			{ ...update, updateFields: { taskStatusUuid: '' } },
			'Status',
		],
		[
			'a Linked Record UUID added but left empty, on Update',
			{ ...update, updateFields: { taskableUuid: '' } },
			'Linked Record UUID',
		],
		[
			'Linked To without a Linked Record UUID, on Update',
			{ ...update, updateFields: { taskableType: 'case' } },
			'Linked Record UUID',
		],
		[
			'a Linked Record UUID that is not a UUID, on Update',
			{ ...update, updateFields: { taskableUuid: 'x' } },
			'Linked Record UUID',
		],
		[
			'an unknown Priority on Update',
			{ ...update, updateFields: { priority: '={{ "asap" }}' } },
			'Priority',
		],
		[
			'an invalid Due Date on Update',
			{ ...update, updateFields: { dueAt: '={{ "31/02/2026" }}' } },
			'Due Date',
		],
		[
			'a Parent Task UUID that is not a UUID, on Update',
			{ ...update, updateFields: { parentTaskUuid: '12' } },
			'Parent Task UUID',
		],
		[
			'a Task that is not a UUID, on Update',
			{ ...update, taskUuid: rl('nope'), updateFields: { name: 'x' } },
			'Task',
		],
		[
			'an invalid Due After',
			{ ...getAll, filters: { dueAfter: '={{ "yesterday" }}' } },
			'Due After',
		],
		['an invalid Due Before', { ...getAll, filters: { dueBefore: '={{ "soon" }}' } }, 'Due Before'],
		[
			'a Client UUID that is not a UUID',
			{ ...getAll, filters: { clientUuid: 'Tom' } },
			'Client UUID',
		],
		[
			'a Linked Record UUID filter that is not a UUID',
			{ ...getAll, filters: { taskableUuid: 'plan-1' } },
			'Linked Record UUID',
		],
		[
			'a Status filter that is not a UUID',
			{ ...getAll, filters: { taskStatusUuid: '={{ "In progress" }}' } },
			'Status',
		],
	])('%s', async (_case, parameters, field) => {
		const { error, items } = await plannr(parameters);
		expect(error?.message).toContain(`"${field}"`);
		expect(error?.description).toContain('Nothing was sent');
		expect(items).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	// A required field left empty in the editor: n8n itself refuses the workflow before the node runs.
	it.each<[string, IDataObject]>([
		['Name', { ...create, name: '' }],
		['Linked Record UUID', { ...create, taskableUuid: '' }],
		['Status Name or ID', { ...create, taskStatusUuid: '' }],
		['Task', { resource: 'task', operation: 'get', taskUuid: rl('') }],
		[
			'Back to Status Name or ID',
			{ resource: 'task', operation: 'reopen', taskUuid: rl(task), reopenStatusUuid: '' },
		],
	])('an empty required %s: n8n names it and runs nothing', async (field, parameters) => {
		await expect(plannr(parameters)).rejects.toThrow(`Parameter "${field}" is required`);
		expect(fake.requests).toEqual([]);
	});
});

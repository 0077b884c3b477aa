/**
 * Task bad input is refused before any request, naming the field: by the node, or by n8n itself for a
 * required field left empty. A note's bad input is in taskNote.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import { fake, openDental, rl, useOpenDental } from './setup';

useOpenDental();

describe('bad input is refused before any request, naming the field', () => {
	const create = {
		resource: 'task',
		operation: 'create',
		taskListNum: rl(74),
		descript: 'x',
		userNum: rl(3),
	};
	const update = { resource: 'task', operation: 'update', taskNum: '1' };

	it.each<[string, IDataObject, string]>([
		[
			'a blank Task Number',
			{ resource: 'task', operation: 'get', taskNum: '={{ "  " }}' },
			'Task Number',
		],
		[
			'a Task Number from an empty expression',
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.missing }}' },
			'Task Number',
		],
		[
			'a Task Number that is not a number',
			{ resource: 'task', operation: 'get', taskNum: 'abc' },
			'Task Number',
		],
		[
			'a negative Task Number',
			{ resource: 'task', operation: 'markDone', taskNum: '-4' },
			'Task Number',
		],
		[
			'a Task Number that is not a number, on Update',
			{ ...update, taskNum: '12a', updateFields: { descriptOverride: 'x' } },
			'Task Number',
		],
		['a missing Task List', { ...create, taskListNum: rl('={{ $json.missing }}') }, 'Task List'],
		[
			'a Task List that is not a number',
			{ ...create, taskListNum: rl('Front Desk', 'id') },
			'Task List',
		],
		['a missing Description', { ...create, descript: '={{ $json.missing }}' }, 'Description'],
		['a blank Description', { ...create, descript: '   ' }, 'Description'],
		[
			'a missing Created By',
			{ ...create, userNum: rl('={{ $json.missing }}', 'id') },
			'Created By',
		],
		['a Created By that is not a number', { ...create, userNum: rl('maria', 'id') }, 'Created By'],
		[
			'a Number without Attached To',
			{ ...create, additionalFields: { keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'a Number attached to Nothing',
			{ ...create, additionalFields: { objectType: 'None', keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'a Number without Attached To, on Update',
			{ ...update, updateFields: { keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'a Short Description over 256 characters',
			{ ...create, additionalFields: { descriptOverride: 'x'.repeat(257) } },
			'Short Description',
		],
		[
			'an invalid Entry Time',
			{ ...create, additionalFields: { dateTimeEntry: '={{ "next tuesday-ish" }}' } },
			'Entry Time',
		],
		[
			'a Priority that is not a number',
			{ ...create, additionalFields: { priorityDefNum: '={{ "High" }}' } },
			'Priority',
		],
		[
			'a Priority added but not chosen',
			{ ...create, additionalFields: { priorityDefNum: '' } },
			'Priority',
		],
		[
			'a Priority added but not chosen, on Update',
			{ ...update, updateFields: { priorityDefNum: '' } },
			'Priority',
		],
		[
			'an Entry Time added but left empty, on Update',
			{ ...update, updateFields: { dateTimeEntry: '' } },
			'Entry Time',
		],
		['empty Update Fields', { ...update, updateFields: {} }, 'Update Fields'],
		[
			'a blank Description on Update',
			{ ...update, updateFields: { descript: ' ' } },
			'Description',
		],
		[
			'an unknown Status on Update',
			{ ...update, updateFields: { taskStatus: '={{ "Closed" }}' } },
			'Status',
		],
		[
			'a Number filter without Attached To',
			{ resource: 'task', operation: 'getAll', returnAll: true, filters: { keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'an invalid Created After',
			{
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { dateTimeOriginal: '={{ "yesterday" }}' },
			},
			'Created After',
		],
		[
			'a Task List filter that is not a number',
			{
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { taskListNum: rl('x', 'id') },
			},
			'Task List',
		],
		[
			'a Task List filter added but not chosen',
			{ resource: 'task', operation: 'getAll', returnAll: true, filters: { taskListNum: rl('') } },
			'Task List',
		],
	])('%s', async (_case, parameters, field) => {
		const { error, items } = await openDental(parameters);
		expect(error?.message).toContain(`"${field}"`);
		expect(items).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	// A required field left empty in the editor: n8n itself refuses the workflow before the node runs.
	it.each<[string, IDataObject, string]>([
		['Task Number', { resource: 'task', operation: 'get', taskNum: '' }, 'Task Number'],
		['Task List', { ...create, taskListNum: rl('') }, 'Task List'],
		['Description', { ...create, descript: '' }, 'Description'],
		['Created By', { ...create, userNum: rl('', 'id') }, 'Created By'],
	])('an empty required %s: n8n names it and runs nothing', async (_case, parameters, field) => {
		await expect(openDental(parameters)).rejects.toThrow(`Parameter "${field}" is required`);
		expect(fake.requests).toEqual([]);
	});
});

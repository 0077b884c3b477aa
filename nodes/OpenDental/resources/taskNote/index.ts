import type { INodeProperties } from 'n8n-workflow';
import { limitRule, returnAllAndLimit } from '../../../shared/listFields';
import { noteField, noteTimeField, taskNoteNumField, taskNumField, userField } from '../../fields';
import { openDentalRouting, sendInOfficeTime } from '../../transport';
import { validateFields, type FieldRule } from '../../../shared/validation';

const showFor = (...operation: string[]) => ({ show: { resource: ['taskNote'], operation } });
const noteNum: FieldRule[] = [
	{ path: 'taskNoteNum', label: 'Task Note Number', kind: 'required' },
	{ path: 'taskNoteNum', label: 'Task Note Number', kind: 'wholeNumber' },
];
const noteUrl = '=/tasknotes/{{encodeURIComponent(String($parameter.taskNoteNum).trim())}}';

export const taskNoteDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taskNote'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task note',
				routing: openDentalRouting(
					{ method: 'POST', url: '/tasknotes' },
					{
						preSend: [
							validateFields([
								{ path: 'taskNum', label: 'Task Number', kind: 'required' },
								{ path: 'taskNum', label: 'Task Number', kind: 'wholeNumber' },
								{ path: 'userNum', label: 'Written By', kind: 'required' },
								{ path: 'userNum', label: 'Written By', kind: 'wholeNumber' },
								{ path: 'note', label: 'Note', kind: 'required' },
							]),
						],
					},
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task note',
				routing: openDentalRouting(
					{ method: 'GET', url: noteUrl },
					{ preSend: [validateFields(noteNum)] },
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many task notes',
				description: 'The notes of a task, of a user, or both',
				routing: openDentalRouting(
					{ method: 'GET', url: '/tasknotes' },
					{
						paged: true,
						preSend: [
							validateFields([
								limitRule,
								// Added but left empty, a filter would be sent empty, which Open Dental refuses.
								{ path: 'filters.taskNum', label: 'Task Number', kind: 'notBlankWhenGiven' },
								{ path: 'filters.taskNum', label: 'Task Number', kind: 'wholeNumber' },
								{ path: 'filters.userNum', label: 'User', kind: 'notBlankWhenGiven' },
								{ path: 'filters.userNum', label: 'User', kind: 'wholeNumber' },
							]),
						],
					},
				),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task note',
				description: 'Change only the fields you add; the others stay as they are',
				routing: openDentalRouting(
					{ method: 'PUT', url: noteUrl },
					{
						preSend: [
							validateFields([
								...noteNum,
								{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
								{ path: 'updateFields.note', label: 'Note', kind: 'notBlankWhenGiven' },
								// An empty time is not sent, so on its own it would be an update that changes nothing.
								{
									path: 'updateFields.dateTimeNote',
									label: 'Note Time',
									kind: 'notBlankWhenGiven',
								},
								{ path: 'updateFields.dateTimeNote', label: 'Note Time', kind: 'date' },
							]),
							sendInOfficeTime('body', 'DateTimeNote'),
						],
					},
				),
			},
		],
		default: 'getAll',
	},
	{
		...taskNumField,
		displayOptions: showFor('create'),
		routing: { send: { type: 'body', property: 'TaskNum', value: '={{ Number($value) }}' } },
	},
	{
		...userField,
		displayName: 'Written By',
		required: true,
		description: 'The user the note is from',
		displayOptions: showFor('create'),
	},
	{ ...noteField, required: true, displayOptions: showFor('create') },
	{ ...taskNoteNumField, displayOptions: showFor('get', 'update') },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('update'),
		options: [noteField, noteTimeField],
	},
	...returnAllAndLimit(showFor('getAll').show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('getAll'),
		options: [
			{
				...taskNumField,
				required: false,
				description: 'Only notes on this task',
				routing: { send: { type: 'query', property: 'TaskNum' } },
			},
			{
				...userField,
				description: 'Only notes by this user',
				routing: { send: { type: 'query', property: 'UserNum' } },
			},
		],
	},
];

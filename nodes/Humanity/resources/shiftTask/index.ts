import type { INodeProperties } from 'n8n-workflow';
import { add, addDescription } from './add';
import { getMany, getManyDescription } from './getMany';
import { remove, removeDescription } from './remove';
import { setAll, setAllDescription } from './setAll';
import { update, updateDescription } from './update';

export const shiftTaskOperations = { add, getMany, remove, setAll, update };

export const shiftTaskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shiftTask'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a task to a shift',
				description: 'Add a task to a shift; the shift keeps its other tasks',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get the tasks of shifts',
				description: 'List the tasks of one or more shifts',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a task from a shift',
				description: 'Remove one task from a shift; the shift keeps its other tasks',
			},
			{
				name: 'Set All',
				value: 'setAll',
				action: 'Replace all tasks of a shift',
				description: "Replace the shift's whole task list: tasks not listed are deleted",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task of a shift',
				description: 'Change one task of a shift; the shift keeps its other tasks',
			},
		],
		default: 'add',
	},
	...getManyDescription,
	...addDescription,
	...updateDescription,
	...removeDescription,
	...setAllDescription,
];

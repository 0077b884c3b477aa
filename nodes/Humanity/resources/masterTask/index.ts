import type { INodeProperties } from 'n8n-workflow';
import { create, createDescription } from './create';
import { deleteDescription, deleteMasterTask } from './delete';
import { getMany, getManyDescription } from './getMany';
import { update, updateDescription } from './update';

export const masterTaskOperations = { create, delete: deleteMasterTask, getMany, update };

export const masterTaskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['masterTask'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a master task',
				description: 'Add a task to the company task list',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a master task',
				description: 'Delete a task from the company task list; tasks already on shifts stay',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many master tasks',
				description: 'List or search the company task list',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a master task',
				description: 'Change only the fields you set',
			},
		],
		default: 'getMany',
	},
	...getManyDescription,
	...createDescription,
	...updateDescription,
	...deleteDescription,
];

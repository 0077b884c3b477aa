import type { INodeProperties } from 'n8n-workflow';
import { complete, completeDescription } from './complete';
import { getMany, getManyDescription } from './getMany';
import { start, startDescription } from './start';

export const employeeTaskOperations = { complete, getMany, start };

export const employeeTaskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['employeeTask'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete an employee task',
				description: "Mark an employee's task done, now or between given times",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get the employee tasks of shifts',
				description: "List each employee's tasks and progress on shifts",
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start an employee task',
				description: "Mark an employee's task started now",
			},
		],
		default: 'getMany',
	},
	...getManyDescription,
	...startDescription,
	...completeDescription,
];

import type { INodeProperties } from 'n8n-workflow';
import { limitRule, returnAllAndLimit } from '../../../shared/listFields';
import { openDentalRouting } from '../../transport';
import { validateFields } from '../../../shared/validation';

const show = { show: { resource: ['taskList'], operation: ['getAll'] } };
/** TaskListStatus: Open Dental lists one kind at a time. */
const TASK_LIST_STATUSES = ['Active', 'Archived'] as const;

export const taskListDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taskList'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many task lists',
				routing: openDentalRouting(
					{ method: 'GET', url: '/tasklists' },
					{
						paged: true,
						preSend: [
							validateFields([
								{
									path: 'taskListStatus',
									label: 'Status',
									kind: 'oneOf',
									allowed: TASK_LIST_STATUSES,
								},
								limitRule,
							]),
						],
					},
				),
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Status',
		name: 'taskListStatus',
		type: 'options',
		options: [
			{ name: 'Active', value: 'Active' },
			{ name: 'Archived', value: 'Archived' },
		],
		default: 'Active',
		description: 'Open Dental lists active and archived task lists separately',
		displayOptions: show,
		routing: { send: { type: 'query', property: 'TaskListStatus' } },
	},
	...returnAllAndLimit(show.show),
];

import type { INodeProperties } from 'n8n-workflow';
import { taskNumField } from '../../fields';

/** Mark New, Mark Viewed and Mark Done only need the task's number. */
export const changeStatusDescription: INodeProperties[] = [
	{
		...taskNumField,
		displayOptions: {
			show: { resource: ['task'], operation: ['markNew', 'markViewed', 'markDone'] },
		},
	},
];

import type { INodeProperties } from 'n8n-workflow';
import { taskIdField } from '../../fields';

/** Complete, Cancel, Reopen and Delete only need the task's ID. */
export const changeStatusDescription: INodeProperties[] = [
	{
		...taskIdField,
		displayOptions: { show: { resource: ['staffTask'], operation: ['complete', 'cancel', 'reopen', 'delete'] } },
	},
];

import type { INodePropertyOptions } from 'n8n-workflow';
import { optionsNamedByValue } from '../shared/vocabulary';

/** A staff task's statuses, in the order the editor lists them; completed and canceled set the finalized time. */
export const TASK_STATUS_OPTIONS = [
	{ name: 'Pending', value: 'pending' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Canceled', value: 'canceled' },
] as const satisfies readonly INodePropertyOptions[];

export type OliverTaskStatus = (typeof TASK_STATUS_OPTIONS)[number]['value'];

/** A staff task's types. */
export const TASK_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Task', value: 'task' },
	{ name: 'Prescription Refill', value: 'rx_refill' },
];

/** The filters GET /clients takes, one at a time (one is required). */
export const CLIENT_SEARCH_OPTIONS = optionsNamedByValue(['name', 'email', 'phone']);

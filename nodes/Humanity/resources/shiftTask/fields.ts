import type { INodeProperties } from 'n8n-workflow';
import { shiftField } from '../../fields';
import { SHIFT_TASK_TYPES } from '../../vocabulary';

/** Update and Remove: the shift a task is on, then the task. */
export const shiftOfTaskField = shiftField('The shift the task is on');

export const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: SHIFT_TASK_TYPES,
	default: 'regular',
};

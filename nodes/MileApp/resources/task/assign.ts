import type { INodeProperties } from 'n8n-workflow';
import { assigneesField, taskIdField } from '../../fields';

const show = { show: { resource: ['task'], operation: ['assign'] } };

export const assignDescription: INodeProperties[] = [
	{ ...taskIdField, displayOptions: show },
	{ ...assigneesField, required: true, displayOptions: show },
];

import type { INodeProperties } from 'n8n-workflow';
import { taskNumField } from '../../fields';

export const getDescription: INodeProperties[] = [
	{ ...taskNumField, displayOptions: { show: { resource: ['task'], operation: ['get'] } } },
];

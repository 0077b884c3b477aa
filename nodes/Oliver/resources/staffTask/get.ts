import type { INodeProperties } from 'n8n-workflow';
import { taskIdField } from '../../fields';

export const getDescription: INodeProperties[] = [
	{ ...taskIdField, displayOptions: { show: { resource: ['staffTask'], operation: ['get'] } } },
];

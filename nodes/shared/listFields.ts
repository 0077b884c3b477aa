import type { INodeProperties } from 'n8n-workflow';
import type { FieldRule } from './validation';

/** The Return All and Limit pair every Get Many shows; the Limit becomes the routing's maxResults. */

const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	routing: { output: { maxResults: '={{$value}}' } },
};

/** The input check of the Limit, for an operation's validateFields: an expression may map anything into it. */
export const limitRule: FieldRule = { path: 'limit', label: 'Limit', kind: 'wholeNumber' };

/** Return All and Limit as an operation's fields (defineResource adds the resource and operation). */
export const returnAllAndLimitFields: INodeProperties[] = [
	returnAllField,
	{ ...limitField, displayOptions: { show: { returnAll: [false] } } },
];

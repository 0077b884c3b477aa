import type { INodeProperties } from 'n8n-workflow';
import { requiredText, validateFields } from '../../../shared/validation';
import { oliverRouting } from '../../transport';

const show = (operation: string) => ({ show: { resource: ['client'], operation: [operation] } });
/** The one filter GET /clients takes (one is required). */
const SEARCH_BY = ['name', 'email', 'phone'] as const;

export const clientDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a client',
				routing: oliverRouting(
					{
						method: 'GET',
						url: '=/clients/{{encodeURIComponent(String($parameter.clientId).trim())}}',
					},
					{ preSend: [validateFields(requiredText('clientId', 'Client ID'))] },
				),
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search clients',
				description: 'Find clients by name, email or phone (at most 100)',
				routing: oliverRouting(
					{ method: 'GET', url: '/clients' },
					{
						preSend: [
							validateFields([
								{ path: 'searchBy', label: 'Search By', kind: 'oneOf', allowed: SEARCH_BY },
								{ path: 'searchValue', label: 'Search For', kind: 'required' },
							]),
						],
					},
				),
			},
		],
		default: 'search',
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show('get'),
	},
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Name', value: 'name' },
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
		default: 'name',
		displayOptions: show('search'),
	},
	{
		displayName: 'Search For',
		name: 'searchValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Smith',
		displayOptions: show('search'),
		routing: { send: { type: 'query', property: '={{$parameter.searchBy}}' } },
	},
];

import type { INodeProperties } from 'n8n-workflow';
import { requiredText, validateFields } from '../../../shared/validation';
import { oliverRouting } from '../../transport';
import { clientField } from '../../fields';

const show = (operation: string) => ({ show: { resource: ['patient'], operation: [operation] } });

export const patientDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['patient'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a patient',
				routing: oliverRouting(
					{
						method: 'GET',
						url: '=/patients/{{encodeURIComponent(String($parameter.patientId).trim())}}',
					},
					{ preSend: [validateFields(requiredText('patientId', 'Patient ID'))] },
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many patients',
				description: 'List the patients of one client',
				routing: oliverRouting(
					{ method: 'GET', url: '/patients' },
					{ preSend: [validateFields(requiredText('clientId', 'Client'))] },
				),
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Patient ID',
		name: 'patientId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: show('get'),
	},
	{
		...clientField,
		required: true,
		displayOptions: show('getAll'),
		routing: { send: { type: 'query', property: 'client_id' } },
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Only patients whose name contains this',
		displayOptions: show('getAll'),
		routing: { send: { type: 'query', property: 'name', value: '={{ $value || undefined }}' } },
	},
];

import { sentInQuery } from '../../../shared/fieldRouting';
import { defineOperation } from '../../../shared/operation';
import { requiredText } from '../../../shared/validation';
import { OLIVER_PATHS } from '../../api';
import { clientField } from '../../pickers';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many patients',
	description: 'List the patients of one client',
	fields: [
		{ ...clientField, required: true, routing: sentInQuery('client_id') },
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only patients whose name contains this',
			routing: sentInQuery('name', '={{ $value || undefined }}'),
		},
	],
	rules: requiredText('clientId', 'Client'),
	request: { method: 'GET', url: OLIVER_PATHS.patients },
});

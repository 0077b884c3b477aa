import { defineOperation } from '../../../shared/operation';
import { PLANNR_PATHS } from '../../api';
import { statusColourField, statusDetailRules, statusNameField } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task status',
	description: 'Add a status to the firm’s task statuses',
	fields: [
		{ ...statusNameField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [statusColourField],
		},
	],
	rules: [
		{ path: 'name', label: 'Name', kind: 'required' },
		{ path: 'name', label: 'Name', kind: 'text' },
		...statusDetailRules('additionalFields', false),
	],
	request: { method: 'POST', url: PLANNR_PATHS.taskStatuses },
});

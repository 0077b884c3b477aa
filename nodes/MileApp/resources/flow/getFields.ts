import { defineOperation } from '../../../shared/operation';
import { flowFieldsPath } from '../../api';
import { flowField, flowRules } from '../../locators';

export const getFields = defineOperation({
	value: 'getFields',
	name: 'Get Fields',
	action: 'Get the fields of a flow',
	description: 'The fields a task of this flow has: name, type, whether required',
	fields: [flowField],
	rules: flowRules,
	request: {
		method: 'GET',
		// From the Flow the checks read: a URL expression would resolve it again.
		build: (valueOf, requestOptions) => ({
			...requestOptions,
			url: flowFieldsPath(String(valueOf('flow')).trim()),
		}),
	},
});

import { defineOperation } from '../../../shared/operation';
import { flowField, hubField } from '../../locators';
import { additionalTaskFields, taskIdField, taskIdRules, taskPath, wholeTaskRules } from './fields';
import { flowFieldsMapper } from './flowFields';
import { sendWholeTask, shapeTaskBody } from './shapes';

export const replace = defineOperation({
	value: 'replace',
	name: 'Replace',
	action: 'Replace a task',
	description: 'Send the whole task: fields not given are lost',
	// Copies of the shared fields: declared after this notice, so the editor shows the notice first.
	fields: [
		{
			displayName:
				"Replace sends the whole task: every flow field not given here is lost, and start and end time go back to the flow's defaults unless given. To change some fields only, use Update.",
			name: 'replaceNotice',
			type: 'notice',
			default: '',
		},
		{ ...taskIdField },
		{ ...flowField },
		{ ...hubField },
		flowFieldsMapper('Every field the task should have after the replacement'),
		{ ...additionalTaskFields },
	],
	rules: [...taskIdRules, ...wholeTaskRules],
	request: {
		method: 'PUT',
		build: async function (valueOf, requestOptions) {
			return await sendWholeTask.call(this, valueOf, { ...requestOptions, url: taskPath(valueOf) });
		},
		preSend: [shapeTaskBody],
	},
	outputsTasks: true,
});

import { defineOperation } from '../../../shared/operation';
import { MILEAPP_PATHS } from '../../api';
import { flowField, hubField } from '../../locators';
import { additionalTaskFields, wholeTaskRules } from './fields';
import { flowFieldsMapper } from './flowFields';
import { sendWholeTask, shapeTaskBody } from './shapes';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task',
	fields: [
		flowField,
		hubField,
		flowFieldsMapper('The fields of the chosen flow; MileApp requires the ones marked required'),
		additionalTaskFields,
	],
	rules: wholeTaskRules,
	request: {
		method: 'POST',
		url: MILEAPP_PATHS.task,
		build: sendWholeTask,
		preSend: [shapeTaskBody],
	},
	outputsTasks: true,
});

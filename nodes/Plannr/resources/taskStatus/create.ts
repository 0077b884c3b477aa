import { additionalFieldsCollection } from '../../../shared/collectionFields';
import { defineOperation } from '../../../shared/operation';
import { requiredText } from '../../../shared/validation';
import { PLANNR_PATHS } from '../../api';
import { statusColourField, statusDetailRules, statusNameField } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task status',
	description: 'Add a status to the firm’s task statuses',
	fields: [{ ...statusNameField, required: true }, additionalFieldsCollection([statusColourField])],
	rules: [...requiredText('name', 'Name'), ...statusDetailRules('additionalFields', false)],
	request: { method: 'POST', url: PLANNR_PATHS.taskStatuses },
});

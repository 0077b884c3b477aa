import { OLIVER_PATHS } from '../../api';
import { getById } from '../../recordById';
import { taskIdField } from './fields';

export const get = getById({
	action: 'Get a staff task',
	field: taskIdField,
	collectionPath: OLIVER_PATHS.staffTasks,
	outputsTasks: true,
});

import { OLIVER_PATHS } from '../../api';
import { getById } from '../../recordById';
import { taskIdFields } from './fields';

export const get = getById({
	action: 'Get a staff task',
	field: taskIdFields,
	collectionPath: OLIVER_PATHS.staffTasks,
	outputsTasks: true,
});

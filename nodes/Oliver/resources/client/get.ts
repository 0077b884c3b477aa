import { OLIVER_PATHS } from '../../api';
import { getById, idField } from '../../recordById';

export const get = getById({
	action: 'Get a client',
	field: idField('Client ID', 'clientId'),
	collectionPath: OLIVER_PATHS.clients,
});

import { OLIVER_PATHS } from '../../api';
import { clientField } from '../../pickers';
import { getById, idField, versionedIdFields } from '../../recordById';

export const get = getById({
	action: 'Get a client',
	field: versionedIdFields(idField('Client ID', 'clientId'), clientField),
	collectionPath: OLIVER_PATHS.clients,
});

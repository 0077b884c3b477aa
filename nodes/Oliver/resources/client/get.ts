import { OLIVER_PATHS } from '../../api';
import { clientField } from '../../pickers';
import { versionedIdFields, withoutRouting } from '../../../shared/recordPicker';
import { getById, idField } from '../../recordById';

export const get = getById({
	action: 'Get a client',
	field: versionedIdFields(idField('Client ID', 'clientId'), withoutRouting(clientField)),
	collectionPath: OLIVER_PATHS.clients,
});

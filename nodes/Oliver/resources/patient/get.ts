import { OLIVER_PATHS } from '../../api';
import { getById, idField } from '../../recordById';

export const get = getById({
	action: 'Get a patient',
	field: idField('Patient ID', 'patientId'),
	collectionPath: OLIVER_PATHS.patients,
});

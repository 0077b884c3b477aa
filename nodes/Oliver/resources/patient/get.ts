import { OLIVER_PATHS } from '../../api';
import { clientToListField, patientField } from '../../pickers';
import { getById, idField, versionedIdFields } from '../../recordById';

export const get = getById({
	action: 'Get a patient',
	field: versionedIdFields(idField('Patient ID', 'patientId'), patientField, [clientToListField]),
	collectionPath: OLIVER_PATHS.patients,
});

import { OLIVER_PATHS } from '../../api';
import { clientToListField, patientField } from '../../pickers';
import { versionedIdFields, withoutRouting } from '../../../shared/recordPicker';
import { getById, idField } from '../../recordById';

export const get = getById({
	action: 'Get a patient',
	field: versionedIdFields(idField('Patient ID', 'patientId'), withoutRouting(patientField), [
		clientToListField,
	]),
	collectionPath: OLIVER_PATHS.patients,
});

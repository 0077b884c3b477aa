import {
	onlyAddedFieldsUpdate,
	someUpdateField,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { defineOperation } from '../../../shared/operation';
import { sendInOfficeTime } from '../../requests';
import {
	noteField,
	noteTimeField,
	taskNoteNumFields,
	taskNoteNumRules,
	toTaskNote,
} from './fields';

/** Each with the body property it is sent as; sent by `build` from the values the checks read. */
const updateFieldOptions = [noteField, noteTimeField];

export const update = defineOperation({
	...onlyAddedFieldsUpdate('a task note'),
	fields: [...taskNoteNumFields, updateFieldsCollection(updateFieldOptions)],
	rules: [
		...taskNoteNumRules,
		someUpdateField,
		{ path: 'updateFields.note', label: 'Note', kind: 'notBlankWhenGiven' },
		// An empty time is not sent, so on its own it would be an update that changes nothing.
		{ path: 'updateFields.dateTimeNote', label: 'Note Time', kind: 'notBlankWhenGiven' },
	],
	request: {
		method: 'PUT',
		build: toTaskNote(updateFieldOptions),
		preSend: [sendInOfficeTime('body', 'DateTimeNote')],
	},
});

import { statusChange } from './statusChange';

export const cancel = statusChange('canceled', {
	value: 'cancel',
	name: 'Cancel',
	description: 'Set the status to canceled; the finalized time is set',
});

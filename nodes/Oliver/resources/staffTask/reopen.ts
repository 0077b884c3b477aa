import { statusChange } from './statusChange';

export const reopen = statusChange('pending', {
	value: 'reopen',
	name: 'Reopen',
	description: 'Set the status back to pending; the finalized time is cleared',
});

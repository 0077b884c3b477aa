import { statusChange } from './statusChange';

export const complete = statusChange('completed', {
	value: 'complete',
	name: 'Complete',
	description: 'Set the status to completed; the finalized time is set',
});

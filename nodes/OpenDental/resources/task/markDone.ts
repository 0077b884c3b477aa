import { markStatus } from './markStatus';

export const markDone = markStatus(
	'Done',
	'Set the status to Done; Open Dental records when it finished.',
);

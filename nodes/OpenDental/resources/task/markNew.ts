import { markStatus } from './markStatus';

export const markNew = markStatus('New', 'Set the status to New.');

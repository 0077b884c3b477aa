/**
 * Runs our nodes through n8n-core's own execution engine (WorkflowExecute, RoutingNode, PollContext),
 * over real HTTP, with credentials applied the way n8n's server applies them.
 *
 * packTypes.ts   the node and credential types package.json registers
 * credentials.ts the credential store and n8n's CredentialsHelper (authenticate, preAuthentication)
 * engine.ts      the Engine (instance settings, time zone) and the node as a workflow holds it
 * run.ts         an action node run by WorkflowExecute; one poll of a trigger
 * editor.ts      resource mapper fields, list searches and dropdown options, as the editor loads them
 * credentialTest.ts  a credential's Test button (OAuth2 too, and tests a node runs: testedBy)
 * editorParameters.ts  the parameters and credentials the editor shows for a node, and what it saves
 * webhooks.ts    webhook triggers' lifecycle methods and a stand-in for n8n's webhook server
 */
export { CredentialStore } from './credentials';
export { Engine, defaultTimezone, type NodeRun, type NodeSpec } from './engine';
export { runNode, pollTrigger } from './run';
export { resourceMapperFields, searchList, searchListPage, loadOptions } from './editor';
export { testCredential, testCredentialByNode, testOAuth2Credential } from './credentialTest';
export {
	savedParameters,
	shownCredentials,
	shownParameters,
	shownProperties,
} from './editorParameters';
export {
	runWebhookMethod,
	webhookUrlOf,
	startWebhookReceiver,
	type WebhookCall,
	type WebhookReceiver,
} from './webhooks';

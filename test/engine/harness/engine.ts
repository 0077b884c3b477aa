/**
 * The engine a test runs nodes in: n8n-core's instance settings, the pack's node types, a credential store,
 * the workflow's time zone, and the node as a workflow holds it.
 */
import { ErrorReporter, InstanceSettings } from 'n8n-core';
import { Container } from '@n8n/di';
import {
	LoggerProxy,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { CredentialStore, PackCredentialsHelper } from './credentials';
import { PackNodeTypes } from './packTypes';

/**
 * The workflow zone an Engine starts with: `TASKBRIDGE_TEST_TIMEZONE` (an IANA zone, e.g. America/New_York), else
 * UTC. `npm run test:clock` sets it for the run on a daylight-saving day.
 */
export function defaultTimezone(): string {
	const zone = process.env.TASKBRIDGE_TEST_TIMEZONE?.trim();
	if (!zone) return 'UTC';
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		throw new Error(`TASKBRIDGE_TEST_TIMEZONE is not a time zone: ${zone}`);
	}
	return zone;
}

let instanceReady = false;
function ensureInstanceSettings() {
	if (instanceReady) return;
	// n8n logs every node error; the tests assert on errors themselves.
	const quiet = () => {};
	LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet } as never);
	Container.set(ErrorReporter, { error: quiet, warn: quiet, info: quiet } as never);
	process.env.N8N_ENCRYPTION_KEY ??= 'taskbridge-engine-tests';
	Container.get(InstanceSettings);
	instanceReady = true;
}

export class Engine {
	readonly credentials = new CredentialStore();
	readonly nodeTypes = new PackNodeTypes();
	readonly credentialsHelper = new PackCredentialsHelper(this.credentials);
	/** The workflow's time zone (n8n's settings.timezone): UTC unless TASKBRIDGE_TEST_TIMEZONE names another; a test may set its own. */
	timezone = defaultTimezone();

	constructor() {
		ensureInstanceSettings();
	}

	additionalData(): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			executeWorkflow: async () => {
				throw new Error('not used');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1/rest',
			instanceBaseUrl: 'http://127.0.0.1/',
			formBaseUrl: 'http://127.0.0.1:5678/formBaseUrl',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/formWaitingBaseUrl',
			formTestBaseUrl: 'http://127.0.0.1:5678/formTestBaseUrl',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhookBaseUrl',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhookWaitingBaseUrl',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhookTestBaseUrl',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcpBaseUrl',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcpTestBaseUrl',
			variables: {},
			logAiEvent: () => {},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	workflow(nodes: INode[], staticData: IDataObject = {}): Workflow {
		return new Workflow({
			id: 'engine-test',
			name: 'engine test',
			nodes,
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { timezone: this.timezone },
		});
	}
}

export interface NodeRun {
	/** Items on the main output. */
	items: INodeExecutionData[];
	/** Items on the error output (when the node's On Error is "continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** The error that stopped the workflow, if one did. */
	error?: { message: string; description?: string | null; httpCode?: string | null; name?: string };
	run: IRun;
}

export interface NodeSpec {
	type: string;
	parameters: IDataObject;
	credentialId?: string;
	credentialType?: string;
	onError?: INode['onError'];
	continueOnFail?: boolean;
	/** The node's version (default 1, as the tests were written for). */
	typeVersion?: number;
}

/** The node as a workflow holds it: our package's type, the parameters, and a stored credential. */
export function nodeOf(spec: NodeSpec, name: string): INode {
	return {
		id: `${name}-under-test`,
		name,
		type: `n8n-nodes-taskbridge.${spec.type}`,
		typeVersion: spec.typeVersion ?? 1,
		position: [0, 0],
		parameters: spec.parameters as INode['parameters'],
		onError: spec.onError,
		continueOnFail: spec.continueOnFail,
		credentials: spec.credentialId
			? { [spec.credentialType ?? 'oliverApi']: { id: spec.credentialId, name: 'test credential' } }
			: undefined,
	};
}

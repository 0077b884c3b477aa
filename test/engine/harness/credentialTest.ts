/**
 * A credential's Test button, as n8n's credential tester runs it: the test request through RoutingNode with
 * the credential applied, then the credential's rules.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type ICredentialTestFunctions,
	type IDataObject,
	type IExecuteData,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
} from 'n8n-workflow';
import type { Engine } from './engine';
import { CREDENTIAL_TYPES, NODE_TYPES, noOp } from './packTypes';

/**
 * The credential's Test button, as n8n's credential tester runs it: its test request, through RoutingNode,
 * with the credential's auth applied, then its rules checked. Returns n8n's verdict.
 */
export async function testCredential(
	engine: Engine,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const credentialType = CREDENTIAL_TYPES[type];
	const { test } = credentialType;
	if (!test || typeof test === 'string') throw new Error(`${type} has no declarative test`);
	const details = engine.credentials.add(type, data);
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
			credentials: [{ name: type, required: true }],
			requestDefaults: test.request,
		},
	};
	// n8n's tester marks its mock node this way, which makes preAuthentication run every time.
	const node: INode = {
		id: 'credential-test',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: { temp: '' },
		credentials: { [type]: details },
	};
	const workflow = engine.workflow([node]);
	const additionalData = engine.additionalData();
	const executeData: IExecuteData = { node, data: { main: [[{ json: {} }]] }, source: null };
	const runExecutionData = createRunExecutionData();
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[{ json: {} }],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, {
		id: details.id!,
		name: details.name,
		type,
		data: engine.credentials.data(details.id!),
	});
	try {
		// The tester always refreshes the expirable token, so clear it as n8n's noOp marker would.
		const stored = engine.credentials.data(details.id!);
		const expirable = credentialType.properties.find((p) => p.typeOptions?.expirable);
		if (expirable) engine.credentials.update(details.id!, { ...stored, [expirable.name]: '' });
		const response = await routingNode.runNode();
		const body = response?.[0]?.[0]?.json as IDataObject | undefined;
		for (const rule of test.rules ?? []) {
			if (
				rule.type === 'responseSuccessBody' &&
				body &&
				body[rule.properties.key] === rule.properties.value
			) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		// n8n's own tester words it 'Connection successful!'; tests written against this wording assert it as is.
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (error) {
		return verdictOnError(error as Error & { cause?: RequestFailure }, test.rules ?? []);
	}
}

interface RequestFailure {
	response?: { status: number; statusText?: string };
	code?: string;
}

/**
 * What n8n's tester says when the test request fails (CredentialsTester.runRequestTest, n8n 2.41.1 and 1.123.81):
 * for an HTTP answer, a `responseCode` rule's message, else the status line's reason phrase ("Unauthorized"),
 * never the vendor's body; for a connection failure, its code; otherwise (a sign-in thrown by
 * preAuthentication) the error's own message.
 */
function verdictOnError(
	error: Error & { cause?: RequestFailure },
	rules: NonNullable<ICredentialTestRequest['rules']>,
): { status: 'Error'; message: string } {
	const response = error.cause?.response;
	if (response) {
		for (const rule of rules) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status)
				return { status: 'Error', message: rule.properties.message };
		}
		if (response.status < 199 || response.status > 299)
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: error.message };
}

/**
 * The Test button of an OAuth2 credential. n8n's tester runs the test request as a stand-in node type that
 * declares the credential (its mockNodeTypes), so n8n-core can read the stored token and sign the request;
 * testCredential's stand-in declares none, which only matters for OAuth2.
 */
export async function testOAuth2Credential(
	engine: Engine,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const standIn = NODE_TYPES.noOp;
	NODE_TYPES.noOp = {
		description: { ...noOp.description, credentials: [{ name: type, required: true }] },
	};
	try {
		return await testCredential(engine, type, data);
	} finally {
		NODE_TYPES.noOp = standIn;
	}
}

/**
 * The Test button of a credential that a node tests (`testedBy` on the node's credential): as n8n's tester, the
 * method of that name in the node's `methods.credentialTest`, given the credential's data.
 */
export async function testCredentialByNode(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	for (const nodeType of Object.values(NODE_TYPES)) {
		const testedBy = nodeType.description.credentials?.find(
			(credential) => credential.name === type,
		)?.testedBy;
		if (typeof testedBy !== 'string') continue;
		const test = nodeType.methods?.credentialTest?.[testedBy];
		if (!test) throw new Error(`${nodeType.description.name} has no credentialTest ${testedBy}`);
		return await test.call({} as ICredentialTestFunctions, {
			id: 'credential-test',
			name: 'credential test',
			type,
			data,
		});
	}
	throw new Error(`No node tests the credential ${type}`);
}

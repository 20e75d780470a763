import { ConnectClient } from '@aws-sdk/client-connect';
import { checkConnectRequest } from './connect-model-contract';

/**
 * Jest setup of this project: every request any test makes through `ConnectClient` is checked
 * against Connect's service model before it is sent. A request the model forbids is not sent
 * (the call fails as Connect would refuse it) and fails the test that made it, even when the
 * adapter swallowed the failure.
 */
const violations: string[] = [];
const send = ConnectClient.prototype.send;

ConnectClient.prototype.send = function checkedSend(this: ConnectClient, command: { input: unknown; constructor: { name: string } }, ...rest: unknown[]) {
  const operation = command.constructor.name.replace(/Command$/, '');
  const problems = checkConnectRequest(operation, command.input);
  if (problems.length > 0) {
    violations.push(...problems);
    // Refused the way Connect refuses a request its model forbids: 400 InvalidParameterException.
    const refusal = Object.assign(new Error(`Request refused by the Connect model contract:\n${problems.join('\n')}`), {
      name: 'InvalidParameterException',
      $metadata: { httpStatusCode: 400 },
    });
    return Promise.reject(refusal);
  }
  return (send as (...args: unknown[]) => Promise<unknown>).call(this, command, ...rest);
} as typeof ConnectClient.prototype.send;

afterEach(() => {
  const found = violations.splice(0);
  if (found.length > 0) throw new Error(`The adapter sent requests Amazon Connect's model forbids:\n${found.join('\n')}`);
});

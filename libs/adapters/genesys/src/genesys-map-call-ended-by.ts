/**
 * Who ended a connected call, from the `disconnectType` of the customer's leg: the customer hung
 * up (`endpoint`), the agent did (`peer`: the other side of the call left, or `client`), or the platform.
 */
export function mapGenesysCallEndedBy(disconnectType: string | undefined): 'agent' | 'customer' | 'system' {
  if (disconnectType === 'endpoint') return 'customer';
  if (disconnectType === 'peer' || disconnectType === 'client') return 'agent';
  return 'system';
}

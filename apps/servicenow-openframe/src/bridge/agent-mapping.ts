import { z } from 'zod';

/**
 * The bridge's part of the OpenFrame configuration record's **Configuration** field ("Can be used to
 * store any JSON encoded string", t_CreateAnOpenFrameConfiguration.md): which ServiceNow user
 * (sys_user sys_id) is which ICC agent. Example:
 * `{"icc":{"agents":[{"sysUserId":"62826bf03710200044e0bfc8bcbe5df1","iccAgentId":"agent-ada"}]}}`
 */
export const AgentMappingConfig = z.object({
  icc: z
    .object({
      agents: z.array(z.strictObject({ sysUserId: z.string().min(1), iccAgentId: z.string().min(1) })).default([]),
    })
    .default({ agents: [] }),
});
export type AgentMapping = z.infer<typeof AgentMappingConfig>['icc']['agents'];

/**
 * The mapping from init's success argument ("the OpenFrame configuration stored in the system",
 * c_openFrameAPI.md § init). The page does not show that object; the bridge reads its
 * `configuration` member (JSON string or object) — unverified against an instance.
 */
export function readAgentMapping(snConfig: unknown): AgentMapping {
  const raw = (snConfig as { configuration?: unknown } | null | undefined)?.configuration;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  const parsed = AgentMappingConfig.safeParse(value ?? {});
  return parsed.success ? parsed.data.icc.agents : [];
}

/** The sys_user sys_id for an ICC agent; an unmapped agent is sent under its ICC id (and the docs say so). */
export function sysUserIdFor(mapping: AgentMapping, iccAgentId: string): string {
  return mapping.find((entry) => entry.iccAgentId === iccAgentId)?.sysUserId ?? iccAgentId;
}

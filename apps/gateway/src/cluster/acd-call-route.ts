import express, { type Router } from 'express';
import { toErrorIssues } from '@icc/protocol';
import { IccError } from '@icc/core';
import type { DevTelephony } from '../composition/adapter-registry';
import { AcdCall, answerAcdCall } from './acd-calls';
import type { CallbackIntake } from '../intake/callback-intake';
import { ACD_CALL_PATH } from './acd-owner-client';
import type { AcdOwnership } from './acd-ownership';
import type { ClusterTokens } from './cluster-tokens';

/**
 * `POST /internal/v1/acd`: where the other gateways send the calls they forward. Only gateways of
 * the cluster may call it (their bearer token); a gateway that does not run the ACD refuses with
 * `owner_unavailable` before running anything, so the caller may safely try the new owner.
 * Internal, so not in the public OpenAPI document (docs/cluster.md describes it).
 */
export function acdCallRouter(tokens: ClusterTokens, ownership: AcdOwnership, telephony: DevTelephony | undefined, ownIntake: () => CallbackIntake): Router {
  const router = express.Router();
  router.post(ACD_CALL_PATH, express.json({ limit: '1mb' }), async (req, res, next) => {
    try {
      const bearer = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      if (!bearer) throw new IccError('unauthorized', 'A cluster token is required');
      await tokens.verify(bearer);
      const parsed = AcdCall.safeParse(req.body);
      if (!parsed.success) throw new IccError('validation_failed', 'The forwarded call is invalid', toErrorIssues(parsed.error.issues));
      const term = await ownership.localTerm();
      if (!term) throw new IccError('owner_unavailable', 'This gateway does not run the ACD (any more); ask the lease holder');
      res.json(await answerAcdCall({ adapter: term.adapter, telephony, intake: ownIntake() }, parsed.data));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/**
 * The attribute names under which every vendor adapter writes ICC's ids onto the vendor's work item
 * (Genesys callback `data`, Amazon Connect contact attributes), so that whatever the vendor reports
 * about the item maps back to its interaction, and a contact flow or script can read them. One set
 * for every vendor: flows and reports written against one keep working against another.
 */
export const ICC_WORK_ITEM_KEYS = {
  callbackId: 'iccCallbackId',
  interactionId: 'iccInteractionId',
  callbackNumber: 'iccCallbackNumber',
} as const;

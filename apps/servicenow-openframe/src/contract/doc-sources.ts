/**
 * Where each schema field comes from: ServiceNow's documentation repository ServiceNow/ServiceNowDocs,
 * branch `australia` (read 2026-12-04). Field comments name the section as `§ <row>` of these pages.
 */
export const OPEN_FRAME_API_DOC = 'ServiceNow/ServiceNowDocs markdown/api-reference/c_openFrameAPI.md';
export const CALLBACK_REQUESTS_DOC = 'ServiceNow/ServiceNowDocs markdown/customer-service-management/ccaas-address-callback-requests.md';
export const CALLBACK_FEATURES_DOC =
  'ServiceNow/ServiceNowDocs markdown/customer-service-management/contact-center-intergration-with-icc-callback.md';
export const OVERFLOW_MENU_DOC = 'ServiceNow/ServiceNowDocs markdown/customer-service-management/implement-overflow-menu-icc.md';
export const OPENFRAME_RELEASE_NOTES_DOC = 'ServiceNow/ServiceNowDocs (branch store) markdown/store-release-notes/store-rn-csm-openframe.md';

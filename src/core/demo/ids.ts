import { documentId, projectId } from '../model/ids.ts';

// Apart from the demo's content, which is loaded on a first start only: the app checks for these on every start.
export const DEMO_PROJECT_ID = projectId('demo-municipal-police');
export const DEMO_DOCUMENT_ID = documentId('demo-municipal-police-doc');

import { buildReferenceDsp } from './buildReferenceDsp.ts';

export default async function setup(): Promise<void> {
  await buildReferenceDsp();
}

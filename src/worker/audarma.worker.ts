/// <reference lib="webworker" />
import { createJobs } from './jobs.ts';
import { serve, type Scope } from './serve.ts';

// The speller (and its dictionary files) is loaded by the first check that asks for spelling, not with the worker.
const jobs = createJobs((lang) => import('./speller.ts').then(({ spellerFor }) => spellerFor(lang)));
serve(
  self as unknown as Scope,
  jobs as unknown as Record<string, (input: unknown, progress: (f: number) => void) => unknown>,
);

/// <reference lib="webworker" />
import { createJobs } from './jobs.ts';
import { serve, type Scope } from './serve.ts';
import { spellerFor } from './speller.ts';

const jobs = createJobs(spellerFor);
serve(
  self as unknown as Scope,
  jobs as unknown as Record<string, (input: unknown, progress: (f: number) => void) => unknown>,
);

import { RE2JS } from 're2js';
import { installLinearRegex } from './linearRegex.ts';

// Imported for its effect by code that runs checks (the worker, the command line): a project's phrase rules may
// be regular expressions, and checks run synchronously, so the engine must be there before the first one.
installLinearRegex(RE2JS);

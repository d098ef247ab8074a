import { Testing } from 'cdktf';
// Brings the type declarations of cdktf's jest matchers into the compilation.
import 'cdktf/lib/testing/adapters/jest';

// Adds cdktf's matchers (toHaveResourceWithProperties, ...) to jest's expect. Imported by the
// test files that use them, not set up for every file: most never load cdktf at all.
Testing.setupJest();

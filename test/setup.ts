import { Testing } from 'cdktf';
// Brings the type declarations of cdktf's jest matchers into the compilation.
import 'cdktf/lib/testing/adapters/jest';

// Adds cdktf's matchers (toHaveResourceWithProperties, ...) to jest's expect.
Testing.setupJest();

import { Testing } from 'cdktf';

// Adds cdktf's matchers (toHaveResourceWithProperties, ...) to jest's expect.
Testing.setupJest();

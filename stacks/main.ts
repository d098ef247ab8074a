import { synthMesh } from '../src';

// The app stays thin: everything it builds comes from the contracts folder
// ($DATAMESH_CONTRACTS, default contracts/) for the environment $DATAMESH_ENV (default dev).
synthMesh();

import { App } from 'cdktf';
import { buildMesh, exitOnInvalidMesh } from '../src';

// The app stays thin: everything it builds comes from the contracts folder
// ($DATAMESH_CONTRACTS, default contracts/) for the environment $DATAMESH_ENV (default dev).
const app = new App();
try {
  buildMesh(app);
} catch (error) {
  exitOnInvalidMesh(app, error);
}
app.synth();

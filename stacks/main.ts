import { App } from 'cdktf';
import { buildMesh, exitOnInvalidMesh, finishSynthesis, type BuiltMesh } from '../src';

// The app stays thin: everything it builds comes from the contracts folder
// ($DATAMESH_CONTRACTS, default contracts/) for the environment $DATAMESH_ENV (default dev).
const app = new App();
let built: BuiltMesh;
try {
  built = buildMesh(app);
} catch (error) {
  exitOnInvalidMesh(app, error);
}
app.synth();
finishSynthesis(app, built);

import { App } from 'cdktf';
import { buildMesh, MeshValidationError } from '../src';

// The app stays thin: everything it builds comes from the contracts folder.
const app = new App();
try {
  buildMesh(app);
} catch (error) {
  if (!(error instanceof MeshValidationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();

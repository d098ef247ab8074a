/**
 * The test files of jest's integration project (jest.config.js): files that start other programs:
 * terraform (init, validate, plan), the cdktf CLI and its app, the datamesh executable, headless
 * Chromium, npm pack + install. test/docs/test-projects.test.ts checks the list.
 */
module.exports = [
  'test/terraform/plan.test.ts', // terraform init + validate + plan of every reference stack
  'test/security/template-injection.test.ts', // terraform validate of hostile text
  'test/cli/new.test.ts', // terraform plan of a scaffolded product
  'test/package/consumer.test.ts', // npm pack, install into the domain-repo template, cdktf synth
  'test/catalog/browser.test.ts', // headless Chromium
  'test/synth/quiet-synth.test.ts', // the cdktf CLI
  'test/synth/reference-mesh.test.ts', // the cdktf CLI
  'test/governance/synthesis.test.ts', // the cdktf CLI
  'test/contract/hostile-input.test.ts', // the cdktf CLI
  'test/cli/bin.test.ts', // the datamesh executable, cold and warm
  'test/cli/mesh-root.test.ts', // the datamesh executable
  'test/cli/output-paths.test.ts', // the datamesh executable, as an unprivileged user
  'test/cli/registry.test.ts', // datamesh registry pack runs npm pack
  'test/plan/offline-plan.test.ts', // datamesh plan --offline runs terraform init + plan
  'test/synth/selective-synthesis.test.ts', // the cdktf CLI
];

/**
 * Mock credentials and skip flags so `terraform plan` runs without an AWS account. They go into an
 * override file beside the stack, which Terraform merges argument by argument, and never into the
 * synthesized output. The account allow-list is lifted because mock credentials belong to no
 * account. Shared by `datamesh plan --offline` and the test suite's terraform harness.
 */
export const MOCK_AWS_PROVIDER = {
  aws: [
    {
      access_key: 'mock-access-key',
      secret_key: 'mock-secret-key',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
      allowed_account_ids: null,
    },
  ],
};

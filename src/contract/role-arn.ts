/**
 * IAM role ARNs as AWS accepts them: the commercial partition the platform's policies name, a
 * 12-digit account, an optional path and a role name of at most 64 characters.
 */
export interface RoleArn {
  readonly account: string;
  readonly path: string;
  readonly name: string;
}

const ROLE_ARN = /^arn:([^:]*):iam::([^:]*):role\/(.*)$/;
const NAME = /^[A-Za-z0-9+=,.@_-]{1,64}$/;
const PATH_SEGMENT = /^[\x21-\x2E\x30-\x7E]+$/;
const MAX_PATH = 512;

/** The role's parts, or what is wrong with the ARN. */
export function parseRoleArn(arn: string): RoleArn | { readonly problem: string } {
  const match = ROLE_ARN.exec(arn);
  if (!match) return { problem: 'is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)' };
  const [, partition, account, rest] = match;
  if (partition !== 'aws') return { problem: `is in partition "${partition}"; the platform builds for the commercial partition "aws" only` };
  if (!/^\d{12}$/.test(account)) return { problem: `names account "${account}", which is not a 12-digit AWS account id` };
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  const path = `/${rest.slice(0, slash + 1)}`;
  if (!NAME.test(name)) return { problem: `has role name "${name}"; role names are 1-64 letters, digits and + = , . @ _ -` };
  if (
    path.length > MAX_PATH ||
    path
      .split('/')
      .slice(1, -1)
      .some((segment) => !PATH_SEGMENT.test(segment))
  ) {
    return { problem: `has role path "${path}"; a path is /-separated non-empty segments of printable characters, at most ${MAX_PATH} in all` };
  }
  return { account, path, name };
}

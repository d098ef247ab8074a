/**
 * Every error a construct throws, each written once by a named factory (STYLE.md: errors built by
 * named factory functions in one errors module). A construct error means the props cannot be
 * built as given; the message says what is wrong and how to fix it.
 */
export class ConstructError extends Error {
  override readonly name = 'ConstructError';
}

export function unknownDomain(domain: string, known: readonly string[]): ConstructError {
  return new ConstructError(`DomainStack: domain "${domain}" is not in the mesh (known: ${known.join(', ')}); pass the name of a domain folder that holds a domain.yaml`);
}

export function undeclaredEnvironment(environment: string, environments: readonly string[]): ConstructError {
  return new ConstructError(`DomainStack: environment "${environment}" is not one of platform.environments (${environments.join(', ')}); add it to platform.yaml or pick one of those`);
}

export function keyPolicyTooLarge(domain: string, characters: number, limit: number): ConstructError {
  return new ConstructError(
    `DomainStack: the key policy of domain ${domain} would be ${characters} characters, more than the ${limit} KMS accepts; ` +
      'fewer roles reading products of the domain directly (or with different sets of products), or splitting the domain, makes it fit',
  );
}

export function conditionSetTwice(operator: string, key: string): ConstructError {
  return new ConstructError(`policy statement: condition ${operator} ${key} is set twice; merge the two values into one condition`);
}

export function notAPrincipalArn(arn: string): ConstructError {
  return new ConstructError(`not an IAM principal ARN: ${arn}; write arn:aws:iam::<12-digit account>:role/<name> (or :user/<name>)`);
}

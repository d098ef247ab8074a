/**
 * The one escaping layer between untrusted text (anything from a contract, domain.yaml or
 * platform.yaml) and Terraform JSON.
 *
 * Terraform evaluates `${...}` and `%{...}` in every string of `cdk.tf.json`, and cdktf itself
 * reads `${...}` in a construct's strings as an expression or a token (`${TfToken[TOKEN.n]}`)
 * before Terraform ever sees it. Escaping user text before cdktf would not survive cdktf's own
 * handling of `$${`, so the text crosses cdktf in a form that holds no brace at all:
 *
 * 1. `untrusted(spec)` copies a model value with every `{` in its strings replaced by a
 *    private-use character. Constructs only ever receive these copies (DomainStack and
 *    DataProduct convert their props on entry), so cdktf sees no expression or token marker in
 *    user text, whatever a construct does with it.
 * 2. `guardStack(stack)` makes the stack's Terraform JSON pass through `literalText`, which turns
 *    each private-use character back into `{`, doubling the `$` or `%` before it (`$${`, `%%{`),
 *    Terraform's escapes for literal `${` and `%{`. Real cdktf tokens never held the marker, so
 *    references resolved by cdktf keep working.
 *
 * Text that already holds the marker character (U+E000) is refused at load by the contract
 * schemas' text rules; here it is replaced by U+FFFD so it can never turn into a brace.
 */
import type { TerraformStack } from 'cdktf';
import { copyDeferredLocation } from '../contract/positions';

const BRACE = '\uE000';
const REPLACEMENT = '\uFFFD';

const encodedCopies = new WeakMap<object, object>();
const originals = new WeakMap<object, object>();

/** A copy of a model value that is safe to hand to constructs; the same copy for the same value. */
export function untrusted<T>(value: T): T {
  if (value === null || typeof value !== 'object') return (typeof value === 'string' ? encodeText(value) : value) as T;
  if (originals.has(value)) return value;
  const cached = encodedCopies.get(value);
  if (cached) return cached as T;
  // A location whose line is not known yet stays so: finding it parses the file again.
  const copy =
    copyDeferredLocation(value, encodeText) ??
    (Array.isArray(value) ? value.map((item: unknown) => untrusted(item)) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, untrusted(item)])));
  encodedCopies.set(value, copy);
  originals.set(copy, value);
  return copy as T;
}

/** The model value an `untrusted` copy was made from (the value itself when it is not a copy). */
export function original<T extends object>(value: T): T {
  return (originals.get(value) as T | undefined) ?? value;
}

function encodeText(text: string): string {
  return text.includes('{') || text.includes(BRACE) ? text.replaceAll(BRACE, REPLACEMENT).replaceAll('{', BRACE) : text;
}

/** Turns encoded user text in resolved Terraform JSON into Terraform literals. */
export function literalText<T>(json: T): T {
  if (typeof json === 'string') return (json.includes(BRACE) ? decodeText(json) : json) as T;
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(literalText) as T;
  return Object.fromEntries(Object.entries(json).map(([key, item]) => [literalText(key), literalText(item)])) as T;
}

function decodeText(text: string): string {
  return text.replace(/([$%]?)\uE000/g, (_, sigil: string) => (sigil ? `${sigil}${sigil}{` : '{'));
}

const guarded = new WeakSet<TerraformStack>();

/**
 * Makes `stack.toTerraform()` return literal user text. Every construct that receives `untrusted`
 * text calls this on its stack, so a DataProduct in a plain TerraformStack is covered too.
 */
export function guardStack(stack: TerraformStack): void {
  if (guarded.has(stack)) return;
  guarded.add(stack);
  const resolve: () => unknown = stack.toTerraform.bind(stack);
  stack.toTerraform = () => literalText(resolve());
}

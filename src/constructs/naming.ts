// Physical names are pure and shared with the loader's clash check: they live in src/contract.
export * from '../contract/naming';

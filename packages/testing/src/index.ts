export * from './eventually';
export * from './namespace';
export * from './kafka';
export * from './graphql';
export * from './members';
export * from './service';
export * from './leftovers';
export * from './oidc';

export { compareApis, acceptedBreakingChanges, type ApiChangeReport } from './breaking';
export { findStaleFiles } from './check';
export { composeSupergraph, NO_SUBGRAPHS_PLACEHOLDER, type SupergraphFiles } from './compose';
export { packageDir, subgraphManifestPath, supergraphPath } from './paths';
export { findSubgraphSources, type SubgraphSource } from './subgraph-sources';

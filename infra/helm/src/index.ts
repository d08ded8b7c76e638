export {
  checkedValues,
  chartDir,
  ensureChartTools,
  lintChart,
  renderChart,
  validateManifests,
  RELEASE,
  type ChartTools,
  type Outcome,
} from './chart';
export { ensureHelm, ensureValidator, HELM_VERSION } from './tools';

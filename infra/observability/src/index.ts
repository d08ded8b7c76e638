export {
  cachedPrometheus,
  ensurePrometheus,
  localScrapeConfig,
  observabilityDir,
  prometheusApi,
  promtool,
  startPrometheus,
  PROMETHEUS_VERSION,
  type PrometheusTools,
} from './prometheus';
export {
  legend,
  readDashboard,
  renderPanel,
  rowsOf,
  substitute,
  type Dashboard,
} from './dashboard';

export {
  DEFAULT_IDLE_COLLECT_POLICY,
  DEFAULT_IDLE_GC_SECONDS,
  type IdleCollection,
  IdleCollector,
  type IdleCollectorPorts,
  type IdleCollectPolicy,
  processPorts,
} from './idle-collect';
export { createWorkTracker, type DrainResult, type WorkTracker } from './work-tracker';

export { createWorkTracker, type DrainResult, type WorkTracker } from './work-tracker';
